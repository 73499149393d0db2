package io.glauber.engine.actor;

import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Units;
import java.util.SplittableRandom;

/** Models and statistics shared by the actor-engine tests. */
public final class Fixtures {
  private Fixtures() {}

  /** A dense BM of n units with weights and biases uniform in [−scale, scale]. */
  public static BoltzmannMachine randomMachine(int n, Units units, double scale, double temperature, int nVisible, long seed) {
    return io.glauber.model.RandomMachines.uniform(n, units, scale, scale, nVisible, temperature, seed);
  }

  /** State index with unit i in bit i (bit set = on), as in ExactBoltzmann. */
  public static int index(int[] s, Units units) {
    int k = 0;
    for (int i = 0; i < s.length; i++) if (s[i] == units.high()) k |= 1 << i;
    return k;
  }

  /** Pearson's χ² p-value of observed counts against probabilities ({@link io.glauber.testing.ChiSquare}). */
  public static double chiSquaredPValue(long[] counts, double[] p) {
    return io.glauber.testing.ChiSquare.test(counts, p).pValue();
  }

  /** Total-variation distance ½ Σ |p − q|. */
  public static double totalVariation(double[] p, double[] q) {
    double d = 0;
    for (int k = 0; k < p.length; k++) d += Math.abs(p[k] - q[k]);
    return d / 2;
  }
}
