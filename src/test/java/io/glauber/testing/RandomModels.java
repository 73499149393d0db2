package io.glauber.testing;

import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Rbm;
import io.glauber.model.Units;
import java.util.SplittableRandom;

/** Random small models for statistical tests, reproducible from a seed. */
public final class RandomModels {
  private RandomModels() {}

  /** A dense BM with weights and biases ~ N(0, scale²). */
  public static BoltzmannMachine boltzmann(int n, Units units, double temperature, double scale, long seed) {
    return io.glauber.model.RandomMachines.gaussian(n, units, scale, scale, n, temperature, new SplittableRandom(seed));
  }

  /** A standard normal deviate (Box–Muller). */
  public static double gaussian(SplittableRandom rng) {
    return io.glauber.model.Gaussian.standard(rng);
  }

  /** An RBM with W ~ N(0, weightScale²) and both biases ~ N(0, biasScale²), drawn in that order. */
  public static Rbm rbm(int nv, int nh, double weightScale, double biasScale, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] w = new double[nv * nh];
    double[] a = new double[nv];
    double[] b = new double[nh];
    for (int k = 0; k < w.length; k++) w[k] = weightScale * r.nextGaussian();
    for (int k = 0; k < nv; k++) a[k] = biasScale * r.nextGaussian();
    for (int k = 0; k < nh; k++) b[k] = biasScale * r.nextGaussian();
    return new Rbm(nv, nh, w, a, b);
  }

  /** {@code n} fair coin flips as 0/1 floats. */
  public static float[] binary(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] x = new float[n];
    for (int k = 0; k < n; k++) x[k] = r.nextBoolean() ? 1f : 0f;
    return x;
  }

  /** Row {@code r} of a row-major batch with {@code cols} columns, in double. */
  public static double[] row(float[] x, int r, int cols) {
    double[] out = new double[cols];
    for (int c = 0; c < cols; c++) out[c] = x[r * cols + c];
    return out;
  }
}
