package io.glauber.model;

/**
 * The interaction function F of a dense associative memory, E(σ) = −Σ_μ F(ξ^μ·σ).
 *
 * <ul>
 *   <li>{@link Power}: F(x) = xⁿ (Krotov and Hopfield 2016, "Dense associative memory for pattern
 *       recognition"); n = 2 is the classic Hopfield energy up to a constant and a factor N/2.
 *       Capacity ∝ N^{n−1}.
 *   <li>{@link Exponential}: F(x) = e^{βx} (Demircigil, Heusel, Löwe, Upgang and Vermet 2017, "On
 *       a model of associative memory with huge storage capacity", β = 1); capacity ∝ 2^{N/2}.
 * </ul>
 */
public sealed interface Interaction permits Interaction.Power, Interaction.Exponential {

  /** F(x). */
  double value(double x);

  /** F(a) − F(b), evaluated so that it keeps its sign when F itself would overflow. */
  default double difference(double a, double b) {
    return value(a) - value(b);
  }

  /**
   * Σ_k [F(a_k) − F(b_k)] over the first {@code count} entries: the energy gap of one unit, whose
   * sign must survive overflow.
   */
  default double sumOfDifferences(double[] a, double[] b, int count) {
    double s = 0;
    for (int k = 0; k < count; k++) s += difference(a[k], b[k]);
    return s;
  }

  /** F(x) = xⁿ, n ≥ 2. */
  record Power(int n) implements Interaction {
    public Power {
      if (n < 2) throw new IllegalArgumentException("power n = " + n + " (expected n ≥ 2)");
    }

    @Override
    public double value(double x) {
      double r = 1;
      for (int k = 0; k < n; k++) r *= x;
      return r;
    }
  }

  /**
   * F(x) = e^{βx}, β &gt; 0. Energies overflow to −∞ once βN &gt; 709, but the unit gaps are
   * computed relative to the largest term, so T = 0 dynamics stay exact.
   */
  record Exponential(double beta) implements Interaction {
    public Exponential {
      if (!(beta > 0) || Double.isInfinite(beta)) {
        throw new IllegalArgumentException("exponential beta " + beta + " (expected finite β > 0)");
      }
    }

    @Override
    public double value(double x) {
      return Math.exp(beta * x);
    }

    @Override
    public double sumOfDifferences(double[] a, double[] b, int count) {
      double max = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < count; k++) max = Math.max(max, Math.max(a[k], b[k]));
      double s = 0;
      for (int k = 0; k < count; k++) s += Math.exp(beta * (a[k] - max)) - Math.exp(beta * (b[k] - max));
      return s == 0 ? 0 : s * Math.exp(beta * max);
    }
  }
}
