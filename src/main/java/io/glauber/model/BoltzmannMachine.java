package io.glauber.model;

import java.util.Arrays;

/**
 * A general Boltzmann machine (and, with spin units and no hidden units, a Hopfield network).
 *
 * <p>Energy E(s) = −Σ_{i&lt;j} w_ij s_i s_j − Σ_i b_i s_i, distribution p(s) = e^{−E(s)/T} / Z
 * (seeds 000, 001, 003). The local field is h_i = Σ_j w_ij s_j + b_i, and a unit's Glauber
 * conditional is {@link Glauber#pOn(Units, double, double)}. The first {@code nVisible} units are
 * visible, the rest hidden.
 *
 * @param units {0,1} or {−1,+1}
 * @param couplings symmetric weights with zero diagonal, dense or sparse
 * @param bias b_i, one per unit (not copied on access: treat as read-only)
 * @param nVisible number of visible units, 0 ≤ nVisible ≤ n
 * @param temperature T ≥ 0
 */
public record BoltzmannMachine(
    Units units, Couplings couplings, double[] bias, int nVisible, double temperature) implements Model {

  public BoltzmannMachine {
    if (units == null) throw new IllegalArgumentException("units missing (expected BINARY or SPIN)");
    if (couplings == null) throw new IllegalArgumentException("couplings missing");
    int n = couplings.size();
    if (bias.length != n) {
      throw new IllegalArgumentException("bias has " + bias.length + " entries (expected n = " + n + ")");
    }
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(bias[i])) {
        throw new IllegalArgumentException("bias[" + i + "] = " + bias[i] + " (expected finite)");
      }
    }
    if (nVisible < 0 || nVisible > n) {
      throw new IllegalArgumentException("n_visible = " + nVisible + " (expected 0.." + n + ")");
    }
    if (!(temperature >= 0) || Double.isNaN(temperature)) {
      throw new IllegalArgumentException("temperature " + temperature + " (expected T ≥ 0)");
    }
    bias = bias.clone();
  }

  /** A dense machine from an n×n row-major W. */
  public static BoltzmannMachine dense(Units units, double[] w, double[] bias, int nVisible, double temperature) {
    return new BoltzmannMachine(units, new DenseCouplings(bias.length, w), bias, nVisible, temperature);
  }

  /** A Hopfield network: spin units, all visible, thresholds θ_i as biases, T = 0. */
  public static BoltzmannMachine hopfield(double[] j, double[] thresholds) {
    return dense(Units.SPIN, j, thresholds, thresholds.length, 0.0);
  }

  /** Number of units n. */
  public int size() {
    return couplings.size();
  }

  /** Number of hidden units. */
  public int nHidden() {
    return size() - nVisible;
  }

  /** The local field h_i = Σ_j w_ij s_j + b_i. */
  public double field(int i, double[] s) {
    return couplings.sum(i, s) + bias[i];
  }

  /** p(s_i = on | rest) at this machine's temperature. */
  public double pOn(int i, double[] s) {
    return Glauber.pOn(units, field(i, s), temperature);
  }

  /** E(s) = −Σ_{i&lt;j} w_ij s_i s_j − Σ_i b_i s_i. */
  public double energy(double[] s) {
    double e = -couplings.pairEnergy(s);
    for (int i = 0; i < bias.length; i++) e -= bias[i] * s[i];
    return e;
  }

  /** The same machine at another temperature. */
  public BoltzmannMachine withTemperature(double t) {
    return new BoltzmannMachine(units, couplings, bias, nVisible, t);
  }

  /** The same graph with new pair weights (order of {@link Couplings#pairs()}) and biases. */
  public BoltzmannMachine withParameters(double[] pairWeights, double[] newBias) {
    return new BoltzmannMachine(units, couplings.withPairWeights(pairWeights), newBias, nVisible, temperature);
  }

  /**
   * The same distribution in the other unit convention. With s = (σ+1)/2: J = W/4 and
   * θ_i = b_i/2 + Σ_j w_ij/4; back: W = 4J, b_i = 2θ_i − 2Σ_j J_ij. Energies differ by a constant
   * only, so p(s) is unchanged (log Z shifts by that constant over T).
   */
  public BoltzmannMachine convertedTo(Units target) {
    if (target == units) return this;
    int n = size();
    double[] w = couplings.pairWeights();
    int[] p = couplings.pairs();
    double[] rowSum = new double[n];
    for (int m = 0; m < w.length; m++) {
      rowSum[p[2 * m]] += w[m];
      rowSum[p[2 * m + 1]] += w[m];
    }
    double[] nw = new double[w.length];
    double[] nb = new double[n];
    if (target == Units.SPIN) {
      for (int m = 0; m < w.length; m++) nw[m] = w[m] / 4;
      for (int i = 0; i < n; i++) nb[i] = bias[i] / 2 + rowSum[i] / 4;
    } else {
      for (int m = 0; m < w.length; m++) nw[m] = 4 * w[m];
      for (int i = 0; i < n; i++) nb[i] = 2 * bias[i] - 2 * rowSum[i];
    }
    return new BoltzmannMachine(target, couplings.withPairWeights(nw), nb, nVisible, temperature);
  }

  /** The state of the other convention that corresponds to s (0 ↔ −1, 1 ↔ +1). */
  public static double[] convertState(double[] s, Units from, Units to) {
    double[] out = new double[s.length];
    for (int i = 0; i < s.length; i++) out[i] = to.value(s[i] == from.high());
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BoltzmannMachine m
        && m.units == units && m.couplings.equals(couplings) && Arrays.equals(m.bias, bias)
        && m.nVisible == nVisible && Double.compare(m.temperature, temperature) == 0;
  }

  @Override
  public int hashCode() {
    return couplings.hashCode() * 31 + Arrays.hashCode(bias);
  }

  @Override
  public String toString() {
    return "BoltzmannMachine[" + units + ", n=" + size() + ", visible=" + nVisible + ", T=" + temperature + "]";
  }
}
