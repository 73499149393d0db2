package io.glauber.kernel;

import io.glauber.model.Glauber;
import java.util.SplittableRandom;

/**
 * RBM layer conditionals over a batch, in float32: the block form of {@link io.glauber.model.Rbm}'s
 * p(h_j=1|v) = σ((b_j + Σ_i v_i W_ij)/T) and p(v_i=1|h) = σ((a_i + Σ_j W_ij h_j)/T).
 *
 * <p>Layouts are row-major: V is batch×nVisible, H is batch×nHidden, W is nVisible×nHidden. Outputs
 * are the last argument and are overwritten; nothing is allocated.
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
