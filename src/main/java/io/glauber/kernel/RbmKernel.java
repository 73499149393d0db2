package io.glauber.kernel;

import io.glauber.model.Glauber;
import java.util.SplittableRandom;

/**
 * RBM layer conditionals over a batch, in float32: the block form of {@link io.glauber.model.Rbm}'s
 * p(h_j=1|v) = σ((b_j + Σ_i v_i W_ij)/T) and p(v_i=1|h) = σ((a_i + Σ_j W_ij h_j)/T).
 *
 * Also the energies and free energies of an RBM over a batch of rows, the block forms of
 * {@link io.glauber.model.Rbm#energy} and {@link io.glauber.model.Rbm#freeEnergy} (tested against them).
 *
 * <p>Layouts are row-major: V is batch×nVisible, H is batch×nHidden, W is nVisible×nHidden. Outputs
 * are the last argument and are overwritten; nothing is allocated but the free energy's blocks.
 */
public final class RbmKernel {
  private RbmKernel() {}

  /** out (batch×nh) ← σ((V·W + 1·bᵀ)/T). */
  public static void hiddenProbabilities(float[] v, int batch, float[] w, float[] hiddenBias,
      int nv, int nh, float temperature, float[] out) {
    fillRows(hiddenBias, batch, nh, out);
    Blas.gemm(false, false, batch, nh, nv, 1f, v, w, 1f, out);
    sigmoidInPlace(out, batch * nh, temperature);
  }

  /** out (batch×nv) ← σ((H·Wᵀ + 1·aᵀ)/T). */
  public static void visibleProbabilities(float[] h, int batch, float[] w, float[] visibleBias,
      int nv, int nh, float temperature, float[] out) {
    fillRows(visibleBias, batch, nv, out);
    Blas.gemm(false, true, batch, nv, nh, 1f, h, w, 1f, out);
    sigmoidInPlace(out, batch * nv, temperature);
  }

  /** Bernoulli samples: out[k] ← 1 if u &lt; p[k] else 0, for the first {@code length} entries. */
  public static void sample(float[] p, int length, SplittableRandom rng, float[] out) {
    for (int k = 0; k < length; k++) out[k] = rng.nextDouble() < p[k] ? 1f : 0f;
  }

  /** x ← σ(x/T), elementwise, with the model's logistic function. */
  public static void sigmoidInPlace(float[] x, int length, float temperature) {
    float inv = 1f / temperature;
    for (int k = 0; k < length; k++) x[k] = (float) Glauber.sigmoid(x[k] * inv);
  }

  /**
   * The energies E(v, h) = −a·v − b·h − vᵀWh ({@link io.glauber.model.Rbm#energy}) of {@code rows}
   * binary joint states: row n of V at {@code v[vOffset + n·nv ..]}, of H at {@code h[hOffset + n·nh ..]},
   * into {@code out[outOffset + n]}. {@code bias} is [a | b] (the learner's layout); {@code product}
   * (rows×nh) receives V·W, one BLAS product; the sums over units run in double, and only the hidden
   * units that are on (h ∈ {0, 1}) add their b_j + (vW)_j.
   */
  public static void energies(float[] v, int vOffset, float[] h, int hOffset, int rows, float[] w, float[] bias,
      int nv, int nh, float[] product, double[] out, int outOffset) {
    Blas.gemm(false, false, rows, nh, nv, 1f, v, vOffset, w, 0, 0f, product, 0);
    for (int n = 0; n < rows; n++) {
      double e = 0;
      for (int i = 0; i < nv; i++) e -= bias[i] * v[vOffset + n * nv + i];
      for (int j = 0; j < nh; j++) {
        if (h[hOffset + n * nh + j] != 0f) e -= bias[nv + j] + product[n * nh + j];
      }
      out[outOffset + n] = e;
    }
  }

  /** Rows per block of {@link #freeEnergySum}. */
  private static final int FREE_ENERGY_BLOCK = 256;

  /**
   * Σ_n F(v_n) over the {@code rows} rows of {@code data} (rows×nv), F(v) = −a·v − Σ_j softplus(b_j + v·W_j)
   * ({@link io.glauber.model.Rbm#freeEnergy} at T = 1), in double precision throughout (the inputs
   * b + vW by a double BLAS product over blocks of rows), so that a log-likelihood agrees with exact
   * enumeration to the last digits whatever precision the model was trained in.
   */
  public static double freeEnergySum(io.glauber.model.Rbm rbm, float[] data, int rows) {
    int nv = rbm.nVisible();
    int nh = rbm.nHidden();
    double[] w = rbm.w();
    double[] a = rbm.visibleBias();
    double[] b = rbm.hiddenBias();
    int block = Math.min(FREE_ENERGY_BLOCK, Math.max(1, rows));
    double[] v = new double[block * nv];
    double[] x = new double[block * nh];
    double sum = 0;
    for (int from = 0; from < rows; from += block) {
      int m = Math.min(block, rows - from);
      for (int k = 0; k < m * nv; k++) v[k] = data[from * nv + k];
      fillRows(b, m, nh, x);
      Blas.gemm(false, false, m, nh, nv, 1.0, v, w, 1.0, x);
      for (int r = 0; r < m; r++) {
        double f = 0;
        for (int j = 0; j < nh; j++) f -= Glauber.softplus(x[r * nh + j]);
        for (int i = 0; i < nv; i++) f -= a[i] * v[r * nv + i];
        sum += f;
      }
    }
    return sum;
  }

  private static void fillRows(double[] row, int rows, int cols, double[] out) {
    for (int r = 0; r < rows; r++) System.arraycopy(row, 0, out, r * cols, cols);
  }

  private static void fillRows(float[] row, int rows, int cols, float[] out) {
    for (int r = 0; r < rows; r++) System.arraycopy(row, 0, out, r * cols, cols);
  }

  /** A float copy of a double array. */
  public static float[] toFloat(double[] x) {
    float[] out = new float[x.length];
    for (int i = 0; i < x.length; i++) out[i] = (float) x[i];
    return out;
  }

  /** A double copy of a float array. */
  public static double[] toDouble(float[] x) {
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) out[i] = x[i];
    return out;
  }
}
