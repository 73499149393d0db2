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

  /**
   * The symmetric n-mixture of p/N → 0 (seed 003, "Other Symmetric Solutions"; Amit, Gutfreund and
   * Sompolinsky, Phys. Rev. A 32 (1985) 1007): M = m_n(1, …, 1, 0, …) with n ones, where
   * m_n = (1/n)⟨z tanh(β m_n z)⟩ and z = ξ¹ + … + ξⁿ (binomial: z = n − 2k with probability
   * C(n, k)/2ⁿ, so the average is a finite sum). Returns the largest root (iterated from m = 1 until
   * it changes by less than 1e-14), 0 when there is none (T ≥ T_c = 1).
   */
  public static double mixtureOverlap(int n, double temperature) {
    requireTemperature(temperature);
    if (n < 1) throw new IllegalArgumentException("mixture of " + n + " patterns (expected n ≥ 1)");
    if (temperature >= 1) return 0.0;
    double[] z = new double[n + 1];
    double[] w = new double[n + 1];
    binomial(n, z, w);
    double beta = temperature == 0 ? Double.POSITIVE_INFINITY : 1 / temperature;
    double m = 1;
    for (int it = 0; it < 1_000_000; it++) {
      double next = 0;
      for (int k = 0; k <= n; k++) next += w[k] * z[k] * tanh(beta, m * z[k]);
      next /= n;
      if (Math.abs(next - m) < 1e-14 || next < 1e-12) return next < 1e-12 ? 0.0 : next;
      m = next;
    }
    return m;
  }

  /**
   * The smallest eigenvalue of the Hessian of f = ½ Σ m_μ² − T⟨ln 2cosh(β m·ξ)⟩ at the symmetric
   * n-mixture (AGS 1985): with q = ⟨tanh²(β m_n z)⟩ and Q = ⟨ξ¹ξ² tanh²(β m_n z)⟩
   * = ⟨(z² − n)/(n(n − 1)) tanh²(β m_n z)⟩, the eigenvalues are 1 − β(1 − q) + (n − 1)βQ (along
   * the mixture), 1 − β(1 − q) − βQ (n − 1 times, between its patterns) and 1 − β(1 − q) (the
   * patterns outside it). The mixture is a stable state where the smallest is positive.
   */
  public static double mixtureStability(int n, double temperature) {
    if (n < 2) throw new IllegalArgumentException("mixture of " + n + " patterns (expected n ≥ 2)");
    double m = mixtureOverlap(n, temperature);
    if (temperature == 0 || m == 0) throw new IllegalArgumentException("no " + n + "-mixture at T = " + temperature + " (expected 0 < T < 1)");
    double beta = 1 / temperature;
    double[] z = new double[n + 1];
    double[] w = new double[n + 1];
    binomial(n, z, w);
    double q = 0;
    double bigQ = 0;
    for (int k = 0; k <= n; k++) {
      double t2 = Math.pow(Math.tanh(beta * m * z[k]), 2);
      q += w[k] * t2;
      bigQ += w[k] * (z[k] * z[k] - n) / (n * (n - 1.0)) * t2;
    }
    double a = 1 - beta * (1 - q);
    return Math.min(a, Math.min(a - beta * bigQ, a + (n - 1) * beta * bigQ));
  }

  /**
   * T_n: the temperature below which the symmetric n-mixture is stable (largest T in [0.05, 1) with
   * a positive {@link #mixtureStability}, by bisection to 1e-9); NaN when it is unstable on the whole
   * range, as even mixtures are (AGS 1985). Seed 003: T_3 ≈ 0.461, T_5 ≈ 0.385, T_7 ≈ 0.345.
   */
  public static double mixtureThreshold(int n) {
    double lo = 0.05;
    double hi = 1 - 1e-9;
    if (!(mixtureStability(n, lo) > 0)) return Double.NaN;
    while (hi - lo > 1e-9) {
      double mid = 0.5 * (lo + hi);
      if (mixtureStability(n, mid) > 0) lo = mid;
      else hi = mid;
    }
    return 0.5 * (lo + hi);
  }

  private static void binomial(int n, double[] z, double[] w) {
    double c = 1;
    for (int k = 0; k <= n; k++) {
      z[k] = n - 2 * k;
      w[k] = c / Math.pow(2, n);
      c = c * (n - k) / (k + 1);
    }
  }

  private static double tanh(double beta, double x) {
    return Double.isInfinite(beta) ? Math.signum(x) : Math.tanh(beta * x);
  }

  /** AGS's small-α form T_M(α) ≈ 1 − 1.95√α (floored at 0). */
  public static double retrievalBoundaryApprox(double alpha) {
    return Math.max(0, 1 - 1.95 * Math.sqrt(alpha));
  }

  private static void requireTemperature(double t) {
    if (!(t >= 0) || Double.isInfinite(t)) throw new IllegalArgumentException("temperature " + t + " (expected a finite T ≥ 0)");
  }
}
