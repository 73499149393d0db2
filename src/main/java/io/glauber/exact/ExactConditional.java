package io.glauber.exact;

import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Units;

/**
 * The exact distribution of the free units of a Boltzmann machine when some units are clamped:
 * p(s_F | s_C) = e^{−E(s_F, s_C)/T} / Σ_{s_F'} e^{−E(s_F', s_C)/T}, by enumerating the 2^f states
 * of the f free units (f ≤ {@value #MAX_FREE}) in Gray-code order by the walk {@link ExactBoltzmann}
 * uses for the whole machine (each step flips one unit and changes the energy by −Δs_i·h_i). The
 * clamped units only enter through the fields, so the cost is 2^f·degree whatever their number:
 * what the recall test of an encoder needs (input clamped, hidden and output units enumerated).
 */
public final class ExactConditional {
  /** The most free units enumerated. */
  public static final int MAX_FREE = 24;

  private final int[] free;
  private final double[] p;
  private final Units units;

  private ExactConditional(BoltzmannMachine m, boolean[] clamped, double[] state) {
    int n = m.size();
    if (clamped.length != n || state.length != n) {
      throw new IllegalArgumentException("clamp mask of " + clamped.length + " and state of " + state.length + " values (expected " + n + ", one per unit)");
    }
    if (!(m.temperature() > 0) || Double.isInfinite(m.temperature())) {
      throw new IllegalArgumentException("exact conditional at T = " + m.temperature() + " (expected 0 < T < ∞)");
    }
    units = m.units();
    int f = 0;
    for (boolean c : clamped) if (!c) f++;
    if (f > MAX_FREE) throw new IllegalArgumentException("exact conditional over " + f + " free units (expected ≤ " + MAX_FREE + ")");
    free = new int[f];
    double[] s = state.clone();
    for (int i = 0, k = 0; i < n; i++) {
      if (!clamped[i]) {
        free[k++] = i;
        s[i] = units.low();
      } else if (!units.admits(s[i])) {
        throw new IllegalArgumentException("clamped value " + s[i] + " at unit " + i + " (expected " + units.low() + " or " + units.high() + ")");
      }
    }
    double[] logWeight = ExactBoltzmann.logWeights(m, free, s);
    double logZ = LogSumExp.of(logWeight);
    p = new double[logWeight.length];
    for (int k = 0; k < p.length; k++) p[k] = Math.exp(logWeight[k] - logZ);
  }

  /**
   * The conditional distribution of the units with {@code clamped[i]} false given the others at
   * their values in {@code state} (the free units' values there are ignored).
   */
  public static ExactConditional of(BoltzmannMachine machine, boolean[] clamped, double[] state) {
    return new ExactConditional(machine, clamped, state);
  }

  /** The free units, in index order; bit k of a free-state index is the k-th of them (set = on). */
  public int[] freeUnits() {
    return free.clone();
  }

  /** p(free state k | clamped units), k over 2^f indices. */
  public double probability(int k) {
    return p[k];
  }

  /**
   * The most probable joint values of {@code units} (a subset of the free units) under their
   * marginal distribution given the clamped units: their values in the order given, in the machine's
   * unit convention.
   */
  public double[] mostProbable(int[] of) {
    int[] bits = new int[of.length];
    for (int u = 0; u < of.length; u++) {
      bits[u] = -1;
      for (int k = 0; k < free.length; k++) if (free[k] == of[u]) bits[u] = k;
      if (bits[u] < 0) throw new IllegalArgumentException("unit " + of[u] + " is clamped (expected a free unit)");
    }
    if (of.length > 30) throw new IllegalArgumentException("marginal over " + of.length + " units (expected ≤ 30)");
    double[] marginal = new double[1 << of.length];
    for (int k = 0; k < p.length; k++) {
      int sub = 0;
      for (int u = 0; u < bits.length; u++) if (((k >> bits[u]) & 1) == 1) sub |= 1 << u;
      marginal[sub] += p[k];
    }
    int best = 0;
    for (int k = 1; k < marginal.length; k++) if (marginal[k] > marginal[best]) best = k;
    double[] out = new double[of.length];
    for (int u = 0; u < of.length; u++) out[u] = units.value(((best >> u) & 1) == 1);
    return out;
  }
}
