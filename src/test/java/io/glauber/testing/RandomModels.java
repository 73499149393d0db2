package io.glauber.testing;

import io.glauber.model.BoltzmannMachine;
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
}
