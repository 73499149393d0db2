package io.glauber.engine.batch;

import static org.junit.jupiter.api.Assertions.*;

import io.glauber.exact.ExactRbm;
import io.glauber.model.Statistics;
import io.glauber.model.Rbm;
import java.util.SplittableRandom;
import io.glauber.testing.RandomModels;
import org.junit.jupiter.api.Test;

/**
 * The sampled statistics of CD-k and PCD against the exact log-likelihood gradient of a 6×4 RBM
 * (clamped minus free statistics by enumeration). Tolerances are 5 standard errors, estimated
 * from the samples themselves (independent steps for CD; batch means over blocks of steps for
 * PCD, whose steps are correlated).
 */
class GradientTest {
  static final int NV = 6, NH = 4, ROWS = 16;

  static float[] data() {
    SplittableRandom r = new SplittableRandom(5);
    float[] x = new float[ROWS * NV];
    for (int k = 0; k < x.length; k++) x[k] = r.nextDouble() < 0.4 ? 1f : 0f;
    return x;
  }

  /** The exact gradient: weights (NV×NH) then biases (NV + NH). */
  static double[] exactGradient(Rbm rbm, float[] data) {
    double[][] rows = new double[ROWS][NV];
    for (int n = 0; n < ROWS; n++) for (int i = 0; i < NV; i++) rows[n][i] = data[n * NV + i];
    Statistics plus = ExactRbm.clampedStatistics(rbm, rows);
    Statistics minus = ExactRbm.of(rbm).freeStatistics();
    double[] g = new double[NV * NH + NV + NH];
    for (int m = 0; m < NV * NH; m++) g[m] = plus.pairMeans()[m] - minus.pairMeans()[m];
    for (int i = 0; i < NV + NH; i++) g[NV * NH + i] = plus.unitMeans()[i] - minus.unitMeans()[i];
    return g;
  }

  static TrainConfig config(TrainConfig.Method m, int k, int chains) {
    return TrainConfig.parse("model.hidden = " + NH + ", train.batch-size = " + ROWS + ", seed = 9").with(m, k, chains);
  }

  /** Runs {@code steps} statistics-only steps and checks their block means against the exact gradient. */
  static void check(TrainConfig cfg, int burnIn, int steps, int block) {
    Rbm rbm = RandomModels.rbm(NV, NH, 0.8, 0.5, 42);
    float[] data = data();
    double[] exact = exactGradient(rbm, data);
    int dims = exact.length;
    int blocks = steps / block;
    double[][] blockMeans = new double[blocks][dims];
    float[] dw = new float[NV * NH];
    float[] db = new float[NV + NH];
    try (RbmTrainer t = new RbmTrainer(cfg, data, ROWS, NV, rbm)) {
      for (int s = 0; s < burnIn; s++) t.differences(data, dw, db, null);
      for (int s = 0; s < blocks * block; s++) {
        t.differences(data, dw, db, null);
        double[] m = blockMeans[s / block];
        for (int q = 0; q < NV * NH; q++) m[q] += dw[q] / (double) block;
        for (int q = 0; q < NV + NH; q++) m[NV * NH + q] += db[q] / (double) block;
      }
    }
    for (int q = 0; q < dims; q++) {
      double mean = 0;
      for (double[] m : blockMeans) mean += m[q] / blocks;
      double var = 0;
      for (double[] m : blockMeans) var += (m[q] - mean) * (m[q] - mean) / (blocks - 1);
      double se = Math.sqrt(var / blocks);
      assertEquals(exact[q], mean, 5 * se + 1e-6, cfg.method() + " component " + q + " (se " + se + ")");
      assertTrue(se < 0.01, "standard error " + se + " too large for a meaningful test");
    }
  }

  @Test
  void cdWithLongChainsMatchesTheExactGradient() {
    // CD-k is biased for small k; with k = 50 on this 10-unit machine the chain has mixed, so its
    // expectation is the exact gradient. Steps start afresh from the data: independent (block = 1).
    check(config(TrainConfig.Method.CD, 50, 0 + 1), 0, 400, 1);
  }

  @Test
  void pcdAveragedOverStepsMatchesTheExactGradient() {
    check(config(TrainConfig.Method.PCD, 1, 500), 50, 2000, 50);
  }

  @Test
  void parallelTemperingStatisticsMatchTheExactGradient() {
    check(config(TrainConfig.Method.PT, 1, 200), 50, 1500, 50);
  }
}
