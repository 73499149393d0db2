package io.glauber.model;

import java.util.Arrays;

/**
 * A restricted Boltzmann machine with binary {0,1} units.
 *
 * <p>E(v, h) = −Σ_i a_i v_i − Σ_j b_j h_j − Σ_ij v_i W_ij h_j (seeds 001, 002); at temperature T,
 * p(v, h) ∝ e^{−E/T}. Conditionals factorise: p(h_j = 1 | v) = σ((b_j + Σ_i v_i W_ij)/T) and
 * p(v_i = 1 | h) = σ((a_i + Σ_j W_ij h_j)/T). The free energy F(v) = −a·v − T Σ_j softplus((b_j +
 * v·W_j)/T) gives p(v) = e^{−F(v)/T} / Z.
 *
 * @param nVisible number of visible units
 * @param nHidden number of hidden units
 * @param w the nVisible×nHidden weight matrix, row-major (read-only by convention)
 * @param visibleBias a_i
 * @param hiddenBias b_j
 * @param temperature T &gt; 0 (1 for ordinary use)
 */
public record Rbm(int nVisible, int nHidden, double[] w, double[] visibleBias, double[] hiddenBias, double temperature) implements Model {

  public Rbm {
    if (nVisible < 1 || nHidden < 1) {
      throw new IllegalArgumentException(
          "RBM shape " + nVisible + "×" + nHidden + " (expected at least one visible and one hidden unit)");
    }
    if (w.length != (long) nVisible * nHidden) {
      throw new IllegalArgumentException(
          "W has " + w.length + " entries (expected n_visible×n_hidden = " + (long) nVisible * nHidden + ")");
    }
    if (visibleBias.length != nVisible) {
      throw new IllegalArgumentException(
          "vbias has " + visibleBias.length + " entries (expected n_visible = " + nVisible + ")");
    }
    if (hiddenBias.length != nHidden) {
      throw new IllegalArgumentException(
          "hbias has " + hiddenBias.length + " entries (expected n_hidden = " + nHidden + ")");
    }
    requireFinite("W", w);
    requireFinite("vbias", visibleBias);
    requireFinite("hbias", hiddenBias);
    if (!(temperature > 0) || Double.isInfinite(temperature)) {
      throw new IllegalArgumentException("temperature " + temperature + " (expected 0 < T < ∞)");
    }
    w = w.clone();
    visibleBias = visibleBias.clone();
    hiddenBias = hiddenBias.clone();
  }

  /** An RBM at T = 1. */
  public Rbm(int nVisible, int nHidden, double[] w, double[] visibleBias, double[] hiddenBias) {
    this(nVisible, nHidden, w, visibleBias, hiddenBias, 1.0);
  }

  private static void requireFinite(String name, double[] x) {
    for (int i = 0; i < x.length; i++) {
      if (!Double.isFinite(x[i])) {
        throw new IllegalArgumentException(name + "[" + i + "] = " + x[i] + " (expected finite)");
      }
    }
  }

  /** W_ij. */
  public double weight(int i, int j) {
    return w[i * nHidden + j];
  }

  /** The input to hidden unit j: b_j + Σ_i v_i W_ij. */
  public double hiddenInput(double[] v, int j) {
    double x = hiddenBias[j];
    for (int i = 0; i < nVisible; i++) x += v[i] * w[i * nHidden + j];
    return x;
  }

  /** The input to visible unit i: a_i + Σ_j W_ij h_j. */
  public double visibleInput(double[] h, int i) {
    double x = visibleBias[i];
    int row = i * nHidden;
    for (int j = 0; j < nHidden; j++) x += w[row + j] * h[j];
    return x;
  }

  /** p(h_j = 1 | v) for every j, into {@code out} (length nHidden), which is returned. */
  public double[] hiddenProbabilities(double[] v, double[] out) {
    for (int j = 0; j < nHidden; j++) out[j] = Glauber.pOn(Units.BINARY, hiddenInput(v, j), temperature);
    return out;
  }

  /** p(v_i = 1 | h) for every i, into {@code out} (length nVisible), which is returned. */
  public double[] visibleProbabilities(double[] h, double[] out) {
    for (int i = 0; i < nVisible; i++) out[i] = Glauber.pOn(Units.BINARY, visibleInput(h, i), temperature);
    return out;
  }

  /** E(v, h) = −a·v − b·h − vᵀWh. */
  public double energy(double[] v, double[] h) {
    double e = 0;
    for (int i = 0; i < nVisible; i++) e -= visibleBias[i] * v[i];
    for (int j = 0; j < nHidden; j++) e -= (hiddenInput(v, j)) * h[j];
    return e;
  }

