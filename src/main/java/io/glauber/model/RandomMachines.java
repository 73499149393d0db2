package io.glauber.model;

import java.util.SplittableRandom;

/**
 * Dense Boltzmann machines with random parameters, reproducible from a seed: the starting points of
 * training runs and the fixed models of studies and statistical tests. Weights are drawn first
 * (pairs i &lt; j in row order), then biases.
 */
public final class RandomMachines {
  private RandomMachines() {}

  /** Weights uniform in [−scale, scale], biases uniform in [−biasScale, biasScale]. */
  public static BoltzmannMachine uniform(int n, Units units, double scale, double biasScale, int nVisible, double temperature, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] w = symmetric(n, () -> scale * (2 * r.nextDouble() - 1));
    double[] b = new double[n];
    for (int i = 0; i < n; i++) b[i] = biasScale * (2 * r.nextDouble() - 1);
    return BoltzmannMachine.dense(units, w, b, nVisible, temperature);
  }

  /**
   * Weights ~ N(0, std²), biases ~ N(0, biasStd²) (none drawn when biasStd is 0), e.g. the
   * N(0, 0.01²) initialisation of seed 003 and Hinton's practical guide.
   */
  public static BoltzmannMachine gaussian(int n, Units units, double std, double biasStd, int nVisible, double temperature, SplittableRandom rng) {
    double[] w = symmetric(n, () -> std * Gaussian.standard(rng));
    double[] b = new double[n];
    if (biasStd != 0) for (int i = 0; i < n; i++) b[i] = biasStd * Gaussian.standard(rng);
    return BoltzmannMachine.dense(units, w, b, nVisible, temperature);
  }

  private static double[] symmetric(int n, java.util.function.DoubleSupplier draw) {
    double[] w = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double x = draw.getAsDouble();
        w[i * n + j] = x;
        w[j * n + i] = x;
      }
    }
    return w;
  }
}
