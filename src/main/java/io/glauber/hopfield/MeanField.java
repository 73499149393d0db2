package io.glauber.hopfield;

/**
 * The equilibrium theory of the Hebb network at temperature T (spin units, p(σ_i = +1) = σ(2h_i/T),
 * J_ij = (1/N) Σ_μ ξ_i^μ ξ_j^μ), solved numerically:
 *
 * <ul>
 *   <li><b>p/N → 0</b> (seed 003, "Single Pattern Retrieval"; the Mattis model): the overlap m
 *       with the retrieved pattern solves m = tanh(βm), β = 1/T; m = 0 is the only solution for
 *       T ≥ T_c = 1, and the positive root for T &lt; 1 ({@link #overlap});</li>
 *   <li><b>p = αN</b> (Amit, Gutfreund and Sompolinsky, Ann. Phys. 173 (1987) 30, replica
 *       symmetric): m = ⟨tanh β(m + √(αr) z)⟩, q = ⟨tanh² β(m + √(αr) z)⟩,
 *       r = q/(1 − β(1 − q))², z a standard Gaussian ({@link #overlap(double, double)}); the
 *       retrieval state exists below T_M(α) ({@link #retrievalBoundary}), which for small α is
 *       T_M ≈ 1 − 1.95√α (Amit, Gutfreund and Sompolinsky, Phys. Rev. Lett. 55 (1985) 1530;
 *       {@link #retrievalBoundaryApprox}).</li>
 * </ul>
 *
 * Gaussian averages are trapezoid sums over z ∈ [−{@value #Z_MAX}, {@value #Z_MAX}] with step
 * h = {@value #Z_STEP}: the integrand is analytic in a strip of half-width d = πT/(2√(αr)) (the
 * nearest pole of tanh), so the sum's error is of order e^{−2πd/h} = e^{−π²T/(h√(αr))} (e^{−99} at
 * T = 0.1 and √(αr) = 0.5), and the tails beyond |z| = 9 weigh less than 1e-18.
 */
public final class MeanField {
  static final double Z_MAX = 9.0;
  static final double Z_STEP = 0.02;
  private static final int Z_POINTS = (int) Math.round(2 * Z_MAX / Z_STEP) + 1;
  private static final double[] Z = new double[Z_POINTS];
  private static final double[] WEIGHT = new double[Z_POINTS];

  static {
    for (int k = 0; k < Z_POINTS; k++) {
      Z[k] = -Z_MAX + k * Z_STEP;
      WEIGHT[k] = Z_STEP * Math.exp(-0.5 * Z[k] * Z[k]) / Math.sqrt(2 * Math.PI);
    }
  }

  private MeanField() {}

  /**
   * The retrieval overlap m(T) for p/N → 0: the largest root of m = tanh(m/T) — 1 at T = 0, the
   * positive root for 0 &lt; T &lt; 1 (found by bisection of m − tanh(m/T) on (0, 1], where it
   * changes sign, to the last bit), 0 for T ≥ 1.
   */
  public static double overlap(double temperature) {
    requireTemperature(temperature);
    if (temperature == 0) return 1.0;
    if (temperature >= 1) return 0.0;
    double lo = Double.MIN_NORMAL / temperature;   // m − tanh(m/T) < 0 just above 0 when T < 1
    double hi = 1.0;                                 // 1 − tanh(1/T) > 0
    while (true) {
      double mid = 0.5 * (lo + hi);
      if (mid <= lo || mid >= hi) return hi;
      if (mid - Math.tanh(mid / temperature) < 0) lo = mid;
      else hi = mid;
    }
  }

  /**
   * The retrieval overlap m(T, α) of the replica-symmetric AGS equations (class comment), by
   * iterating them from the stored pattern (m = q = 1) until m, q change by less than 1e-13 (at most
   * 200,000 iterations); 0 when the iteration leaves the retrieval branch (m below 1e-6), i.e. above
   * T_M(α). At α = 0 this is {@link #overlap(double)}.
   */
  public static double overlap(double temperature, double alpha) {
    requireTemperature(temperature);
    if (!(alpha >= 0) || Double.isInfinite(alpha)) throw new IllegalArgumentException("alpha " + alpha + " (expected ≥ 0)");
    if (alpha == 0) return overlap(temperature);
    if (temperature == 0) throw new IllegalArgumentException("temperature 0 with alpha > 0 (the T → 0 limit is not solved here; expected T > 0)");
    double beta = 1 / temperature;
    double m = 1;
    double q = 1;
    for (int it = 0; it < 200_000; it++) {
      double d = 1 - beta * (1 - q);
      if (d <= 0) return 0.0;   // the r-equation has no positive solution: off the retrieval branch
      double noise = Math.sqrt(alpha * q) / d;   // √(αr)
      double nm = 0;
      double nq = 0;
      for (int k = 0; k < Z_POINTS; k++) {
        double t = Math.tanh(beta * (m + noise * Z[k]));
        nm += WEIGHT[k] * t;
        nq += WEIGHT[k] * t * t;
      }
      boolean done = Math.abs(nm - m) < 1e-13 && Math.abs(nq - q) < 1e-13;
      m = nm;
      q = nq;
      if (m < 1e-6) return 0.0;
      if (done) return m;
    }
    return m;
  }

  /**
   * T_M(α): the highest temperature at which the replica-symmetric retrieval state exists, by
   * bisection on T ∈ [0.05, 1] of whether {@link #overlap(double, double)} is positive, to 1e-5
   * (NaN when there is none above T = 0.05, near and above α_c ≈ 0.138).
   * 1 at α = 0.
   */
  public static double retrievalBoundary(double alpha) {
    if (alpha == 0) return 1.0;
    double lo = 0.05;
    double hi = 1.0;
    if (overlap(lo, alpha) == 0) return Double.NaN;   // above α_c: no retrieval state at these temperatures
    while (hi - lo > 1e-5) {
      double mid = 0.5 * (lo + hi);
      if (overlap(mid, alpha) > 0) lo = mid;
      else hi = mid;
    }
    return 0.5 * (lo + hi);
  }

  /** AGS's small-α form T_M(α) ≈ 1 − 1.95√α (floored at 0). */
  public static double retrievalBoundaryApprox(double alpha) {
    return Math.max(0, 1 - 1.95 * Math.sqrt(alpha));
  }

  private static void requireTemperature(double t) {
    if (!(t >= 0) || Double.isInfinite(t)) throw new IllegalArgumentException("temperature " + t + " (expected a finite T ≥ 0)");
  }
}
