package io.glauber.engine.actor.neuron;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import io.glauber.engine.actor.Dynamics;
import io.glauber.engine.actor.Mode;
import io.glauber.learn.LearningRule;
import io.glauber.model.BoltzmannMachine;
import io.glauber.model.RandomMachines;
import io.glauber.model.Units;
import java.time.Duration;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Everything a neuron-actor training run of a fully connected Boltzmann machine with hidden units
 * needs, validated up front (a bad value is named with what was expected). Read from HOCON by
 * {@link #from(Config)} the way {@code engine.batch.TrainConfig} reads the batched engine's: every
 * optional key has a default ({@link #DEFAULTS}); {@code model.hidden}, {@code train.epochs},
 * {@code train.batch-size} and {@code train.learning-rate} must be given.
 *
 * <pre>
 * seed = 1
 * model.hidden = 4
 * train {
 *   epochs = 120
 *   batch-size = 14          # patterns per learning step
 *   learning-rate = 0.1
 *   momentum = 0.0
 *   weight-decay = 0.0
 *   init-std = 0.01          # w_ij ~ N(0, init-std²), biases 0
 * }
 * actor {
 *   mode = exact             # exact | async
 *   mean-interval-us = 0     # async: mean clock interval (0: as fast as possible)
 *   delay-us = 0             # async: delivery delay of state changes
 *   burn-in = 3              # sweeps before each phase's measurement window
 *   sweeps = 10              # measured sweeps per phase
 *   copies = 2               # network copies sharing a mini-batch (1 with local learning)
 *   local = false            # each neuron learns its own weights from local co-activations
 *   phase-timeout-s = 60
 * }
 * eval.every = 10            # epochs between exact log-likelihood reports (the last is always reported)
 * </pre>
 *
 * @param seed the run's one seed: initial weights, network seeds, batch order
 * @param hidden hidden units
 * @param epochs passes over the data
 * @param batchSize data vectors per learning step
 * @param learningRate η
 * @param momentum μ
 * @param weightDecay L2 coefficient λ
 * @param initStd standard deviation of the initial weights
 * @param mode exact (colour barrier) or async (Poisson clocks)
 * @param meanInterval async: mean clock interval (zero: as fast as possible)
 * @param delay async: delivery delay of state changes
 * @param burnIn sweeps before measuring, each phase
 * @param sweeps measured sweeps, each phase
 * @param copies networks run in parallel (1 with local learning)
 * @param local each neuron learns from its own co-activations (exact mode)
 * @param phaseTimeout deadline of one phase
 * @param evalEvery epochs between evaluations
 */
public record NeuronTrainConfig(
    long seed, int hidden, int epochs, int batchSize, double learningRate, double momentum, double weightDecay,
    double initStd, Mode mode, Duration meanInterval, Duration delay, int burnIn, int sweeps, int copies,
    boolean local, Duration phaseTimeout, int evalEvery) {

  /** The defaults of the optional keys. */
  public static final String DEFAULTS = String.join("\n",
      "seed = 1",
      "train { momentum = 0.0, weight-decay = 0.0, init-std = 0.01 }",
      "actor { mode = exact, mean-interval-us = 0, delay-us = 0, burn-in = 3, sweeps = 10, copies = 2, local = false, phase-timeout-s = 60 }",
      "eval.every = 10");

  public NeuronTrainConfig {
    check(hidden >= 0, "model.hidden", hidden, "≥ 0");
    check(epochs >= 0, "train.epochs", epochs, "≥ 0");
    check(batchSize >= 1, "train.batch-size", batchSize, "≥ 1");
    check(learningRate > 0 && Double.isFinite(learningRate), "train.learning-rate", learningRate, "> 0");
    check(momentum >= 0 && momentum < 1, "train.momentum", momentum, "in [0, 1)");
    check(weightDecay >= 0 && Double.isFinite(weightDecay), "train.weight-decay", weightDecay, "≥ 0");
    check(initStd >= 0 && Double.isFinite(initStd), "train.init-std", initStd, "≥ 0");
    if (mode == null) throw new IllegalArgumentException("actor.mode missing (expected exact or async)");
    if (meanInterval == null || meanInterval.isNegative()) throw new IllegalArgumentException("actor.mean-interval-us = " + meanInterval + " (expected ≥ 0)");
    if (delay == null || delay.isNegative()) throw new IllegalArgumentException("actor.delay-us = " + delay + " (expected ≥ 0)");
    check(burnIn >= 0, "actor.burn-in", burnIn, "≥ 0");
    check(sweeps >= 1, "actor.sweeps", sweeps, "≥ 1");
    check(copies >= 1, "actor.copies", copies, "≥ 1");
    if (local && copies != 1) throw new IllegalArgumentException("actor.copies = " + copies + " with actor.local = true (expected 1: each neuron learns in place)");
    if (local && mode != Mode.EXACT) throw new IllegalArgumentException("actor.local = true with actor.mode = " + mode.name().toLowerCase(Locale.ROOT) + " (expected exact)");
    if (phaseTimeout == null || phaseTimeout.isNegative() || phaseTimeout.isZero()) {
      throw new IllegalArgumentException("actor.phase-timeout-s = " + phaseTimeout + " (expected > 0)");
    }
    check(evalEvery >= 1, "eval.every", evalEvery, "≥ 1");
  }

  private static final String[] REQUIRED = {"model.hidden", "train.epochs", "train.batch-size", "train.learning-rate"};

  private static void check(boolean ok, String key, double value, String expected) {
    if (!ok) throw new IllegalArgumentException(key + " = " + value + " (expected " + expected + ")");
  }

  private static void check(boolean ok, String key, long value, String expected) {
    if (!ok) throw new IllegalArgumentException(key + " = " + value + " (expected " + expected + ")");
  }

  /** Reads the keys of the class comment from {@code c}, defaults for the optional ones. */
  public static NeuronTrainConfig from(Config c) {
    for (String key : REQUIRED) if (!c.hasPath(key)) throw new IllegalArgumentException("config: missing key '" + key + "'");
    try {
      Config f = c.withFallback(ConfigFactory.parseString(DEFAULTS)).resolve();
      boolean local = f.getBoolean("actor.local");
      return new NeuronTrainConfig(
          f.getLong("seed"), f.getInt("model.hidden"), f.getInt("train.epochs"), f.getInt("train.batch-size"),
          f.getDouble("train.learning-rate"), f.getDouble("train.momentum"), f.getDouble("train.weight-decay"),
          f.getDouble("train.init-std"), Mode.parse(f.getString("actor.mode")),
          Duration.ofNanos(f.getLong("actor.mean-interval-us") * 1000), Duration.ofNanos(f.getLong("actor.delay-us") * 1000),
          f.getInt("actor.burn-in"), f.getInt("actor.sweeps"), local ? 1 : f.getInt("actor.copies"), local,
          Duration.ofSeconds(f.getInt("actor.phase-timeout-s")), f.getInt("eval.every"));
    } catch (ConfigException.Missing | ConfigException.WrongType e) {
      throw new IllegalArgumentException("config: " + e.getMessage());
    }
  }

  /** The shared learning rule: η, μ and λ, no sparsity. */
  public LearningRule rule() {
    return new LearningRule(learningRate, momentum, weightDecay, 0, 0, 0);
  }

  /** The networks' dynamics. */
  public Dynamics dynamics() {
    return Dynamics.of(mode, meanInterval, delay);
  }

  /** The supervisor's settings. */
  public BoltzmannSupervisor.Settings supervisor() {
    return new BoltzmannSupervisor.Settings(rule(), dynamics(), burnIn, sweeps, copies, local, phaseTimeout);
  }

  /**
   * The machine training starts from: {@code nVisible} visible and {@link #hidden} hidden binary
   * units, fully connected, w_ij ~ N(0, initStd²), biases 0, T = 1, drawn from {@link #seed}.
   */
  public BoltzmannMachine initial(int nVisible) {
    return RandomMachines.gaussian(nVisible + hidden, Units.BINARY, initStd, 0, nVisible, 1.0, new SplittableRandom(seed));
  }

  /** Whether epoch {@code epoch} (from 1) is evaluated: every {@link #evalEvery}-th and the last. */
  public boolean evaluates(int epoch) {
    return epoch % evalEvery == 0 || epoch == epochs;
  }

  /** "exact", "async", with ", local" for local learning. */
  public String describe() {
    return mode.name().toLowerCase(Locale.ROOT) + (local ? ", local" : "");
  }
}
