package io.glauber.cli;

import com.typesafe.config.Config;
import io.glauber.data.Dataset;
import io.glauber.engine.actor.neuron.NeuronPhases;
import io.glauber.engine.batch.AnnealedPhases;
import io.glauber.evaluate.EncoderExperiment;
import io.glauber.exact.ExactBoltzmann;
import io.glauber.io.Json;
import io.glauber.io.MetricsWriter;
import io.glauber.io.ModelFiles;
import io.glauber.learn.PhaseSampler;
import io.glauber.learn.StartingMachine;
import io.glauber.learn.TwoPhaseLearning;
import io.glauber.learn.TwoPhaseSettings;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The two-phase Boltzmann learning of Ackley, Hinton and Sejnowski (1985) ({@link TwoPhaseLearning},
 * keys in {@link TwoPhaseSettings} and {@link StartingMachine}): {@code model.type = bm} trains one
 * machine for {@code train.cycles} cycles or {@code train.seconds}, reporting the exact
 * log-likelihood every {@code eval.every} cycles, and saves model.npz; {@code model.type =
 * bm-encoder} runs the encoder experiment ({@link EncoderExperiment}) and prints its JSON summary.
 */
final class TwoPhaseJob implements TrainJob {
  /** Each engine's phases, by the name of {@code engine}, given the configuration (the actor engine reads its {@code actor} section). */
  static final Map<String, Function<Config, PhaseSampler.Factory>> ENGINES = Map.of(
      "batch", c -> AnnealedPhases::create,
      "actor", c -> NeuronPhases.factory(NeuronPhases.options(c)));

  private final boolean encoder;

  TwoPhaseJob(boolean encoder) {
    this.encoder = encoder;
  }

  @Override
  public void run(Config c, Path out, boolean force, boolean resume) throws Exception {
    TrainJob.refuseResume(resume);
    String engine = Configs.get(c, "engine", Config::getString, "batch");
    Function<Config, PhaseSampler.Factory> engineOf = ENGINES.get(engine);
    if (engineOf == null) throw new IllegalArgumentException("config: engine = " + engine + " (expected one of " + ENGINES.keySet() + ")");
    PhaseSampler.Factory factory = engineOf.apply(c);
    TwoPhaseSettings settings = TwoPhaseSettings.from(c);
    long seed = Configs.get(c, "seed", Config::getLong, 1L);
    if (encoder) {
      EncoderExperiment.Result r = EncoderExperiment.from(c, settings).run(factory, engine, seed);
      try (MetricsWriter runs = MetricsWriter.open(out.resolve("runs.jsonl"), force)) {
        for (EncoderExperiment.Run run : r.runs()) runs.write(run.fields());
      }
      System.out.println(Configs.get(c, "json", Config::getBoolean, false) ? Json.toLine(r.summary()) : r.describe());
      return;
    }
    Dataset data = Configs.binaryData(c);
    double[][] rows = data.rowsAsDouble();
    long cycles = Configs.get(c, "train.cycles", Config::getLong);
    double seconds = Configs.get(c, "train.seconds", Config::getDouble, Double.POSITIVE_INFINITY);
    int every = Configs.evalEvery(c, 100);
    SplittableRandom random = new SplittableRandom(seed);
    var initial = StartingMachine.from(c, data.cols(), settings.temperature(), random);
    long t0 = System.nanoTime();
    double[] ll = {Double.NaN};
    try (PhaseSampler sampler = factory.create(initial, settings, random.nextLong());
        MetricsWriter metrics = MetricsWriter.open(out.resolve("metrics.jsonl"), force);
        Progress bar = new Progress("train " + data.name() + " (" + engine + ", " + settings.describe() + ")", cycles)) {
      TwoPhaseLearning learning = new TwoPhaseLearning(initial, settings, sampler);
      learning.train(rows, cycles, Configs.get(c, "train.learning-rate-final", Config::getDouble, settings.rule().learningRate()), cycle -> {
        double elapsed = (System.nanoTime() - t0) / 1e9;
        boolean last = cycle.number() == cycles || elapsed >= seconds;
        if ((cycle.number() % every == 0 || last) && cycle.model().size() <= ExactBoltzmann.MAX_UNITS) {
          ll[0] = ExactBoltzmann.of(cycle.model()).meanLogLikelihood(rows);
          metrics.write(Json.object("cycle", cycle.number(), "seconds", elapsed, "exact_ll", ll[0]));
          bar.message(String.format("exact LL %.4f", ll[0]));
        }
        bar.stepTo(cycle.number());
        return !last;
      });
      ModelFiles.write(out.resolve("model.npz"), learning.model(), force);
      System.out.printf("trained a Boltzmann machine (%d visible, %d hidden) on %s, engine %s, %d cycles in %.1f s%s; model %s%n",
          data.cols(), initial.nHidden(), data.name(), engine, learning.cycles(), (System.nanoTime() - t0) / 1e9,
          Double.isNaN(ll[0]) ? "" : String.format("; exact mean LL %.4f nats per pattern", ll[0]), out.resolve("model.npz"));
    }
  }
}
