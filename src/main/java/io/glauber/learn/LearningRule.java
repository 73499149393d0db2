package io.glauber.learn;

/**
 * The settings of the Boltzmann learning rule (seeds 000–003; Hinton's practical guide for the
 * options):
 *
 * <pre>
 *   v_w ← μ v_w + η (⟨s_i s_j⟩₊ − ⟨s_i s_j⟩₋ − λ w_ij)      w_ij ← w_ij + v_w
 *   v_b ← μ v_b + η (⟨s_i⟩₊ − ⟨s_i⟩₋ + ρ_i)                 b_i  ← b_i  + v_b
 * </pre>
 *
 * with learning rate η, momentum μ, L2 weight decay λ (never on biases) and, for hidden units only,
 * a sparsity term ρ_j = c (p − q_j) where q_j ← d q_j + (1−d) ⟨h_j⟩₊ is a running estimate of the
 * hidden unit's mean activity, p the target, c its cost and d the decay (Hinton 2010, §11). The
 * sparsity term is applied to hidden biases only.
 *
 * @param learningRate η &gt; 0
 * @param momentum μ ∈ [0, 1)
 * @param weightDecay λ ≥ 0
 * @param sparsityTarget p ∈ (0, 1), or 0 for no sparsity term
 * @param sparsityCost c ≥ 0
 * @param sparsityDecay d ∈ [0, 1)
 */
public record LearningRule(
    double learningRate, double momentum, double weightDecay,
    double sparsityTarget, double sparsityCost, double sparsityDecay) {

  public LearningRule {
    check(learningRate > 0 && Double.isFinite(learningRate), "learning rate", learningRate, "η > 0");
    check(momentum >= 0 && momentum < 1, "momentum", momentum, "0 ≤ μ < 1");
    check(weightDecay >= 0 && Double.isFinite(weightDecay), "weight decay", weightDecay, "λ ≥ 0");
    check(sparsityTarget >= 0 && sparsityTarget < 1, "sparsity target", sparsityTarget, "0 ≤ p < 1 (0 = off)");
    check(sparsityCost >= 0 && Double.isFinite(sparsityCost), "sparsity cost", sparsityCost, "c ≥ 0");
    check(sparsityDecay >= 0 && sparsityDecay < 1, "sparsity decay", sparsityDecay, "0 ≤ d < 1");
  }

  private static void check(boolean ok, String name, double value, String expected) {
    if (!ok) throw new IllegalArgumentException(name + " " + value + " (expected " + expected + ")");
  }

  /** Plain gradient ascent: ΔW = η(⟨s_i s_j⟩₊ − ⟨s_i s_j⟩₋), no momentum, decay or sparsity. */
  public static LearningRule plain(double learningRate) {
    return new LearningRule(learningRate, 0, 0, 0, 0, 0);
  }

  /** This rule with another momentum (for the 0.5 → 0.9 schedules). */
  public LearningRule withMomentum(double m) {
    return new LearningRule(learningRate, m, weightDecay, sparsityTarget, sparsityCost, sparsityDecay);
  }

  /** This rule with another learning rate (for learning-rate schedules). */
  public LearningRule withLearningRate(double eta) {
    return new LearningRule(eta, momentum, weightDecay, sparsityTarget, sparsityCost, sparsityDecay);
  }

  /** Whether the sparsity term is on. */
  public boolean sparse() {
    return sparsityTarget > 0 && sparsityCost > 0;
  }
}
