package io.glauber.learn;

import io.glauber.model.Gaussian;
import io.glauber.model.Rbm;
import java.util.random.RandomGenerator;

/**
 * The starting RBM of a training run, as Hinton's practical guide (2010, §8) prescribes it:
 *
 * <pre>
 *   W_ij ~ N(0, σ²) (σ = 0.01 in the guide)     a_i = log(p_i / (1 − p_i))     b_j = 0
 * </pre>
 *
 * with p_i the fraction of training vectors in which unit i is on, clipped to [0.01, 0.99] so that
 * a unit that is always off (or on) gets a finite bias. The weights are drawn in row order with
 * {@link Gaussian#standard}. The one home of the initialisation, for every engine.
 */
public final class Initialisation {
  private Initialisation() {}

  /**
   * Hinton's initial RBM of {@code hidden} hidden units for {@code data} (rows×cols, row-major,
   * values in [0, 1]), weights of standard deviation {@code std} drawn from {@code rng}.
   */
  public static Rbm hinton(float[] data, int rows, int cols, int hidden, double std, RandomGenerator rng) {
    if (rows < 1 || cols < 1 || data.length < (long) rows * cols) {
      throw new IllegalArgumentException("data of " + data.length + " values as " + rows + "×" + cols + " (expected at least one full row)");
    }
    if (hidden < 1 || !(std >= 0) || Double.isInfinite(std)) {
      throw new IllegalArgumentException(hidden + " hidden units, initial weight std " + std + " (expected ≥ 1 and a finite std ≥ 0)");
    }
    double[] w = new double[cols * hidden];
    for (int m = 0; m < w.length; m++) w[m] = std * Gaussian.standard(rng);
    double[] a = new double[cols];
    for (int r = 0; r < rows; r++) for (int i = 0; i < cols; i++) a[i] += data[r * cols + i];
    for (int i = 0; i < cols; i++) {
      double p = Math.min(0.99, Math.max(0.01, a[i] / rows));
      a[i] = Math.log(p / (1 - p));
    }
    return new Rbm(cols, hidden, w, a, new double[hidden]);
  }
}
