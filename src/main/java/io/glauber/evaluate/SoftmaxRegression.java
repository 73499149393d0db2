package io.glauber.evaluate;

import io.glauber.data.Shuffle;
import io.glauber.kernel.Blas;
import io.glauber.kernel.Rng;

/**
 * Multinomial logistic regression (softmax classifier) trained by mini-batch Adam, in float32 with
 * the products through BLAS.
 *
 * <pre>
 *   p(y = c | x) = softmax(xᵀW + b)_c        loss = −mean log p(y|x) + (λ/2)‖W‖²
 *   ∇_W = Xᵀ(P − Y)/B + λW                   ∇_b = mean(P − Y)
 * </pre>
 *
 * Adam (Kingma &amp; Ba 2015): m ← β₁m + (1−β₁)g, s ← β₂s + (1−β₂)g², θ ← θ − η m̂/(√ŝ + ε) with the
 * bias corrections m̂ = m/(1−β₁ᵗ), ŝ = s/(1−β₂ᵗ); β₁ = 0.9, β₂ = 0.999, ε = 1e-8. Rows are visited
 * in an order reshuffled per epoch from the seed. Features should be on a comparable scale (hidden
 * probabilities and pixels in [0, 1] are).
 */
public final class SoftmaxRegression {
  private final int d;
  private final int classes;
  private final float[] w; // d×classes
  private final float[] b;

  /**
   * Settings.
   *
   * @param epochs passes over the training rows
   * @param batchSize rows per update
   * @param learningRate Adam's η
   * @param l2 λ
   * @param seed seed of the row order
   */
  public record Settings(int epochs, int batchSize, double learningRate, double l2, long seed) {
    public Settings {
      if (epochs < 1 || batchSize < 1 || !(learningRate > 0) || l2 < 0) {
        throw new IllegalArgumentException("softmax settings epochs=" + epochs + " batch=" + batchSize + " η=" + learningRate
            + " λ=" + l2 + " (expected epochs ≥ 1, batch ≥ 1, η > 0, λ ≥ 0)");
      }
    }

    /** 10 epochs of batches of 100 at η = 0.001, λ = 1e-4. */
    public static Settings defaults(long seed) {
      return new Settings(10, 100, 1e-3, 1e-4, seed);
    }
  }

  private SoftmaxRegression(int d, int classes) {
    this.d = d;
    this.classes = classes;
    this.w = new float[d * classes];
    this.b = new float[classes];
  }

  /** Fits a classifier of {@code x} (rows×d) to {@code labels} ∈ [0, classes). */
  public static SoftmaxRegression fit(float[] x, int rows, int d, int[] labels, int classes, Settings s) {
    for (int r = 0; r < rows; r++) {
      if (labels[r] < 0 || labels[r] >= classes) {
        throw new IllegalArgumentException("label " + labels[r] + " of row " + r + " (expected 0.." + (classes - 1) + ")");
      }
    }
    SoftmaxRegression model = new SoftmaxRegression(d, classes);
    int bs = Math.min(s.batchSize(), rows);
    float[] xb = new float[bs * d];
    float[] p = new float[bs * classes];
    float[] gw = new float[d * classes];
    float[] gb = new float[classes];
    float[] mw = new float[d * classes], sw = new float[d * classes];
    float[] mb = new float[classes], sb = new float[classes];
    int[] order = new int[rows];
    for (int r = 0; r < rows; r++) order[r] = r;
    double beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
    long t = 0;
    for (int e = 0; e < s.epochs(); e++) {
      Rng rng = new Rng(Rng.derive(s.seed(), e, 7));
      Shuffle.shuffle(order, rng);
      for (int from = 0; from + bs <= rows; from += bs) {
        for (int r = 0; r < bs; r++) System.arraycopy(x, order[from + r] * d, xb, r * d, d);
        model.probabilities(xb, bs, p);
        java.util.Arrays.fill(gb, 0f);
        for (int r = 0; r < bs; r++) {
          p[r * classes + labels[order[from + r]]] -= 1f;
          for (int c = 0; c < classes; c++) gb[c] += p[r * classes + c] / bs;
        }
        Blas.gemm(true, false, d, classes, bs, 1f / bs, xb, p, 0f, gw);
        t++;
        double c1 = 1 - Math.pow(beta1, t);
        double c2 = 1 - Math.pow(beta2, t);
        float step = (float) (s.learningRate() * Math.sqrt(c2) / c1);
        float l2 = (float) s.l2();
        for (int k = 0; k < gw.length; k++) {
          float g = gw[k] + l2 * model.w[k];
          mw[k] = (float) (beta1 * mw[k] + (1 - beta1) * g);
          sw[k] = (float) (beta2 * sw[k] + (1 - beta2) * g * g);
          model.w[k] -= step * mw[k] / ((float) Math.sqrt(sw[k]) + (float) eps);
        }
        for (int k = 0; k < classes; k++) {
          float g = gb[k];
          mb[k] = (float) (beta1 * mb[k] + (1 - beta1) * g);
          sb[k] = (float) (beta2 * sb[k] + (1 - beta2) * g * g);
          model.b[k] -= step * mb[k] / ((float) Math.sqrt(sb[k]) + (float) eps);
        }
      }
    }
    return model;
  }

  /** p (rows×classes) ← softmax(X·W + b), row by row with the maximum subtracted. */
  public void probabilities(float[] x, int rows, float[] p) {
    for (int r = 0; r < rows; r++) System.arraycopy(b, 0, p, r * classes, classes);
    Blas.gemm(false, false, rows, classes, d, 1f, x, w, 1f, p);
    for (int r = 0; r < rows; r++) {
      int o = r * classes;
      float max = Float.NEGATIVE_INFINITY;
      for (int c = 0; c < classes; c++) max = Math.max(max, p[o + c]);
      float sum = 0;
      for (int c = 0; c < classes; c++) {
        p[o + c] = (float) Math.exp(p[o + c] - max);
        sum += p[o + c];
      }
      for (int c = 0; c < classes; c++) p[o + c] /= sum;
    }
  }

  /** The fraction of rows whose most probable class is their label. */
  public double accuracy(float[] x, int rows, int[] labels) {
    int chunk = 1000;
    float[] p = new float[chunk * classes];
    float[] xb = new float[chunk * d];
    long right = 0;
    for (int from = 0; from < rows; from += chunk) {
      int m = Math.min(chunk, rows - from);
      System.arraycopy(x, from * d, xb, 0, m * d);
      probabilities(xb, m, p);
      for (int r = 0; r < m; r++) {
        int best = 0;
        for (int c = 1; c < classes; c++) if (p[r * classes + c] > p[r * classes + best]) best = c;
        if (best == labels[from + r]) right++;
      }
    }
    return right / (double) rows;
  }
}
