package io.glauber.job;

import com.typesafe.config.Config;
import io.glauber.data.Dataset;
import io.glauber.engine.actor.cluster.ClusterPhases;
import io.glauber.engine.actor.neuron.NeuronPhases;
import io.glauber.engine.batch.AnnealedPhases;
import io.glauber.engine.batch.RandomProbePhases;
import io.glauber.evaluate.EncoderExperiment;
import io.glauber.evaluate.TwoPhaseTraining;
import io.glauber.io.Json;
import io.glauber.io.MetricsWriter;
import io.glauber.io.ModelFiles;
import io.glauber.io.Plots;
import io.glauber.learn.PhaseSampler;
import io.glauber.learn.TwoPhaseSettings;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The two-phase Boltzmann learning of Ackley, Hinton and Sejnowski (1985) on the engine of
 * {@code engine} ({@link #ENGINES}; keys in {@link TwoPhaseSettings}): {@code model.type = bm}
 * trains one machine ({@link TwoPhaseTraining}) and saves model.npz, metrics.jsonl and
 * curve-ll.png; {@code model.type = bm-encoder} runs the encoder experiment
 * ({@link EncoderExperiment}), writes runs.jsonl and cycles.png (the percentage of runs solved by each
 * learning cycle) and prints its summary (one JSON object with --json).
 * With {@code cluster.join} (train --join HOST:PORT --members N) the actor engine's neurons are placed
 * over the members ({@link ClusterPhases}).
 */
final class TwoPhaseJob implements TrainJob {
  /** Each engine's phases, by the name of {@code engine}, given the configuration (the actor engine reads its {@code actor} section). */
  static final Map<String, Function<Config, PhaseSampler.Factory>> ENGINES = Map.of(
      "batch", c -> AnnealedPhases::create,
      "probes", c -> RandomProbePhases::create,
      "actor", c -> NeuronPhases.factory(NeuronPhases.options(c)));

  private final boolean encoder;

  TwoPhaseJob(boolean encoder) {
    this.encoder = encoder;
  }

  @Override
  public boolean printsJson() {
    return encoder;
  }

  @Override
  public void run(Config c, Path out, boolean force, boolean resume) throws Exception {
    TrainJob.refuseResume(resume);
    String engine = Configs.get(c, "engine", Config::getString, "batch");
    Function<Config, PhaseSampler.Factory> engineOf = ENGINES.get(engine);
    if (engineOf == null) throw new IllegalArgumentException("config: engine = " + engine + " (expected one of " + ENGINES.keySet() + ")");
    PhaseSampler.Factory local = engineOf.apply(c);
    TwoPhaseSettings settings = TwoPhaseSettings.from(c);
    try (ClusterPhases cluster = engine.equals("actor") ? ClusterPhases.fromConfig(c) : null) { // train --join: neurons over the members
      run(c, out, force, engine, settings, cluster == null ? local
          : encoder ? cluster.factory(NeuronPhases.options(c)) : cluster.factory(NeuronPhases.options(c), out.resolve("model.npz"), force));
    }
  }

  private void run(Config c, Path out, boolean force, String engine, TwoPhaseSettings settings, PhaseSampler.Factory factory) throws Exception {
    long seed = Configs.get(c, "seed", Config::getLong, 1L);
    if (encoder) {
      EncoderExperiment experiment = EncoderExperiment.from(c, settings);
      EncoderExperiment.Result r = experiment.run(factory, engine, seed);
      try (MetricsWriter runs = MetricsWriter.open(out.resolve("runs.jsonl"), force)) {
        for (EncoderExperiment.Run run : r.runs()) runs.write(run.fields());
      }
      Plots.percentages(out.resolve("cycles.png"), Configs.get(c, "data", Config::getString, "encoder") + " — runs solved by learning cycle ("
          + engine + ", " + r.runs().size() + " runs)", "learning cycle", "% of runs solved", r.solvedByCycle(experiment.maxCycles()), force);
      System.out.println(Configs.get(c, "json", Config::getBoolean, false) ? Json.toLine(r.summary()) : r.describe());
      return;
    }
    Dataset data = Configs.binaryData(c);
    SplittableRandom random = new SplittableRandom(seed);
    TwoPhaseTraining training = TwoPhaseTraining.from(c, data, settings, random);
    TwoPhaseTraining.Outcome done;
    try (PhaseSampler sampler = factory.create(training.initial(), settings, random.nextLong());
        MetricsWriter metrics = MetricsWriter.open(out.resolve("metrics.jsonl"), force);
        Progress bar = new Progress("train " + data.name() + " (" + engine + ", " + settings.describe() + ")", training.cycles())) {
      done = training.run(sampler, (cycle, m) -> {
        if (m != null) {
          metrics.write(m);
          bar.message(String.format("exact LL %.4f", (double) m.get("exact_ll")));
        }
        bar.stepTo(cycle);
      });
    }
    ModelFiles.write(out.resolve("model.npz"), done.model(), force);
    if (!done.curve().isEmpty()) done.writeCurve(out.resolve("curve-ll.png"), "Boltzmann machine on " + data.name() + " (" + engine + ")", force);
    System.out.printf("trained a Boltzmann machine (%d visible, %d hidden) on %s, engine %s, %d cycles in %.1f s%s; model %s%n",
        data.cols(), done.model().nHidden(), data.name(), engine, done.cycles(), done.seconds(),
        done.curve().isEmpty() ? "" : String.format("; exact mean LL %.4f nats per pattern", done.lastLogLikelihood()), out.resolve("model.npz"));
  }
}
