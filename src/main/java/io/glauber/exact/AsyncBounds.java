package io.glauber.exact;

import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Couplings;
import io.glauber.model.Units;

/**
 * Bias and mixing-time bounds of asynchronous ("HOGWILD!") Gibbs sampling under Dobrushin's
 * condition, in the form De Sa, Olukotun and Ré (2016, "Ensuring rapid mixing and low bias for
 * asynchronous Gibbs sampling") state their results — an event on at most ω variables, a total
 * influence α &lt; 1, an expected staleness τ and a largest staleness τ* counted in single-site
 * update steps of the whole network — but <b>derived here by their method</b> (coupling the
 * asynchronous chain with a sequential one through the same site and uniform number), not copied
 * from the paper: its theorem statements were not at hand, and the constants below are the ones
 * this derivation gives. Pure functions of the model and of the measured staleness.
 *
 * <p><b>Setting.</b> Random-scan heat bath on n units: step t picks a site I_t uniformly and a
 * uniform U_t, and sets s_I to high iff U_t &lt; P(s_I = high | the rest) ({@code model.Glauber}).
 * The sequential chain X reads the current states; the asynchronous chain Y reads neighbour j of
 * the updated site as it was τ_{t,j} steps earlier, Ỹ_{t,j} = Y_{t−τ_{t,j}, j}. The delays are
 * oblivious — independent of the states, sites and uniform numbers — with E[τ_{t,j}] ≤ τ, and in
 * the mixing bound τ_{t,j} ≤ τ* always. C_ij is Dobrushin's influence of j on i, the largest change
 * of P(s_i = high | rest) when s_j alone changes; α = max_i Σ_j C_ij ({@link #totalInfluence}).
 * Heat-bath coupling: with the same U, two updates of site i from rests a and b disagree with
 * probability |P_i(a) − P_i(b)| ≤ Σ_j C_ij·[a_j ≠ b_j] (change the rest one coordinate at a time).
 *
 * <p><b>Bias</b> ({@link #biasBound}). Couple X and Y through (I_t, U_t), started in the same
 * state (reads before time 0 return it). Let p_t = max_i P(X_{t,i} ≠ Y_{t,i}). Site i is left alone
 * with probability 1 − 1/n; given I_t = i (independent of the past), the new values disagree with
 * probability at most Σ_j C_ij P(X_{t,j} ≠ Ỹ_{t,j}), and a stale read differs from X only if Y
 * differs from X now or Y_j was updated during the last τ_{t,j} steps:
 * P(X_{t,j} ≠ Ỹ_{t,j}) ≤ p_t + E[1 − (1 − 1/n)^{τ_{t,j}}] ≤ p_t + τ/n. Hence
 * <pre>  p_{t+1} ≤ (1 − 1/n) p_t + (α/n)(p_t + τ/n) = (1 − (1 − α)/n) p_t + ατ/n²,</pre>
 * whose fixed point is p* = ατ/((1 − α) n); by induction from p_0 = 0, p_t ≤ p* for every t. An
 * event A on a set S of ω units changes probability only where X_S ≠ Y_S, so by the union bound
 * <pre>  |P(Y_t ∈ A) − P(X_t ∈ A)| ≤ ω·ατ/((1 − α) n)   for every t,</pre>
 * and, as X_t → π, the same bound holds in the limit between the asynchronous chain's long-run
 * distribution and Boltzmann's π: a bound on the sparse variation distance at ω. Above 1 it says
 * nothing (vacuous). It is a worst case: the source term counts every update of j in the last τ
 * steps as a change, and the factor 1/(1 − α) compounds the worst-case influence of every
 * disagreement (AsyncBoundsTest measures how loose each is on small models).
 *
 * <p><b>Mixing</b> ({@link #asyncMixingRate}, {@link #asyncMixingBoundSweeps}). Couple two
 * asynchronous chains Y, Y' through (I_t, U_t) and the same delays, from any two starts; let
 * d_t = max_i P(Y_{t,i} ≠ Y'_{t,i}) (d_s ≤ 1 for s ≤ 0). A read τ_{t,j} ≤ τ* steps old disagrees
 * with probability at most max_{s ∈ [t − τ*, t]} d_s, so
 * <pre>  d_{t+1} ≤ (1 − 1/n) d_t + (α/n) max_{s ∈ [t − τ*, t]} d_s.</pre>
 * If λ ∈ (0, 1) satisfies (1 − 1/n) + (α/n) λ^{−τ*} ≤ λ, induction gives d_t ≤ λ^t. The largest
 * such rate δ* = 1 − λ solves g(δ) = (1 − α)/n − δ − (α/n)((1 − δ)^{−τ*} − 1) = 0 (g is concave
 * with g(0) = (1 − α)/n &gt; 0), and is bracketed by
 * <pre>  (1 − α)/(n + τ*) ≤ δ* ≤ (1 − α)/(n + ατ*)</pre>
 * (left: (1 − δ)^{τ*} ≥ 1 − τ*δ; right: (1 − δ)^{−τ*} ≥ 1 + τ*δ). The right end — the linearised
 * rate, the form (n + ατ*)/(1 − α) — is <i>not</i> implied by the recursion (n = 8, α = 0.76,
 * τ* = 30 violates it), so we use δ*, found by bisection. The expected Hamming distance is then at
 * most n e^{−δ* t}, and the total-variation distance between the two chains' laws at most that:
 * <pre>  t_mix(ε) ≤ ln(n/ε)/δ* steps ≤ (n + τ*) ln(n/ε)/(1 − α) steps.</pre>
 * At τ* = 0 this is the sequential bound n ln(n/ε)/(1 − α) ({@link #sequentialMixingBoundSweeps}).
 */
