package io.glauber.testing;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * Pearson's χ² goodness-of-fit test of observed state counts against exact probabilities. Bins
 * whose expected count is below 5 are pooled into one, as the test's asymptotics require.
 */
public final class ChiSquare {
  private ChiSquare() {}

  /** The result: statistic, degrees of freedom and p-value. */
  public record Result(double statistic, int degreesOfFreedom, double pValue) {}

  /** Tests counts[k] (total N) against probabilities p[k]. */
  public static Result test(long[] counts, double[] p) {
    long n = 0;
    for (long c : counts) n += c;
    double stat = 0;
    int bins = 0;
    double pooledExpected = 0;
    long pooledObserved = 0;
    for (int k = 0; k < p.length; k++) {
      double e = n * p[k];
      if (e < 5) {
        pooledExpected += e;
        pooledObserved += counts[k];
      } else {
        stat += (counts[k] - e) * (counts[k] - e) / e;
        bins++;
      }
    }
    if (pooledExpected > 0) {
      stat += (pooledObserved - pooledExpected) * (pooledObserved - pooledExpected) / pooledExpected;
      bins++;
    }
    int dof = Math.max(1, bins - 1);
    double pValue = 1 - new ChiSquaredDistribution(dof).cumulativeProbability(stat);
    return new Result(stat, dof, pValue);
  }
}
