package io.glauber.evaluate;

import static io.glauber.testing.RandomModels.binary;
import static io.glauber.testing.RandomModels.rbm;
import static io.glauber.testing.RandomModels.row;
import static org.junit.jupiter.api.Assertions.*;

import io.glauber.exact.ExactRbm;
import io.glauber.model.Glauber;
import io.glauber.model.Rbm;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RbmMeasuresTest {
  @Test
  void pseudoLogLikelihoodEqualsBruteForceOverAllUnits() {
    for (long seed = 1; seed <= 3; seed++) {
      int nv = 9 + (int) seed, nh = 7;
      Rbm rbm = rbm(nv, nh, 1.0, 1.0, seed);
      int rows = 300; // more than one batch of 256
      float[] x = binary(rows * nv, seed + 10);
      double brute = 0;
      for (int n = 0; n < rows; n++) {
        double[] v = row(x, n, nv);
        double f = rbm.freeEnergy(v);
        for (int i = 0; i < nv; i++) {
          double[] u = v.clone();
          u[i] = 1 - u[i];
          // p(v_i | v_−i) = e^{−F(v)} / (e^{−F(v)} + e^{−F(u)})
          brute += Math.log(Glauber.sigmoid(rbm.freeEnergy(u) - f));
        }
      }
      brute /= rows;
      double fast = RbmMeasures.pseudoLogLikelihood(rbm, x, rows);
      // float32 inputs: relative 1e-5 of the free energies involved
      assertEquals(brute, fast, 1e-5 * nv * nh, "seed " + seed);
    }
  }

  @Test
  void logLikelihoodAndFreeEnergyMatchTheExactModel() {
    Rbm rbm = rbm(12, 8, 0.7, 0.7, 4);
    int rows = 500;
    float[] x = binary(rows * 12, 5);
    double[][] d = new double[rows][];
    double f = 0;
    for (int n = 0; n < rows; n++) {
      d[n] = row(x, n, 12);
      f += rbm.freeEnergy(d[n]) / rows;
    }
    assertEquals(ExactRbm.of(rbm).meanLogLikelihood(d), RbmMeasures.exactLogLikelihood(rbm, x, rows), 1e-4);
    assertEquals(f, RbmMeasures.meanFreeEnergy(rbm, x, rows), 1e-4);
    assertEquals(0.0, RbmMeasures.freeEnergyGap(rbm, x, rows, x, rows), 1e-9);
  }

  @Test
  void reconstructionErrorIsTheMeanFieldSquaredError() {
    Rbm rbm = rbm(10, 6, 1.0, 1.0, 6);
    int rows = 40;
    float[] x = binary(rows * 10, 7);
    double ref = 0;
    double[] ph = new double[6];
    double[] pv = new double[10];
    for (int n = 0; n < rows; n++) {
      double[] v = row(x, n, 10);
      rbm.hiddenProbabilities(v, ph);
      rbm.visibleProbabilities(ph, pv);
      for (int i = 0; i < 10; i++) ref += (v[i] - pv[i]) * (v[i] - pv[i]) / rows;
    }
    assertEquals(ref, RbmMeasures.reconstructionError(rbm, x, rows), 1e-5);
  }

  @Test
  void aisAgreesWithExactLogZOnASmallRandomModel() {
    Rbm rbm = rbm(20, 12, 1.0, 1.0, 8);
    float[] data = binary(200 * 20, 9);
    Ais.Result r = Ais.logPartition(rbm, data, 200, Ais.Settings.standard(3));
    double exact = ExactRbm.of(rbm).logZ();
    assertEquals(14_501, r.betas());
    assertEquals(100, r.runs());
    assertTrue(r.logZStdErr() < 0.05, "spread " + r.logZStdErr());
    assertEquals(exact, r.logZ(), Math.max(0.1, 5 * r.logZStdErr()), "AIS " + r);
  }

  @Test
  void softmaxRegressionSeparatesGaussianClusters() {
    int classes = 3, d = 5, rows = 3000;
    SplittableRandom r = new SplittableRandom(1);
    float[] x = new float[rows * d];
    int[] y = new int[rows];
    for (int n = 0; n < rows; n++) {
      y[n] = n % classes;
      for (int k = 0; k < d; k++) x[n * d + k] = (float) ((k == y[n] ? 2.0 : 0.0) + 0.5 * r.nextGaussian());
    }
    SoftmaxRegression m = SoftmaxRegression.fit(x, 2000, d, y, classes, new SoftmaxRegression.Settings(20, 50, 0.01, 0, 2));
    int[] testY = java.util.Arrays.copyOfRange(y, 2000, rows);
    float[] testX = java.util.Arrays.copyOfRange(x, 2000 * d, rows * d);
    // Bayes accuracy of these clusters is ≈ 0.97; a fitted linear softmax should be near it
    assertTrue(m.accuracy(testX, 1000, testY) > 0.93);
  }
}
