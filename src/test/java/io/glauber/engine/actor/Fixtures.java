package io.glauber.engine.actor;

import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Units;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;

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

  /**
   * Pearson's χ² p-value of observed counts against probabilities, pooling the states of expected
   * count below 5 into one bin.
   */
  public static double chiSquaredPValue(long[] counts, double[] p) {
    long total = 0;
    for (long c : counts) total += c;
    double chi2 = 0;
    int bins = 0;
    double pooledExpected = 0;
    long pooledObserved = 0;
    for (int k = 0; k < p.length; k++) {
      double e = p[k] * total;
      if (e < 5) {
        pooledExpected += e;
        pooledObserved += counts[k];
        continue;
      }
      chi2 += (counts[k] - e) * (counts[k] - e) / e;
      bins++;
    }
    if (pooledExpected > 0) {
      chi2 += (pooledObserved - pooledExpected) * (pooledObserved - pooledExpected) / pooledExpected;
      bins++;
    }
    return 1 - new ChiSquaredDistribution(bins - 1).cumulativeProbability(chi2);
  }

  /** Total-variation distance ½ Σ |p − q|. */
  public static double totalVariation(double[] p, double[] q) {
    double d = 0;
    for (int k = 0; k < p.length; k++) d += Math.abs(p[k] - q[k]);
    return d / 2;
  }
}
