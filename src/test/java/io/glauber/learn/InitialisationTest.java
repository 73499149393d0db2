package io.glauber.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glauber.model.Gaussian;
import io.glauber.model.Rbm;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Hinton's starting RBM: logit visible biases of the clipped data means, zero hidden biases, N(0, σ²) weights. */
class InitialisationTest {
  @Test
  void visibleBiasesAreTheLogitsOfTheClippedDataMeansAndHiddenBiasesZero() {
    // 4 rows, 3 units: unit 0 on in 1 of 4 rows, unit 1 always on, unit 2 never on
    float[] data = {1, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0};
    Rbm rbm = Initialisation.hinton(data, 4, 3, 5, 0.01, new SplittableRandom(1));
    assertEquals(Math.log(0.25 / 0.75), rbm.visibleBias()[0], 1e-15);
    assertEquals(Math.log(0.99 / 0.01), rbm.visibleBias()[1], 1e-12, "p = 1 clipped to 0.99");
    assertEquals(Math.log(0.01 / 0.99), rbm.visibleBias()[2], 1e-12, "p = 0 clipped to 0.01");
    for (double b : rbm.hiddenBias()) assertEquals(0.0, b);
  }

  @Test
  void weightsAreTheSeedsGaussianDrawsInRowOrderScaledByTheStd() {
    float[] data = {1, 0, 0, 1};
    Rbm rbm = Initialisation.hinton(data, 2, 2, 3, 0.01, new SplittableRandom(7));
    SplittableRandom same = new SplittableRandom(7);
    for (int m = 0; m < 6; m++) assertEquals(0.01 * Gaussian.standard(same), rbm.w()[m], 0.0);
  }

  @Test
  void weightsHaveTheRequestedSpread() {
    int nv = 100, nh = 200;
    Rbm rbm = Initialisation.hinton(new float[nv], 1, nv, nh, 0.01, new SplittableRandom(3));
    double sum = 0, sq = 0;
    for (double w : rbm.w()) {
      sum += w;
      sq += w * w;
    }
    int n = nv * nh;
    double mean = sum / n;
    double variance = sq / n - mean * mean;
    // standard errors of the mean and of the variance of n normal draws: σ/√n and σ²·√(2/n)
    assertEquals(0.0, mean, 5 * 0.01 / Math.sqrt(n));
    assertEquals(1e-4, variance, 5 * 1e-4 * Math.sqrt(2.0 / n));
    assertTrue(Initialisation.hinton(new float[4], 1, 4, 2, 0, new SplittableRandom(1)).w()[0] == 0.0, "std 0 gives zero weights");
  }
}
