package io.glauber.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Box–Muller draws have the moments of N(0, 1). */
class GaussianTest {
  @Test
  void drawsHaveMeanZeroVarianceOneAndKurtosisThree() {
    SplittableRandom rng = new SplittableRandom(5);
    int n = 200_000;
    double s1 = 0, s2 = 0, s4 = 0;
    for (int k = 0; k < n; k++) {
      double z = Gaussian.standard(rng);
      s1 += z;
      s2 += z * z;
      s4 += z * z * z * z;
    }
    // standard errors of the sample moments of N(0, 1): √(1/n), √(2/n) and √(96/n) (Var z⁴ = 105 − 9)
    assertEquals(0.0, s1 / n, 5 * Math.sqrt(1.0 / n));
    assertEquals(1.0, s2 / n, 5 * Math.sqrt(2.0 / n));
    assertEquals(3.0, s4 / n, 5 * Math.sqrt(96.0 / n));
  }
}
