package io.glauber.exact;

import io.glauber.model.Phase;
import io.glauber.model.Statistics;
import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Units;

/**
 * Exact enumeration of a small Boltzmann machine (n ≤ {@value #MAX_UNITS} units, T &gt; 0).
 *
 * <p>All 2ⁿ states are visited in Gray-code order, so each step flips one unit and the energy
 * changes by −Δs_i·h_i with the fields updated in O(degree). State index k encodes unit i in bit i
 * (bit set = on). p(s) = e^{−E(s)/T}/Z, log Z by log-sum-exp.
 */
public final class ExactBoltzmann {
  /** The largest machine enumerated (2²⁴ states, 128 MB of log-weights). */
  public static final int MAX_UNITS = 24;

  private final BoltzmannMachine machine;
  private final double[] logWeight; // −E(s)/T for every state index
  private final double logZ;

  private ExactBoltzmann(BoltzmannMachine machine) {
    int n = machine.size();
    if (n > MAX_UNITS) {
      throw new IllegalArgumentException("exact enumeration of " + n + " units (expected ≤ " + MAX_UNITS + ")");
    }
    if (!(machine.temperature() > 0) || Double.isInfinite(machine.temperature())) {
      throw new IllegalArgumentException("exact enumeration at T = " + machine.temperature() + " (expected 0 < T < ∞)");
    }
    this.machine = machine;
    this.logWeight = enumerateLogWeights(machine);
    this.logZ = LogSumExp.of(logWeight);
  }

  /** Enumerates the machine. */
  public static ExactBoltzmann of(BoltzmannMachine machine) {
    return new ExactBoltzmann(machine);
  }

  private static double[] enumerateLogWeights(BoltzmannMachine m) {
    int n = m.size();
    double[] s = new double[n];
    java.util.Arrays.fill(s, m.units().low());
    int[] all = new int[n];
    for (int i = 0; i < n; i++) all[i] = i;
    return logWeights(m, all, s);
  }

  /**
   * −E(s)/T for the 2^f states of the units {@code free} (f = free.length), the other units held at
   * their values in {@code start}, where the free units must be off: index k sets free[b] on when
   * bit b of k is set. Gray-code order: step k flips free[trailing zeros of k], so the energy changes
   * by −Δs_i·h_i and the fields by w_ij·Δs_i in O(degree). {@code start} is overwritten.
   */
  static double[] logWeights(BoltzmannMachine m, int[] free, double[] start) {
    Units u = m.units();
    double t = m.temperature();
    double[] s = start;
    double[] h = new double[s.length];
    for (int i = 0; i < s.length; i++) h[i] = m.field(i, s);
    double energy = m.energy(s);
    double[] out = new double[1 << free.length];
    out[0] = -energy / t;
    var c = m.couplings();
    int gray = 0;
    for (int k = 1; k < out.length; k++) {
      int bit = Integer.numberOfTrailingZeros(k); // the unit Gray code flips at step k
      int i = free[bit];
      double now = s[i] == u.high() ? u.low() : u.high();
      double delta = now - s[i];
      energy -= delta * h[i];
      s[i] = now;
      for (int q = 0, d = c.degree(i); q < d; q++) h[c.neighbour(i, q)] += c.weight(i, q) * delta;
      gray ^= 1 << bit;
      out[gray] = -energy / t;
    }
    return out;
  }

  /** The machine enumerated. */
  public BoltzmannMachine machine() {
    return machine;
  }

  /** log Z. */
  public double logZ() {
    return logZ;
  }

  /** Number of states 2ⁿ. */
  public int stateCount() {
    return logWeight.length;
  }

  /** The state with index k (bit i = unit i on). */
  public double[] state(int k) {
    int n = machine.size();
    double[] s = new double[n];
    for (int i = 0; i < n; i++) s[i] = machine.units().value(((k >> i) & 1) == 1);
    return s;
  }

  /** The index of a state (bit i set when unit i is on). */
  public static int index(double[] s, Units units) {
    int k = 0;
    for (int i = 0; i < s.length; i++) if (s[i] == units.high()) k |= 1 << i;
    return k;
  }

  /** p(s) for the state with index k. */
  public double probability(int k) {
    return Math.exp(logWeight[k] - logZ);
  }

  /** The whole distribution over 2ⁿ states, indexed as {@link #state(int)}. */
  public double[] distribution() {
    double[] p = new double[logWeight.length];
    for (int k = 0; k < p.length; k++) p[k] = Math.exp(logWeight[k] - logZ);
    return p;
  }