public final class AsyncBounds {
  private AsyncBounds() {}

  /**
   * Dobrushin's total influence α = max_i Σ_j C_ij of the single-site heat bath: C_ij is the
   * largest change of P(s_i = high | rest) when only s_j changes, tanh(|w_ij|/T) for spins (the
   * field moves by 2w_ij, largest at zero field) and tanh(|w_ij|/(4T)) for binary units (it moves
   * by w_ij). α &lt; 1 is Dobrushin's uniqueness condition (Dobrushin 1970), the condition of every
   * bound here.
   */
  public static double totalInfluence(BoltzmannMachine m) {
    Couplings c = m.couplings();
    double t = m.temperature();
    double alpha = 0;
    for (int i = 0; i < m.size(); i++) {
      double sum = 0;
      for (int k = 0; k < c.degree(i); k++) {
        double w = Math.abs(c.weight(i, k));
        sum += m.units() == Units.SPIN ? Math.tanh(w / t) : Math.tanh(w / (4 * t));
      }
      alpha = Math.max(alpha, sum);
    }
    return alpha;
  }

  /**
   * The classical mixing-time bound of the sequential random-scan heat bath under α &lt; 1, in
   * sweeps of n single-site updates: ln(n/ε)/(1 − α) (the mixing bound above at τ* = 0: Dobrushin
   * 1970; the path-coupling form of Bubley and Dyer 1997). NaN when α ≥ 1.
   */
  public static double sequentialMixingBoundSweeps(int n, double alpha, double epsilon) {
    checkSizes(n, epsilon);
    if (!(alpha < 1)) return Double.NaN;
    return Math.log(n / epsilon) / (1 - alpha);
  }

  /**
   * The bias bound ω·ατ/((1 − α) n): the largest change, against the sequential chain, of the
   * probability of an event on at most ω of the n units, at expected staleness τ update steps (see
   * the class comment). NaN when α ≥ 1; 0 at τ = 0; vacuous above 1.
   */
  public static double biasBound(int omega, double alpha, double tau, int n) {
    if (omega < 1 || omega > n) throw new IllegalArgumentException("event on " + omega + " of " + n + " units (expected 1 ≤ ω ≤ n)");
    if (!(tau >= 0) || Double.isInfinite(tau)) throw new IllegalArgumentException("expected staleness " + tau + " steps (expected finite ≥ 0)");
    if (!(alpha >= 0)) throw new IllegalArgumentException("total influence " + alpha + " (expected ≥ 0)");
    if (!(alpha < 1)) return Double.NaN;
    return omega * alpha * tau / ((1 - alpha) * n);
  }

