package io.glauber.hopfield;

import io.glauber.model.SoftmaxMemory;

/**
 * The continuous modern Hopfield network of Ramsauer et al. (2020, "Hopfield networks is all you
 * need"; seed 003): states ξ ∈ ℝ^N, stored patterns X = (x_1..x_K) as rows, update
 * ξ ← Xᵀ softmax(β X ξ), and energy
 * E(ξ) = −β⁻¹ log Σ_μ exp(β x_μ·ξ) + ½ ξ·ξ + β⁻¹ log K + ½ M², M = max_μ ‖x_μ‖.
 * The update is a concave–convex step on E, so E never increases; for well-separated patterns
 * and large β one update lands (exponentially close) on the nearest stored pattern. The formulas
 * live in {@link SoftmaxMemory}; this class holds validated patterns and iterates the update.
 */
public final class ContinuousHopfield {
  private final double[][] x;
  private final int n;
  private final double beta;

  /**
   * @param patterns K ≥ 1 rows of N finite reals (copied)
   * @param beta inverse temperature β &gt; 0
   */
  public ContinuousHopfield(double[][] patterns, double beta) {
    if (patterns == null || patterns.length == 0) throw new IllegalArgumentException("no patterns to store (p = 0)");
    if (!(beta > 0) || Double.isInfinite(beta)) throw new IllegalArgumentException("beta " + beta + " (expected finite β > 0)");
    n = patterns[0].length;
    x = new double[patterns.length][];
    for (int mu = 0; mu < patterns.length; mu++) {
      if (patterns[mu].length != n) {
        throw new IllegalArgumentException("pattern " + mu + " has " + patterns[mu].length + " units (expected N = " + n + ", the length of pattern 0)");
      }
      for (int i = 0; i < n; i++) {
        if (!Double.isFinite(patterns[mu][i])) {
          throw new IllegalArgumentException("pattern " + mu + ", unit " + i + " = " + patterns[mu][i] + " (expected finite)");
        }
      }
      x[mu] = patterns[mu].clone();
    }
    this.beta = beta;
  }

  /** A network over ±1 patterns. */
  public static ContinuousHopfield ofSpins(int[][] patterns, double beta) {
    Patterns.validate(patterns);
    double[][] d = new double[patterns.length][];
    for (int mu = 0; mu < patterns.length; mu++) d[mu] = Patterns.state(patterns[mu]);
    return new ContinuousHopfield(d, beta);
  }

  /** The attention weights softmax(β X ξ) ({@link SoftmaxMemory#weights}). */
  public double[] softmax(double[] state) {
    check(state);
    return SoftmaxMemory.weights(x, beta, state);
  }

  /** One update ξ' = Xᵀ softmax(β X ξ) ({@link SoftmaxMemory#update}). */
  public double[] update(double[] state) {
    check(state);
    return SoftmaxMemory.update(x, beta, state);
  }

  /** E(ξ) = −β⁻¹ lse(β X ξ) + ½ ξ·ξ + β⁻¹ log K + ½ M² ({@link SoftmaxMemory#energy}). */
  public double energy(double[] state) {
    check(state);
    return SoftmaxMemory.energy(x, beta, state);
  }

  /** Number of units N. */
  public int size() {
    return n;
  }

  /** β. */
  public double beta() {
    return beta;
  }

  /** The stored patterns x_μ as rows (copies). */
  public double[][] patterns() {
    double[][] out = new double[x.length][];
    for (int mu = 0; mu < x.length; mu++) out[mu] = x[mu].clone();
    return out;
  }

  /**
   * Iterates the update until successive states differ by at most {@code tolerance} in every
   * component, or {@code maxSteps}; returns the final state. The number of updates taken is
   * {@code steps[0]} when the array is given.
   */
  public double[] retrieve(double[] state, int maxSteps, double tolerance, int[] steps) {
    double[] s = state.clone();
    for (int t = 1; t <= maxSteps; t++) {
      double[] next = update(s);
      double diff = 0;
      for (int i = 0; i < n; i++) diff = Math.max(diff, Math.abs(next[i] - s[i]));
      s = next;
      if (diff <= tolerance) {
        if (steps != null) steps[0] = t;
        return s;
      }
    }
    if (steps != null) steps[0] = maxSteps;
    return s;
  }

  private void check(double[] state) {
    if (state.length != n) throw new IllegalArgumentException("state of length " + state.length + " (expected N = " + n + ")");
  }

}
