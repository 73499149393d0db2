package io.glauber.learn;

/**
 * What CD-k and PCD-k share: k sweeps of an RBM of nVisible×nHidden units on the caller's
 * {@link HalfSteps}, statistics into one {@link StackedGradient}, and the buffers of a step of n
 * batch rows and m chains, reallocated only when a shape changes.
 */
abstract class GibbsStep implements NegativePhase {
  final int k;
  final int nv;
  final int nh;
  final HalfSteps passes;
  final StackedGradient gradient;
  int rows;       // n, the batch rows the buffers are for
  int chainRows;  // m, the chains
  float[] ph0 = new float[0]; // P₀ = p(h|V₀), n×nh
  float[] h0 = new float[0];  // H₀, n×nh
  float[] pv = new float[0];  // the chains' P(V|H), m×nv
  float[] v = new float[0];   // their V, m×nv
  float[] ph = new float[0];  // their P(H|V), m×nh

  GibbsStep(String name, int k, int nVisible, int nHidden, HalfSteps passes, StackedGradient gradient) {
    if (k < 1) throw new IllegalArgumentException(name + "-k with k = " + k + " (expected ≥ 1 Gibbs sweep)");
    if (nVisible < 1 || nHidden < 1) {
      throw new IllegalArgumentException(name + " for an RBM of " + nVisible + "×" + nHidden + " (expected ≥ 1 unit per layer)");
    }
    if (passes == null || gradient == null) throw new IllegalArgumentException(name + " needs half-steps and a gradient");
    this.k = k;
    this.nv = nVisible;
    this.nh = nHidden;
    this.passes = passes;
    this.gradient = gradient;
  }

  /** Buffers for n batch rows (P₀ and H₀ only when {@code positive}) and m chains. */
  void buffers(int n, int m, boolean positive) {
    if (positive && n != rows) {
      ph0 = new float[n * nh];
      h0 = new float[n * nh];
    }
    if (m != chainRows) {
      pv = new float[m * nv];
      v = new float[m * nv];
      ph = new float[m * nh];
    }
    rows = n;
    chainRows = m;
  }
}