  /**
   * The largest per-step contraction rate δ* that the recursion of the class comment proves for two
   * coupled asynchronous chains with staleness at most τ* steps: the root in (0, (1 − α)/(n + ατ*)]
   * of (1 − α)/n − δ − (α/n)((1 − δ)^{−τ*} − 1), by bisection (each returned value satisfies the
   * inequality, so it is a valid rate). NaN when α ≥ 1.
   */
  public static double asyncMixingRate(int n, double alpha, double maxStaleness) {
    if (n < 1) throw new IllegalArgumentException("units " + n + " (expected ≥ 1)");
    if (!(maxStaleness >= 0) || Double.isInfinite(maxStaleness)) throw new IllegalArgumentException("largest staleness " + maxStaleness + " steps (expected finite ≥ 0)");
    if (!(alpha >= 0)) throw new IllegalArgumentException("total influence " + alpha + " (expected ≥ 0)");
    if (!(alpha < 1)) return Double.NaN;
    double lo = (1 - alpha) / (n + maxStaleness);
    double hi = (1 - alpha) / (n + alpha * maxStaleness);
    for (int k = 0; k < 100 && hi - lo > 1e-15 * hi; k++) {
      double mid = (lo + hi) / 2;
      if (contracts(n, alpha, maxStaleness, mid)) lo = mid;
      else hi = mid;
    }
    return lo;
  }

  /** Whether λ = 1 − δ satisfies (1 − 1/n) + (α/n) λ^{−τ*} ≤ λ. */
  static boolean contracts(int n, double alpha, double maxStaleness, double delta) {
    double lambda = 1 - delta;
    return (1 - 1.0 / n) + alpha / n * Math.pow(lambda, -maxStaleness) <= lambda;
  }

  /**
   * The mixing-time bound of asynchronous Gibbs sampling in sweeps of n updates: ln(n/ε)/(n δ*)
   * with δ* = {@link #asyncMixingRate}; at most (1 + τ* ÷ n) ln(n/ε)/(1 − α), and the sequential
   * bound at τ* = 0. NaN when α ≥ 1.
   */
  public static double asyncMixingBoundSweeps(int n, double alpha, double maxStaleness, double epsilon) {
    checkSizes(n, epsilon);
    double rate = asyncMixingRate(n, alpha, maxStaleness);
    return Double.isNaN(rate) ? Double.NaN : Math.log(n / epsilon) / (n * rate);
  }

  /**
   * The q-quantile of a Poisson count of mean μ: the smallest k with P(N ≤ k) ≥ q — the number of
   * updates of the whole network that a message in flight sees, exceeded with probability at most
   * 1 − q, when the network updates as a Poisson process (independent Poisson clocks).
   */
  public static int poissonQuantile(double mean, double q) {
    if (!(mean >= 0) || Double.isInfinite(mean)) throw new IllegalArgumentException("Poisson mean " + mean + " (expected finite ≥ 0)");
    if (!(q > 0 && q < 1)) throw new IllegalArgumentException("quantile " + q + " (expected in (0, 1))");
    if (mean == 0) return 0;
    // pmf in log space, summed upwards: exact enough for the means of the study (≤ a few thousand)
    double logPmf = -mean;
    double cdf = Math.exp(logPmf);
    int k = 0;
    while (cdf < q && k < 1_000_000) {
      k++;
      logPmf += Math.log(mean / k);
      cdf += Math.exp(logPmf);
    }
    return k;
  }

  private static void checkSizes(int n, double epsilon) {
    if (n < 1) throw new IllegalArgumentException("units " + n + " (expected ≥ 1)");
    if (!(epsilon > 0 && epsilon < 1)) throw new IllegalArgumentException("distance ε = " + epsilon + " (expected in (0, 1))");
  }
}
