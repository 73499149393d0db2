package io.glauber.model;

import java.util.Arrays;

/**
 * All-to-all couplings held as a symmetric n×n matrix W (row-major) with zero diagonal; every other
 * unit is a neighbour, including those with w_ij = 0.
 */
public final class DenseCouplings implements Couplings {
  private final int n;
  private final double[] w;

  /**
   * @param n number of units
   * @param w the n×n matrix, row-major; must be symmetric with zero diagonal and finite (copied)
   */
  public DenseCouplings(int n, double[] w) {
    if (n < 1) throw new IllegalArgumentException("unit count " + n + " (expected ≥ 1)");
    if (w.length != (long) n * n) {
      throw new IllegalArgumentException(
          "W has " + w.length + " entries (expected n×n = " + ((long) n * n) + ")");
    }
    for (int i = 0; i < n; i++) {
      if (w[i * n + i] != 0.0) {
        throw new IllegalArgumentException(
            "W[" + i + "][" + i + "] = " + w[i * n + i] + " (expected a zero diagonal)");
      }
      for (int j = 0; j < n; j++) {
        double x = w[i * n + j];
        if (!Double.isFinite(x)) {
          throw new IllegalArgumentException("W[" + i + "][" + j + "] = " + x + " (expected finite)");
        }
        if (x != w[j * n + i]) {
          throw new IllegalArgumentException(
              "W[" + i + "][" + j + "] = " + x + " but W[" + j + "][" + i + "] = " + w[j * n + i]
                  + " (expected symmetric weights)");
        }
      }
    }
    this.n = n;
    this.w = w.clone();
  }

  /** The matrix entry w_ij. */
  public double get(int i, int j) {
    return w[i * n + j];
  }

  /** A copy of the n×n matrix, row-major. */
  public double[] matrix() {
    return w.clone();
  }

  @Override public int size() { return n; }

  @Override public int degree(int i) { return n - 1; }

  @Override public int neighbour(int i, int k) { return k < i ? k : k + 1; }

  @Override public double weight(int i, int k) { return w[i * n + neighbour(i, k)]; }

  @Override
  public double sum(int i, double[] s) {
    double h = 0;
    int row = i * n;
    for (int j = 0; j < n; j++) h += w[row + j] * s[j];
    return h;
  }

  @Override public int pairCount() { return n * (n - 1) / 2; }

  /**
   * Σ_{i&lt;j} w_ij s_i s_j in the order and arithmetic of {@link Couplings#pairEnergy} (so the same
   * number, bit for bit), without building the pair list: an energy per sweep of a 2,000-unit
   * network would otherwise allocate 32 MB each time.
   */
  @Override
  public double pairEnergy(double[] s) {
    double e = 0;
    for (int i = 0; i < n; i++) {
      int row = i * n;
      for (int j = i + 1; j < n; j++) e += w[row + j] * s[i] * s[j];
    }
    return e;
  }

  @Override
  public int[] pairs() {
    int[] p = new int[2 * pairCount()];
    int m = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        p[m++] = i;
        p[m++] = j;
      }
    }
    return p;
  }

  @Override
  public double[] pairWeights() {
    double[] out = new double[pairCount()];
    int m = 0;
    for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++) out[m++] = w[i * n + j];
    return out;
  }

  @Override
  public DenseCouplings withPairWeights(double[] weights) {
    if (weights.length != pairCount()) {
      throw new IllegalArgumentException(
          "pair weights of length " + weights.length + " (expected " + pairCount() + ")");
    }
    double[] m = new double[n * n];
    int k = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        m[i * n + j] = weights[k];
        m[j * n + i] = weights[k++];
      }
    }
    return new DenseCouplings(n, m);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DenseCouplings d && d.n == n && Arrays.equals(d.w, w);
  }

  @Override
  public int hashCode() {
    return 31 * n + Arrays.hashCode(w);
  }
}
