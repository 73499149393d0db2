package io.glauber.testing;

import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Units;
import java.util.SplittableRandom;

/** Random small models for statistical tests, reproducible from a seed. */
public final class RandomModels {
  private RandomModels() {}

  /** A dense BM with weights and biases ~ N(0, scale²). */
  public static BoltzmannMachine boltzmann(int n, Units units, double temperature, double scale, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] w = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double x = scale * gaussian(rng);
        w[i * n + j] = x;
        w[j * n + i] = x;
      }
    }
    double[] b = new double[n];
    for (int i = 0; i < n; i++) b[i] = scale * gaussian(rng);
    return BoltzmannMachine.dense(units, w, b, n, temperature);
  }

  /** A standard normal deviate (Box–Muller). */
  public static double gaussian(SplittableRandom rng) {
    return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
  }
}
