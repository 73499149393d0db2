package io.glauber.engine.batch;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.glauber.learn.LearningRule;
import io.glauber.learn.RuleSchedule;
import java.util.Arrays;

/**
 * Everything a batched RBM training run needs, validated up front (a bad value is named with what
 * was expected). Read from HOCON by {@link #from(Config)}; every key has a default
 * ({@link #DEFAULTS}), so a config file names only what it changes.
 *
 * <pre>
 * seed = 1
 * data = "bas:4x4"
 * model.hidden = 16
 * train {
 *   method = pcd                 # cd | pcd | pt
 *   k = 1                        # Gibbs sweeps per update
 *   epochs = 10
 *   batch-size = 100
 *   learning-rate = 0.05
 *   learning-rate-schedule = constant   # constant | linear (to learning-rate-final at the last epoch)
 *   learning-rate-final = 0.05
 *   momentum { start = 0.5, final = 0.9, switch-epoch = 5 }   # or one value: momentum = 0.5
 *   weight-decay = 0.0002        # L2, weights only
 *   sparsity { target = 0, cost = 0, decay = 0.9 }   # target 0 = off
 *   chains = 100                 # persistent chains (pcd), chains per replica (pt)
 *   pt.temperatures = [1.0, 1.25, 1.6, 2.0]          # T of the replicas; the first must be 1
 *   init-std = 0.01              # W ~ N(0, init-std²)
 *   checkpoint-every = 0         # steps between checkpoints (0 = only at the ends of epochs)
 *   checkpoint-minutes = 0       # minutes between checkpoints (0 = off)
 *   monitor-rows = 1000          # rows used for the per-epoch reconstruction error
 * }
 * </pre>
 *
 * @param method how the negative statistics are sampled
 * @param hidden hidden units
 * @param k Gibbs sweeps per update
 * @param epochs passes over the data
 * @param batchSize examples per update (B)
 * @param learningRate η at epoch 0
 * @param learningRateSchedule "constant" or "linear"
 * @param learningRateFinal η at the last epoch for the linear schedule
 * @param momentumStart μ before {@code momentumSwitchEpoch}
 * @param momentumFinal μ from {@code momentumSwitchEpoch} on
 * @param momentumSwitchEpoch first epoch (0-based) at the final momentum
 * @param weightDecay L2 coefficient λ
 * @param sparsityTarget target mean hidden activity p (0 = off)
 * @param sparsityCost c
 * @param sparsityDecay d of the running activity estimate
 * @param chains persistent chains (PCD), chains per replica (PT)
 * @param temperatures replica temperatures for PT, first 1, increasing
 * @param initStd standard deviation of the initial weights
 * @param checkpointEvery steps between checkpoints, 0 for none during training
 * @param checkpointMinutes minutes between checkpoints, 0 for none (whichever of the two comes first)
 * @param monitorRows rows of the data used for the per-epoch reconstruction error
 * @param seed the run's one seed
 */
