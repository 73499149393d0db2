package io.glauber.engine.batch;

import io.glauber.kernel.Blas;
import io.glauber.kernel.RbmKernel;
import io.glauber.learn.Learner;
import io.glauber.model.Rbm;
import java.util.SplittableRandom;
import java.util.function.ObjIntConsumer;

/**
 * Contrastive divergence (CD-k) for a binary RBM over mini-batches (seed 002; Hinton 2002).
 *
 * <p>Positive statistics: ⟨v h⟩₊ = V₀ᵀ P(H|V₀)/B. Negative: k steps of block Gibbs from the data,
 * ⟨v h⟩₋ = V_kᵀ P(H|V_k)/B. Their difference, formed with two BLAS products, goes to the shared
 * {@link Learner}. Buffers are allocated once per run; the step loop allocates nothing.
 *
 * <p>This is the first, plain trainer (static {@link RbmKernel} conditionals, one
 * {@link SplittableRandom}); its results are pinned by tests that compare the actor engine with it
 * (LayerTrainingTest), so it is kept as it is. {@link RbmTrainer} is the batched engine's full
 * trainer (CD-k, PCD-k, parallel tempering, schedules, checkpoints, two threads); new code should
 * use that.
 */
public final class CdTrainer {
  private final RbmTrainingSettings settings;

  public CdTrainer(RbmTrainingSettings settings) {
    this.settings = settings;
  }

  /**
   * Trains from Hinton's initialisation: W ~ N(0, initStd²), a_i = log(p_i/(1−p_i)) of the data
   * (clipped to p ∈ [0.01, 0.99]), b_j = 0.
   *
   * @param data rows×cols values in [0,1], row-major
   * @param onEpoch called after each epoch with the current model and the epoch number (1-based)
   */
  public Rbm train(float[] data, int rows, int cols, ObjIntConsumer<Rbm> onEpoch) {
    return train(initial(data, rows, cols, settings.hidden(), settings.initStd(), new SplittableRandom(settings.seed()).split()),
        data, rows, onEpoch);
  }

  /** Hinton's initial RBM for the data. */
  public static Rbm initial(float[] data, int rows, int cols, int hidden, double initStd, SplittableRandom rng) {
    double[] w = new double[cols * hidden];
    for (int i = 0; i < w.length; i++) w[i] = initStd * gaussian(rng);
    double[] a = new double[cols];
    for (int r = 0; r < rows; r++) for (int i = 0; i < cols; i++) a[i] += data[r * cols + i];
    for (int i = 0; i < cols; i++) {
      double p = Math.min(0.99, Math.max(0.01, a[i] / rows));
      a[i] = Math.log(p / (1 - p));
    }
    return new Rbm(cols, hidden, w, a, new double[hidden]);
  }

  private static double gaussian(SplittableRandom rng) {
    double u = 1.0 - rng.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
  }

  /** Continues training from a given model. */
  public Rbm train(Rbm start, float[] data, int rows, ObjIntConsumer<Rbm> onEpoch) {
    int nv = start.nVisible();
    int nh = start.nHidden();
    int b = Math.min(settings.batchSize(), rows);
    SplittableRandom rng = new SplittableRandom(settings.seed());
    float[] w = RbmKernel.toFloat(start.w());
    float[] bias = new float[nv + nh];
    float[] vbias = RbmKernel.toFloat(start.visibleBias());
    float[] hbias = RbmKernel.toFloat(start.hiddenBias());
    float t = (float) start.temperature();
    float[] v0 = new float[b * nv];
    float[] ph0 = new float[b * nh];
    float[] h = new float[b * nh];
    float[] pv = new float[b * nv];
    float[] v = new float[b * nv];
    float[] ph = new float[b * nh];
    float[] dw = new float[nv * nh];
    float[] dbias = new float[nv + nh];
    float[] hiddenMean = new float[nh];
    int[] order = new int[rows];
    for (int r = 0; r < rows; r++) order[r] = r;
    Learner learner = new Learner(settings.rule(), nv * nh, nv + nh, nv, nh);
    Rbm current = start;
    for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
      shuffle(order, rng);
      for (int from = 0; from + b <= rows; from += b) {
        for (int r = 0; r < b; r++) System.arraycopy(data, order[from + r] * nv, v0, r * nv, nv);
        RbmKernel.hiddenProbabilities(v0, b, w, hbias, nv, nh, t, ph0);
        RbmKernel.sample(ph0, b * nh, rng, h);
        for (int step = 0; step < settings.k(); step++) {
          RbmKernel.visibleProbabilities(h, b, w, vbias, nv, nh, t, pv);
          RbmKernel.sample(pv, b * nv, rng, v);
          RbmKernel.hiddenProbabilities(v, b, w, hbias, nv, nh, t, ph);
          if (step + 1 < settings.k()) RbmKernel.sample(ph, b * nh, rng, h);
        }
        Blas.gemm(true, false, nv, nh, b, 1f / b, v0, ph0, 0f, dw);
        Blas.gemm(true, false, nv, nh, b, -1f / b, v, ph, 1f, dw);
        columnMeanDifference(v0, v, b, nv, dbias, 0);
        columnMeanDifference(ph0, ph, b, nh, dbias, nv);
        columnMean(ph0, b, nh, hiddenMean);
        System.arraycopy(vbias, 0, bias, 0, nv);
        System.arraycopy(hbias, 0, bias, nv, nh);
        learner.applyDifferences(w, dw, bias, dbias, hiddenMean);
        System.arraycopy(bias, 0, vbias, 0, nv);
        System.arraycopy(bias, nv, hbias, 0, nh);
      }
      current = new Rbm(nv, nh, RbmKernel.toDouble(w), RbmKernel.toDouble(vbias), RbmKernel.toDouble(hbias), start.temperature());
      if (onEpoch != null) onEpoch.accept(current, epoch);
    }
    return current;
  }

  private static void columnMeanDifference(float[] a, float[] b, int rows, int cols, float[] out, int offset) {
    for (int c = 0; c < cols; c++) out[offset + c] = 0f;
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) out[offset + c] += a[r * cols + c] - b[r * cols + c];
    }
    for (int c = 0; c < cols; c++) out[offset + c] /= rows;
  }

  private static void columnMean(float[] a, int rows, int cols, float[] out) {
    java.util.Arrays.fill(out, 0f);
    for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) out[c] += a[r * cols + c];
    for (int c = 0; c < cols; c++) out[c] /= rows;
  }

  private static void shuffle(int[] order, SplittableRandom rng) {
    for (int i = order.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int tmp = order[i];
      order[i] = order[j];
      order[j] = tmp;
    }
  }
}
