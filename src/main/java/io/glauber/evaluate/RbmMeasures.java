package io.glauber.evaluate;

import io.glauber.exact.ExactRbm;
import io.glauber.kernel.BatchGibbs;
import io.glauber.kernel.Blas;
import io.glauber.kernel.FastMath;
import io.glauber.kernel.RbmKernel;
import io.glauber.kernel.Team;
import io.glauber.model.Rbm;

/**
 * Deterministic measures of an RBM on data (rows×nv, row-major float, values in {0, 1}), batched
 * through BLAS. All are means per pattern, in nats where they are log-probabilities.
 *
 * <ul>
 *   <li>{@link #exactLogLikelihood}: mean log p(v) = −F(v) − log Z with log Z from {@link ExactRbm}
 *       (smaller layer ≤ 24 units);</li>
 *   <li>{@link #logLikelihood}: the same with a given log Z (e.g. from {@link Ais});</li>
 *   <li>{@link #pseudoLogLikelihood}: Σ_i log p(v_i | v_{−i}) summed over <em>all</em> units (Besag
 *       1975), with log p(v_i | v_{−i}) = −softplus(F(v) − F(v^{(i)})) where v^{(i)} is v with unit i
 *       flipped — not scikit-learn's one-random-unit estimate;</li>
 *   <li>{@link #reconstructionError}: Σ_i (v_i − p(v_i = 1 | h))² with h = p(h | v) (mean field);</li>
 *   <li>{@link #meanFreeEnergy} and {@link #freeEnergyGap}: mean F(held-out) − mean F(train), the
 *       overfitting monitor of Hinton's practical guide (2010, §6): it grows as the model starts to
 *       prefer the training rows.</li>
 * </ul>
 * F(v) = −a·v − Σ_j softplus(b_j + v·W_j) as in {@link Rbm#freeEnergy} (T = 1).
 */
public final class RbmMeasures {
  private static final int BATCH = 256;

  private RbmMeasures() {}

  /** Mean exact log-likelihood (nats per pattern). */
  public static double exactLogLikelihood(Rbm rbm, float[] data, int rows) {
    return logLikelihood(rbm, data, rows, ExactRbm.of(rbm).logZ());
  }

  /** Mean log p(v) = −mean F(v) − log Z. */
  public static double logLikelihood(Rbm rbm, float[] data, int rows, double logZ) {
    return -meanFreeEnergy(rbm, data, rows) - logZ;
  }

  /** Mean F(v) over the rows, in double precision ({@link RbmKernel#freeEnergySum}). */
  public static double meanFreeEnergy(Rbm rbm, float[] data, int rows) {
    return RbmKernel.freeEnergySum(rbm, data, rows) / rows;
  }

  /** mean F(held-out) − mean F(train). */
  public static double freeEnergyGap(Rbm rbm, float[] train, int trainRows, float[] heldOut, int heldOutRows) {
    return meanFreeEnergy(rbm, heldOut, heldOutRows) - meanFreeEnergy(rbm, train, trainRows);
  }

  /** Mean Σ_i (v_i − p(v_i=1 | p(h|v)))² per row ({@link BatchGibbs#squaredReconstructionError}). */
  public static double reconstructionError(Rbm rbm, float[] data, int rows) {
    int nv = rbm.nVisible();
    int nh = rbm.nHidden();
    Floats f = new Floats(rbm);
    try (BatchGibbs g = new BatchGibbs()) {
      return g.squaredReconstructionError(data, rows, f.w, nv, nh, 1f, f.a, f.b,
          new float[BATCH * nv], new float[BATCH * nh], new float[BATCH * nv]) / rows;
    }
  }

  /**
   * Mean pseudo-log-likelihood Σ_i log p(v_i | v_{−i}) per row. For row v with hidden inputs
   * x = b + vW, flipping unit i changes them to x + (1 − 2v_i) W_i and the visible term by
   * (1 − 2v_i) a_i, so F(v^{(i)}) − F(v) = −(1−2v_i) a_i − Σ_j [softplus(x_j + (1−2v_i)W_ij) − softplus(x_j)].
   * Cost n_v·n_h softplus per row; rows are split over two threads.
   */
  public static double pseudoLogLikelihood(Rbm rbm, float[] data, int rows) {
    int nv = rbm.nVisible();
    int nh = rbm.nHidden();
    Floats f = new Floats(rbm);
    float[] w = f.w;
    float[] a = f.a;
    float[] x = new float[BATCH * nh];
    double[] partial = new double[2];
    try (Team team = Team.ofCores(2)) {
      int[] batchFrom = new int[1];
      Team.Body body = (from, to, part) -> {
        double s = 0;
        for (int r = from; r < to; r++) {
          int ox = r * nh;
          int ov = (batchFrom[0] + r) * nv;
          for (int i = 0; i < nv; i++) {
            float sign = 1f - 2f * data[ov + i];
            // Σ_j softplus(x_j + sign·W_ij) − softplus(x_j), formed term by term (no cancellation)
            double flippedMinusBase = FastMath.softplusShiftDifferenceSum(x, ox, w, i * nh, sign, nh);
            double gap = -sign * a[i] - flippedMinusBase; // F(v^(i)) − F(v)
            s -= io.glauber.model.Glauber.softplus(-gap); // log σ(gap)
          }
        }
        partial[part] += s;
      };
      for (int from = 0; from < rows; from += BATCH) {
        int m = Math.min(BATCH, rows - from);
        hiddenInputs(data, from, m, w, f.b, nv, nh, x);
        batchFrom[0] = from;
        team.run(m, body);
      }
    }
    return (partial[0] + partial[1]) / rows;
  }

  /** x (m×nh) ← V[from .. from+m)·W + 1·bᵀ. */
  static void hiddenInputs(float[] data, int from, int m, float[] w, float[] b, int nv, int nh, float[] x) {
    for (int r = 0; r < m; r++) System.arraycopy(b, 0, x, r * nh, nh);
    Blas.gemm(false, false, m, nh, nv, 1f, data, from * nv, w, 0, 1f, x, 0);
  }

  /** The model's parameters in float, as the kernels take them. */
  private static final class Floats {
    final float[] w;
    final float[] a;
    final float[] b;

    Floats(Rbm rbm) {
      w = RbmKernel.toFloat(rbm.w());
      a = RbmKernel.toFloat(rbm.visibleBias());
      b = RbmKernel.toFloat(rbm.hiddenBias());
    }
  }
}
