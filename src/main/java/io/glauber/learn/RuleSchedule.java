package io.glauber.learn;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueType;

/**
 * The learning rule of every epoch of a run: a {@link LearningRule} whose learning rate follows a
 * schedule and whose momentum switches once,
 *
 * <pre>
 *   η(e) = η₀                                         (constant)
 *   η(e) = η₀ + (η₁ − η₀)·min(1, e/(E − 1))           (linear, to η₁ at the last epoch E − 1)
 *   μ(e) = μ₀ for e &lt; e_μ, μ₁ from e_μ on
 * </pre>
 *
 * (Hinton's practical guide, §9: momentum 0.5 at first, 0.9 later; a decaying rate lets CD settle
 * where a constant one keeps it wandering). Read from the {@code train} keys of a HOCON configuration
 * by {@link #from}, the same keys and defaults for both engines' trainers; validated here, with the
 * key named.
 *
 * @param epochs E, the run's epochs
 * @param learningRate η₀ &gt; 0
 * @param learningRateSchedule "constant" or "linear"
 * @param learningRateFinal η₁ &gt; 0 (used by the linear schedule)
 * @param momentumStart μ₀ ∈ [0, 1)
 * @param momentumFinal μ₁ ∈ [0, 1)
 * @param momentumSwitchEpoch e_μ ≥ 0 (0-based)
 * @param weightDecay λ ≥ 0
 * @param sparsityTarget p (0 = off)
 * @param sparsityCost c
 * @param sparsityDecay d
 */
public record RuleSchedule(int epochs, double learningRate, String learningRateSchedule, double learningRateFinal,
    double momentumStart, double momentumFinal, int momentumSwitchEpoch,
    double weightDecay, double sparsityTarget, double sparsityCost, double sparsityDecay) {

  /**
   * The defaults of the keys both engines' RBM trainers read (a configuration names only what it
   * changes): the schedule's and the run's shape.
   */
  public static final String DEFAULTS = String.join("\n",
      "seed = 1",
      "model.hidden = 16",
      "train {",
      "  method = pcd, k = 1, epochs = 10, batch-size = 100, chains = 100, init-std = 0.01",
      "  learning-rate = 0.05, learning-rate-schedule = constant",
      "  momentum { start = 0.5, final = 0.9, switch-epoch = 5 }",
      "  weight-decay = 0.0002",
      "  sparsity { target = 0, cost = 0, decay = 0.9 }",
      "}");

  public RuleSchedule {
    check(epochs >= 0, "train.epochs", epochs, "≥ 0");
    check(learningRate > 0 && Double.isFinite(learningRate), "train.learning-rate", learningRate, "> 0");
    if (!"constant".equals(learningRateSchedule) && !"linear".equals(learningRateSchedule)) {
      throw new IllegalArgumentException("train.learning-rate-schedule = " + learningRateSchedule + " (expected constant or linear)");
    }
    check(learningRateFinal > 0 && Double.isFinite(learningRateFinal), "train.learning-rate-final", learningRateFinal, "> 0");
    check(momentumStart >= 0 && momentumStart < 1, "train.momentum.start", momentumStart, "in [0, 1)");
    check(momentumFinal >= 0 && momentumFinal < 1, "train.momentum.final", momentumFinal, "in [0, 1)");
    check(momentumSwitchEpoch >= 0, "train.momentum.switch-epoch", momentumSwitchEpoch, "≥ 0");
    check(weightDecay >= 0, "train.weight-decay", weightDecay, "≥ 0");
    rule(learningRate, momentumStart); // validates the sparsity settings through LearningRule
  }

  private static void check(boolean ok, String key, double value, String expected) {
    if (!ok) throw new IllegalArgumentException(key + " = " + value + " (expected " + expected + ")");
  }

  /**
   * Reads {@code train.epochs} and the schedule's keys of {@code c} (defaults for the missing ones):
   * {@code momentum = 0.5} (one value) or {@code momentum { start, final, switch-epoch }};
   * {@code learning-rate-final} defaults to {@code learning-rate}.
   */
  public static RuleSchedule from(Config c) {
    Config t = c.withFallback(ConfigFactory.parseString(DEFAULTS)).resolve().getConfig("train");
    double eta = t.getDouble("learning-rate");
    boolean scalarMomentum = t.getValue("momentum").valueType() == ConfigValueType.NUMBER;
    double mu0 = scalarMomentum ? t.getDouble("momentum") : t.getDouble("momentum.start");
    return new RuleSchedule(t.getInt("epochs"), eta, t.getString("learning-rate-schedule"),
        t.hasPath("learning-rate-final") ? t.getDouble("learning-rate-final") : eta,
        mu0, scalarMomentum ? mu0 : t.getDouble("momentum.final"), scalarMomentum ? 0 : t.getInt("momentum.switch-epoch"),
        t.getDouble("weight-decay"), t.getDouble("sparsity.target"), t.getDouble("sparsity.cost"), t.getDouble("sparsity.decay"));
  }

  /** The learning rule at epoch {@code e} (0-based): the rate and momentum schedules applied. */
  public LearningRule ruleAt(int e) {
    double eta = learningRate;
    if (learningRateSchedule.equals("linear") && epochs > 1) {
      eta = learningRate + (learningRateFinal - learningRate) * Math.min(1.0, e / (double) (epochs - 1));
    }
    return rule(eta, e < momentumSwitchEpoch ? momentumStart : momentumFinal);
  }

  /** The rule of every epoch, 0 to E − 1. */
  public java.util.List<LearningRule> rules() {
    java.util.List<LearningRule> out = new java.util.ArrayList<>(epochs);
    for (int e = 0; e < epochs; e++) out.add(ruleAt(e));
    return out;
  }

  private LearningRule rule(double eta, double mu) {
    return new LearningRule(eta, mu, weightDecay, sparsityTarget, sparsityCost, sparsityDecay);
  }
}
