package io.glauber.hopfield;

import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * Storage capacities of associative memories of N ±1 units against which measurements are drawn
 * (seed 003's "Modern Hopfield Networks" section and the papers it cites).
 */
public final class CapacityTheory {
  private CapacityTheory() {}

  /** α_c = 0.138: the classic (Hebb, n = 2) network's capacity per unit (Amit, Gutfreund, Sompolinsky 1985). */
  public static final double ALPHA_C = 0.138;

  /** K_max = 0.138 N, the classic network. */
  public static double classic(int n) {
    return ALPHA_C * n;
  }

  /**
   * K_max ≈ N^{p−1} / (2 (2p − 3)!! ln N): error-free retrieval with F(x) = x^p (Krotov and Hopfield
   * 2016, as seed 003 quotes it; for p = 2 this is the classic N / (2 ln N)).
   */
  public static double power(int p, int n) {
    double doubleFactorial = 1;
    for (int k = 2 * p - 3; k > 1; k -= 2) doubleFactorial *= k;
    return Math.pow(n, p - 1) / (2 * doubleFactorial * Math.log(n));
  }

  /** I(x) = ½[(1 + x) ln(1 + x) + (1 − x) ln(1 − x)], the rate of P(ξ·σ ≥ xN) ≈ e^{−N I(x)} for random ±1 vectors. */
  public static double rate(double x) {
    double a = (1 + x) * Math.log1p(x);
    double b = x >= 1 ? 0 : (1 - x) * Math.log1p(-x);
    return 0.5 * (a + b);
  }

  /**
   * K = exp(N I(1 − 2ρ) / 2): Demircigil, Heusel, Löwe, Upgang and Vermet (2017), F(x) = eˣ — below
   * this every stored pattern is retrieved from a ρN-corrupted probe with probability → 1.
   */
  public static double exponential(int n, double rho) {
    return Math.exp(n * rate(1 - 2 * rho) / 2);
  }

  /**
   * The nearest-pattern bound: the largest K at which a probe made from a stored pattern by
   * flipping each bit with probability ρ is still nearer (strictly) to that pattern than to each of
   * the K − 1 others, with probability at least {@code fraction}: P = Σ_f P(F = f) P(B &gt; f)^{K−1},
   * F ~ Binomial(N, ρ) the flips, B ~ Binomial(N, ½) the distance to an unrelated random pattern.
   * A memory that retrieves the nearest stored pattern (the softmax one at large β, the exponential
   * one) can do no better; it is exact for finite N, where asymptotic rates mislead.
   */
  public static double nearestPattern(int n, double rho, double fraction) {
    BinomialDistribution flips = new BinomialDistribution(null, n, rho);
    BinomialDistribution other = new BinomialDistribution(null, n, 0.5);
    java.util.function.DoubleUnaryOperator success = k -> {
      double p = 0;
      for (int f = 0; f <= n; f++) p += flips.probability(f) * Math.exp((k - 1) * Math.log1p(-other.cumulativeProbability(f)));
      return p;
    };
    if (success.applyAsDouble(1) < fraction) return 0;
    double lo = 1, hi = 2;
    while (success.applyAsDouble(hi) >= fraction) {
      lo = hi;
      hi *= 2;
      if (hi > 1e15) return Double.POSITIVE_INFINITY;
    }
    while (hi - lo > 1) {
      double mid = Math.floor((lo + hi) / 2);
      if (success.applyAsDouble(mid) >= fraction) lo = mid;
      else hi = mid;
    }
    return lo;
  }
}