public record TrainConfig(
    Method method, int hidden, int k, int epochs, int batchSize,
    double learningRate, String learningRateSchedule, double learningRateFinal,
    double momentumStart, double momentumFinal, int momentumSwitchEpoch,
    double weightDecay, double sparsityTarget, double sparsityCost, double sparsityDecay,
    int chains, double[] temperatures, double initStd, int checkpointEvery, double checkpointMinutes, int monitorRows,
    long seed) {

  /** The sampler of the negative phase. */
  public enum Method {
    /** Contrastive divergence: k sweeps from the data (Hinton 2002). */
    CD,
    /** Persistent CD: k sweeps of persistent chains (Tieleman 2008). */
    PCD,
    /** Parallel tempering: replicas at several temperatures with swaps (Desjardins et al. 2010). */
    PT;

    /** Parses "cd", "pcd" or "pt". */
    public static Method parse(String s) {
      return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
        case "cd" -> CD;
        case "pcd" -> PCD;
        case "pt" -> PT;
        default -> throw new IllegalArgumentException("train.method = " + s + " (expected cd, pcd or pt)");
      };
    }
  }

  /** The defaults of every key: the shared ones of {@link RuleSchedule#DEFAULTS}, then the batched engine's own. */
  public static final String DEFAULTS = RuleSchedule.DEFAULTS + "\n" + String.join("\n",
      "train {",
      "  pt.temperatures = [1.0, 1.25, 1.6, 2.0]",
      "  checkpoint-every = 0, checkpoint-minutes = 0, monitor-rows = 1000",
      "}");

  public TrainConfig {
    if (method == null) throw new IllegalArgumentException("train.method missing (expected cd, pcd or pt)");
    check(hidden >= 1, "model.hidden", hidden, "≥ 1");
    check(k >= 1, "train.k", k, "≥ 1");
    check(batchSize >= 1, "train.batch-size", batchSize, "≥ 1");
    new RuleSchedule(epochs, learningRate, learningRateSchedule, learningRateFinal, momentumStart, momentumFinal,
        momentumSwitchEpoch, weightDecay, sparsityTarget, sparsityCost, sparsityDecay); // validates the rule's keys
    check(chains >= 1, "train.chains", chains, "≥ 1");
    check(initStd >= 0, "train.init-std", initStd, "≥ 0");
    check(checkpointEvery >= 0, "train.checkpoint-every", checkpointEvery, "≥ 0");
    check(checkpointMinutes >= 0 && Double.isFinite(checkpointMinutes), "train.checkpoint-minutes", checkpointMinutes, "≥ 0");
    check(monitorRows >= 0, "train.monitor-rows", monitorRows, "≥ 0");
    if (temperatures == null || temperatures.length < 1 || temperatures[0] != 1.0) {
      throw new IllegalArgumentException("train.pt.temperatures = " + Arrays.toString(temperatures) + " (expected a list starting with 1.0)");
    }
    for (int r = 1; r < temperatures.length; r++) {
      if (!(temperatures[r] > temperatures[r - 1]) || Double.isInfinite(temperatures[r])) {
        throw new IllegalArgumentException("train.pt.temperatures = " + Arrays.toString(temperatures) + " (expected finite and increasing)");
      }
    }
    temperatures = temperatures.clone();
  }

  private static void check(boolean ok, String key, double value, String expected) {
    if (!ok) throw new IllegalArgumentException(key + " = " + value + " (expected " + expected + ")");
  }

  /** Reads the keys of the class comment from {@code c}, defaults for the missing ones. */
  public static TrainConfig from(Config c) {
    Config f = c.withFallback(ConfigFactory.parseString(DEFAULTS)).resolve();
    Config t = f.getConfig("train");
    RuleSchedule r = RuleSchedule.from(f);
    return new TrainConfig(
        Method.parse(t.getString("method")), f.getInt("model.hidden"), t.getInt("k"), r.epochs(),
        t.getInt("batch-size"), r.learningRate(), r.learningRateSchedule(), r.learningRateFinal(),
        r.momentumStart(), r.momentumFinal(), r.momentumSwitchEpoch(),
        r.weightDecay(), r.sparsityTarget(), r.sparsityCost(), r.sparsityDecay(), t.getInt("chains"),
        t.getDoubleList("pt.temperatures").stream().mapToDouble(Double::doubleValue).toArray(), t.getDouble("init-std"),
        t.getInt("checkpoint-every"), t.getDouble("checkpoint-minutes"), t.getInt("monitor-rows"), f.getLong("seed"));
  }

  /** The defaults, with {@code hocon} on top (e.g. "train.method = pt"). */
  public static TrainConfig parse(String hocon) {
    return from(ConfigFactory.parseString(hocon));
  }

  /** The learning rule at epoch {@code e} (0-based): the rate and momentum schedules applied. */
  public LearningRule ruleAt(int e) {
    return schedule().ruleAt(e);
  }

  /** The learning-rule schedule of this run. */
  public RuleSchedule schedule() {
    return new RuleSchedule(epochs, learningRate, learningRateSchedule, learningRateFinal, momentumStart, momentumFinal,
        momentumSwitchEpoch, weightDecay, sparsityTarget, sparsityCost, sparsityDecay);
  }

  /** This configuration with other method, k and chains (for tests and benchmarks). */
  public TrainConfig with(Method m, int newK, int newChains) {
    return new TrainConfig(m, hidden, newK, epochs, batchSize, learningRate, learningRateSchedule, learningRateFinal,
        momentumStart, momentumFinal, momentumSwitchEpoch, weightDecay, sparsityTarget, sparsityCost, sparsityDecay,
        newChains, temperatures, initStd, checkpointEvery, checkpointMinutes, monitorRows, seed);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TrainConfig t && t.toString().equals(toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }

  @Override
  public String toString() {
    return "TrainConfig[" + method + ", hidden=" + hidden + ", k=" + k + ", epochs=" + epochs + ", batch=" + batchSize
        + ", η=" + learningRate + " " + learningRateSchedule + "→" + learningRateFinal + ", μ=" + momentumStart + "→"
        + momentumFinal + "@" + momentumSwitchEpoch + ", λ=" + weightDecay + ", sparsity=" + sparsityTarget + "/"
        + sparsityCost + "/" + sparsityDecay + ", chains=" + chains + ", T=" + Arrays.toString(temperatures)
        + ", init=" + initStd + ", checkpoint=" + checkpointEvery + "/" + checkpointMinutes + "min, monitor=" + monitorRows + ", seed=" + seed + "]";
  }
}
