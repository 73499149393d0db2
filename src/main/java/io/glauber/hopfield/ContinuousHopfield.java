package io.glauber.hopfield;

/**
 * The continuous modern Hopfield network of Ramsauer et al. (2020, "Hopfield networks is all you
 * need"; seed 003): states ξ ∈ ℝ^N, stored patterns X = (x_1..x_K) as rows, update
 * ξ ← Xᵀ softmax(β X ξ), and energy
 * E(ξ) = −β⁻¹ log Σ_μ exp(β x_μ·ξ) + ½ ξ·ξ + β⁻¹ log K + ½ M², M = max_μ ‖x_μ‖.
 * The update is a concave–convex step on E, so E never increases; for well-separated patterns
 * and large β one update lands (exponentially close) on the nearest stored pattern.
 */
public final class ContinuousHopfield {
  private final double[][] x;
  private final int n;
  private final double beta;
  private final double constant;

  /**
   * @param patterns K ≥ 1 rows of N finite reals (copied)
   * @param beta inverse temperature β &gt; 0
   */
  public ContinuousHopfield(double[][] patterns, double beta) {
    if (patterns == null || patterns.length == 0) throw new IllegalArgumentException("no patterns to store (p = 0)");
    if (!(beta > 0) || Double.isInfinite(beta)) throw new IllegalArgumentException("beta " + beta + " (expected finite β > 0)");
    n = patterns[0].length;
    x = new double[patterns.length][];
    double maxNorm2 = 0;
    for (int mu = 0; mu < patterns.length; mu++) {
      if (patterns[mu].length != n) {
        throw new IllegalArgumentException("pattern " + mu + " has " + patterns[mu].length + " units (expected N = " + n + ", the length of pattern 0)");
      }
      double norm2 = 0;
      for (int i = 0; i < n; i++) {
        if (!Double.isFinite(patterns[mu][i])) {
          throw new IllegalArgumentException("pattern " + mu + ", unit " + i + " = " + patterns[mu][i] + " (expected finite)");
        }
        norm2 += patterns[mu][i] * patterns[mu][i];
      }
      maxNorm2 = Math.max(maxNorm2, norm2);
      x[mu] = patterns[mu].clone();
    }
    this.beta = beta;
    this.constant = Math.log(patterns.length) / beta + 0.5 * maxNorm2;
  }

  /** A network over ±1 patterns. */
  public static ContinuousHopfield ofSpins(int[][] patterns, double beta) {
    Patterns.validate(patterns);
    double[][] d = new double[patterns.length][];
    for (int mu = 0; mu < patterns.length; mu++) d[mu] = Patterns.state(patterns[mu]);
    return new ContinuousHopfield(d, beta);
  }

  /** The attention weights softmax(β X ξ). */
  public double[] softmax(double[] state) {
    check(state);
    double[] a = new double[x.length];
    double max = Double.NEGATIVE_INFINITY;
    for (int mu = 0; mu < x.length; mu++) {
      a[mu] = beta * dot(x[mu], state);
      max = Math.max(max, a[mu]);
    }
    double sum = 0;
    for (int mu = 0; mu < x.length; mu++) {
      a[mu] = Math.exp(a[mu] - max);
      sum += a[mu];
    }
    for (int mu = 0; mu < x.length; mu++) a[mu] /= sum;
    return a;
  }

  /** One update ξ' = Xᵀ softmax(β X ξ). */
  public double[] update(double[] state) {
    double[] a = softmax(state);
    double[] out = new double[n];
    for (int mu = 0; mu < x.length; mu++) for (int i = 0; i < n; i++) out[i] += a[mu] * x[mu][i];
    return out;
  }

  /** E(ξ) = −β⁻¹ lse(β X ξ) + ½ ξ·ξ + β⁻¹ log K + ½ M². */
  public double energy(double[] state) {
    check(state);
    double max = Double.NEGATIVE_INFINITY;
    double[] z = new double[x.length];
    for (int mu = 0; mu < x.length; mu++) {
      z[mu] = beta * dot(x[mu], state);
      max = Math.max(max, z[mu]);
    }
    double sum = 0;
    for (double v : z) sum += Math.exp(v - max);
    double lse = (max + Math.log(sum)) / beta;
    return -lse + 0.5 * dot(state, state) + constant;
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

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) s += a[i] * b[i];
    return s;
  }
}
