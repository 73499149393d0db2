package io.glauber.engine.actor.layer;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/** Pearson's χ² goodness of fit of observed counts against exact probabilities. */
final class ChiSquare {
  private ChiSquare() {}

  /**
   * The p-value of the counts under the distribution {@code p}. Cells whose expected count is
   * below 5 are pooled into one cell (Cochran's rule), so the χ² approximation holds.
   */
  static double pValue(long[] counts, double[] p) {
    long n = 0;
    for (long c : counts) n += c;
    double stat = 0;
    int cells = 0;
    double pooledExpected = 0;
    long pooledObserved = 0;
    for (int k = 0; k < p.length; k++) {
      double e = n * p[k];
      if (e < 5) {
        pooledExpected += e;
        pooledObserved += counts[k];
      } else {
        stat += (counts[k] - e) * (counts[k] - e) / e;
        cells++;
      }
    }
    if (pooledExpected > 0) {
      stat += (pooledObserved - pooledExpected) * (pooledObserved - pooledExpected) / Math.max(pooledExpected, 1e-300);
      cells++;
    }
    return 1 - new ChiSquaredDistribution(cells - 1).cumulativeProbability(stat);
  }
}