  /** The marginal distribution of the visible units, over 2^{nVisible} visible states. */
  public double[] visibleDistribution() {
    int nv = machine.nVisible();
    double[] p = new double[1 << nv];
    int mask = (1 << nv) - 1;
    for (int k = 0; k < logWeight.length; k++) p[k & mask] += Math.exp(logWeight[k] - logZ);
    return p;
  }

  /** ⟨s_i⟩ for every unit. */
  public double[] marginals() {
    return freeStatistics().unitMeans();
  }

  /** ⟨s_i s_j⟩ as an n×n row-major matrix (diagonal ⟨s_i²⟩). */
  public double[] correlations() {
    int n = machine.size();
    double[] c = new double[n * n];
    double[] s = new double[n];
    for (int k = 0; k < logWeight.length; k++) {
      double p = Math.exp(logWeight[k] - logZ);
      fill(k, s);
      for (int i = 0; i < n; i++) {
        if (s[i] == 0) continue;
        double ps = p * s[i];
        for (int j = 0; j < n; j++) c[i * n + j] += ps * s[j];
      }
    }
    return c;
  }

  /** The free-phase statistics ⟨s_i⟩ and ⟨s_i s_j⟩ over the model's coupled pairs. */
  public Statistics freeStatistics() {
    int n = machine.size();
    int[] pairs = machine.couplings().pairs();
    double[] u = new double[n];
    double[] c = new double[pairs.length / 2];
    double[] s = new double[n];
    for (int k = 0; k < logWeight.length; k++) {
      double p = Math.exp(logWeight[k] - logZ);
      fill(k, s);
      for (int i = 0; i < n; i++) u[i] += p * s[i];
      for (int m = 0; m < c.length; m++) c[m] += p * s[pairs[2 * m]] * s[pairs[2 * m + 1]];
    }
    return new Statistics(u, c, Long.MAX_VALUE, Phase.FREE);
  }

  /**
   * The clamped-phase statistics for data over the visible units: for each data vector the hidden
   * units take their exact conditional distribution, and the moments are averaged over the data.
   */
  public Statistics clampedStatistics(double[][] data) {
    int n = machine.size();
    int nv = machine.nVisible();
    int[] pairs = machine.couplings().pairs();
    double[] u = new double[n];
    double[] c = new double[pairs.length / 2];
    double[] s = new double[n];
    int hiddenStates = 1 << (n - nv);
    for (double[] v : data) {
      int base = visibleIndex(v);
      double logPv = logMarginal(base);
      for (int hk = 0; hk < hiddenStates; hk++) {
        int k = base | (hk << nv);
        double p = Math.exp(logWeight[k] - logPv) / data.length;
        fill(k, s);
        for (int i = 0; i < n; i++) u[i] += p * s[i];
        for (int m = 0; m < c.length; m++) c[m] += p * s[pairs[2 * m]] * s[pairs[2 * m + 1]];
      }
    }
    return new Statistics(u, c, data.length, Phase.CLAMPED);
  }

  /** log p(v) for one visible vector (hidden units summed out). */
  public double logProbabilityOfVisible(double[] v) {
    return logMarginal(visibleIndex(v)) - logZ;
  }

  /** The mean log p(v) over data vectors (nats per pattern). */
  public double meanLogLikelihood(double[][] data) {
    double sum = 0;
    for (double[] v : data) sum += logProbabilityOfVisible(v);
    return sum / data.length;
  }

  private double logMarginal(int visibleIndex) {
    int nv = machine.nVisible();
    int hiddenStates = 1 << (machine.size() - nv);
    LogSumExp acc = new LogSumExp();
    for (int hk = 0; hk < hiddenStates; hk++) acc.add(logWeight[visibleIndex | (hk << nv)]);
    return acc.value();
  }

  private int visibleIndex(double[] v) {
    int nv = machine.nVisible();
    if (v.length != nv) {
      throw new IllegalArgumentException("data vector of length " + v.length + " (expected n_visible = " + nv + ")");
    }
    Units u = machine.units();
    int k = 0;
    for (int i = 0; i < nv; i++) {
      if (!u.admits(v[i])) {
        throw new IllegalArgumentException("data value " + v[i] + " at unit " + i + " (expected " + u.low() + " or " + u.high() + ")");
      }
      if (v[i] == u.high()) k |= 1 << i;
    }
    return k;
  }

  private void fill(int k, double[] s) {
    Units u = machine.units();
    for (int i = 0; i < s.length; i++) s[i] = u.value(((k >> i) & 1) == 1);
  }
}
