package io.glauber.cli;

import com.typesafe.config.Config;
import io.glauber.data.DataSpecs;
import io.glauber.data.Dataset;
import io.glauber.engine.actor.neuron.ActorTrainer;
import io.glauber.engine.actor.Dynamics;
import io.glauber.engine.actor.Mode;
import io.glauber.engine.actor.neuron.BoltzmannSupervisor;
import io.glauber.exact.ExactBoltzmann;
import io.glauber.io.MetricsWriter;
import io.glauber.io.ModelFiles;
import io.glauber.learn.LearningRule;
import io.glauber.model.BoltzmannMachine;
import io.glauber.model.RandomMachines;
import io.glauber.model.Units;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Trains a fully connected Boltzmann machine with hidden units on the actor engine: one neuron actor
 * per unit, a supervisor that runs the clamped and free phases on several copies of the network,
 * and the shared learning rule (or, with {@code actor.local = true}, each neuron learning its own
 * incoming weights from the co-activations it saw). The exact log-likelihood is reported when the
 * machine has at most 24 units.
 */
final class BmActorJob implements TrainJob {

  @Override
  public void run(Config c, Path out, boolean force, boolean resume) throws Exception {
    if (resume) throw new IllegalArgumentException("--resume: this job keeps no checkpoints (the batched RBM trainer does)");
    Dataset data = RbmBatchJob.binary(DataSpecs.load(Configs.get(c, "data", Config::getString)));
    long seed = Configs.get(c, "seed", Config::getLong, 1L);
    int hidden = Configs.get(c, "model.hidden", Config::getInt);
    int n = data.cols() + hidden;
    double initStd = Configs.get(c, "train.init-std", Config::getDouble, 0.01);
    BoltzmannMachine initial = RandomMachines.gaussian(n, Units.BINARY, initStd, 0, data.cols(), 1.0, new SplittableRandom(seed));
    LearningRule rule = new LearningRule(
        Configs.get(c, "train.learning-rate", Config::getDouble),
        Configs.get(c, "train.momentum", Config::getDouble, 0.0),
        Configs.get(c, "train.weight-decay", Config::getDouble, 0.0), 0, 0, 0);
    Mode mode = Mode.parse(Configs.get(c, "actor.mode", Config::getString, "exact"));
    Dynamics dynamics = mode == Mode.EXACT ? Dynamics.exact()
        : Dynamics.async(Duration.ofNanos(Configs.get(c, "actor.mean-interval-us", Config::getLong, 0L) * 1000),
            Duration.ofNanos(Configs.get(c, "actor.delay-us", Config::getLong, 0L) * 1000));
    boolean local = Configs.get(c, "actor.local", Config::getBoolean, false);
    BoltzmannSupervisor.Settings settings = new BoltzmannSupervisor.Settings(rule, dynamics,
        Configs.get(c, "actor.burn-in", Config::getInt, 3), Configs.get(c, "actor.sweeps", Config::getInt, 10),
        local ? 1 : Configs.get(c, "actor.copies", Config::getInt, 2), local,
        Duration.ofSeconds(Configs.get(c, "actor.phase-timeout-s", Config::getInt, 60)));
    int epochs = Configs.get(c, "train.epochs", Config::getInt);
    int every = Configs.evalEvery(c, 10);
    double[][] rows = data.rowsAsDouble();
    boolean exact = n <= ExactBoltzmann.MAX_UNITS;
    long t0 = System.nanoTime();
    double[] lastLl = {Double.NaN};
    BoltzmannMachine model;
    try (MetricsWriter metrics = MetricsWriter.open(out.resolve("metrics.jsonl"), force);
        Progress bar = new Progress("train " + data.name() + " (neuron actors, " + mode.name().toLowerCase() + (local ? ", local" : "") + ")", epochs)) {
      model = ActorTrainer.train(initial, rows, settings, epochs, Configs.get(c, "train.batch-size", Config::getInt), seed, r -> {
        if (r.epoch() % every == 0 || r.epoch() == epochs) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("epoch", r.epoch());
          if (exact) {
            lastLl[0] = ExactBoltzmann.of(r.model()).meanLogLikelihood(rows);
            m.put("exact_ll", lastLl[0]);
            bar.message(String.format("exact LL %.4f", lastLl[0]));
          }
          m.put("max_weight_asymmetry", r.maxAsymmetry());
          m.put("seconds", (System.nanoTime() - t0) / 1e9);
          metrics.write(m);
        }
        bar.stepTo(r.epoch());
      });
    }
    ModelFiles.write(out.resolve("model.npz"), model, force);
    System.out.printf("trained a Boltzmann machine (%d visible, %d hidden) on %s with neuron actors in %.1f s%s; model %s%n",
        data.cols(), hidden, data.name(), (System.nanoTime() - t0) / 1e9,
        exact ? String.format("; exact mean LL %.4f nats per pattern", lastLl[0]) : "", out.resolve("model.npz"));
  }
}