  /** F(v) = −a·v − T Σ_j softplus((b_j + v·W_j)/T): the hidden units summed out. */
  public double freeEnergy(double[] v) {
    double f = 0;
    for (int i = 0; i < nVisible; i++) f -= visibleBias[i] * v[i];
    for (int j = 0; j < nHidden; j++) f -= temperature * Glauber.softplus(hiddenInput(v, j) / temperature);
    return f;
  }

  /**
   * The free energies of {@code v} with the group of {@code count} units starting at {@code first}
   * set to each one-hot code in turn: out[k] = F(v⁽ᵏ⁾), where v⁽ᵏ⁾ equals v outside the group and
   * has unit first + k on and the rest of the group off. For an RBM with label units (seed 002) this
   * gives p(y = k | x) = e^{−F(x, k)/T} / Σ_k' e^{−F(x, k')/T}, the hidden units summed out. The
   * hidden inputs of the units outside the group are formed once, so the C codes cost one product.
   *
   * @param out length ≥ count, filled and returned (allocated when null)
   */
  public double[] oneHotFreeEnergies(double[] v, int first, int count, double[] out) {
    java.util.Objects.checkFromIndexSize(first, count, nVisible);
    double[] f = out == null ? new double[count] : out;
    double base = 0;
    double[] x = hiddenBias.clone();
    for (int i = 0; i < nVisible; i++) {
      if (i >= first && i < first + count || v[i] == 0) continue;
      base -= visibleBias[i] * v[i];
      for (int j = 0; j < nHidden; j++) x[j] += v[i] * w[i * nHidden + j];
    }
    for (int k = 0; k < count; k++) {
      int u = first + k;
      double e = base - visibleBias[u];
      for (int j = 0; j < nHidden; j++) e -= temperature * Glauber.softplus((x[j] + w[u * nHidden + j]) / temperature);
      f[k] = e;
    }
    return f;
  }

  /** The hidden-side free energy G(h) = −b·h − T Σ_i softplus((a_i + W_i·h)/T), visible summed out. */
  public double hiddenFreeEnergy(double[] h) {
    double f = 0;
    for (int j = 0; j < nHidden; j++) f -= hiddenBias[j] * h[j];
    for (int i = 0; i < nVisible; i++) f -= temperature * Glauber.softplus(visibleInput(h, i) / temperature);
    return f;
  }

  /** The incoming weights (W_1j … W_nj) of the first {@code count} hidden units, one row each (a filters picture). */
  public float[][] filters(int count) {
    float[][] rows = new float[Math.min(count, nHidden)][nVisible];
    for (int j = 0; j < rows.length; j++) for (int i = 0; i < nVisible; i++) rows[j][i] = (float) w[i * nHidden + j];
    return rows;
  }

  /** The transposed machine: hidden and visible layers swapped (same joint distribution). */
  public Rbm transposed() {
    double[] t = new double[w.length];
    for (int i = 0; i < nVisible; i++) for (int j = 0; j < nHidden; j++) t[j * nVisible + i] = w[i * nHidden + j];
    return new Rbm(nHidden, nVisible, t, hiddenBias, visibleBias, temperature);
  }

  /** The same machine at another temperature. */
  public Rbm withTemperature(double t) {
    return new Rbm(nVisible, nHidden, w, visibleBias, hiddenBias, t);
  }

  /**
   * The equivalent general Boltzmann machine: n = nVisible + nHidden binary units, visible first,
   * couplings only between the layers.
   */
  public BoltzmannMachine toBoltzmannMachine() {
    int n = nVisible + nHidden;
    double[] m = new double[n * n];
    for (int i = 0; i < nVisible; i++) {
      for (int j = 0; j < nHidden; j++) {
        m[i * n + nVisible + j] = w[i * nHidden + j];
        m[(nVisible + j) * n + i] = w[i * nHidden + j];
      }
    }
    double[] b = new double[n];
    System.arraycopy(visibleBias, 0, b, 0, nVisible);
    System.arraycopy(hiddenBias, 0, b, nVisible, nHidden);
    return BoltzmannMachine.dense(Units.BINARY, m, b, nVisible, temperature);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Rbm r && r.nVisible == nVisible && r.nHidden == nHidden
        && Arrays.equals(r.w, w) && Arrays.equals(r.visibleBias, visibleBias)
        && Arrays.equals(r.hiddenBias, hiddenBias) && Double.compare(r.temperature, temperature) == 0;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(w) * 31 + Arrays.hashCode(visibleBias);
  }

  @Override
  public String toString() {
    return "Rbm[" + nVisible + "×" + nHidden + ", T=" + temperature + "]";
  }
}
