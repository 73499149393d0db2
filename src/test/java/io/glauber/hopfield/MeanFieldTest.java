package io.glauber.hopfield;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The mean-field solutions of the Hebb network at temperature against known values. */
class MeanFieldTest {

  @Test
  void theOverlapIsARootOfTheMeanFieldEquationBelowTc() {
    for (double t = 0.02; t < 0.999; t += 0.01) {
      double m = MeanField.overlap(t);
      assertTrue(m > 0, "T = " + t);
      assertEquals(0.0, m - Math.tanh(m / t), 1e-12, "T = " + t);
    }
    assertEquals(1.0, MeanField.overlap(0), 0.0);
  }

  @Test
  void theOverlapVanishesAtAndAboveTc() {
    for (double t : new double[] {1.0, 1.0001, 1.5, 3.0, 100.0}) assertEquals(0.0, MeanField.overlap(t), 0.0, "T = " + t);
  }

  @Test
  void atLowTemperatureTheOverlapIsOneMinusTwiceEToTheMinusTwoOverT() {
    // m = tanh(m/T) with m = 1 − ε and tanh x = 1 − 2e^{−2x} + 2e^{−4x} − ...:
    // ε = 2e^{−2/T}e^{2ε/T} − 2e^{−4/T} + ..., so ε = 2e^{−2/T} + (8/T − 2)e^{−4/T} + ..., the
    // correction smaller than the leading term by about 4e^{−2/T}/T (under 0.02 here) and the next
    // one smaller again by about as much (bounded below by 0.1 of the correction, a threefold margin)
    for (double t : new double[] {0.1, 0.15, 0.2, 0.25, 0.3}) {
      double leading = 1 - 2 * Math.exp(-2 / t);
      double nextOrder = (8 / t - 2) * Math.exp(-4 / t);
      assertEquals(leading, MeanField.overlap(t), 2 * nextOrder, "T = " + t);
      assertEquals(leading - nextOrder, MeanField.overlap(t), 0.1 * nextOrder, "T = " + t);
    }
  }

  @Test
  void nearTcTheOverlapGrowsLikeTheSquareRootOfThreeTimesTheDistance() {
    // tanh x = x − x³/3 + ...: m² ≈ 3(1 − T) as T → 1⁻, with relative corrections of order (1 − T)
    for (double gap : new double[] {1e-3, 1e-4, 1e-5}) {
      double m = MeanField.overlap(1 - gap);
      assertEquals(Math.sqrt(3 * gap), m, 2 * gap * Math.sqrt(3 * gap), "1 − T = " + gap);
    }
  }

  @Test
  void theAgsEquationsReduceToTheMattisEquationAtVanishingLoad() {
    for (double t : new double[] {0.3, 0.6, 0.9}) assertEquals(MeanField.overlap(t), MeanField.overlap(t, 1e-9), 1e-6, "T = " + t);
  }

  @Test
  void theAgsRetrievalBoundaryFollowsTheSmallLoadLawAndVanishesPastAlphaC() {
    for (double alpha : new double[] {0.001, 0.005, 0.01}) {
      double tm = MeanField.retrievalBoundary(alpha);
      // 1 − 1.95√α is the first term of a small-α expansion, the next is c·α: the bound says |c| ≤ 1
      assertEquals(MeanField.retrievalBoundaryApprox(alpha), tm, alpha, "alpha = " + alpha);
      assertTrue(MeanField.overlap(tm - 0.01, alpha) > 0 && MeanField.overlap(tm + 0.01, alpha) == 0, "alpha = " + alpha);
    }
    assertTrue(Double.isNaN(MeanField.retrievalBoundary(0.2)));
    assertThrows(IllegalArgumentException.class, () -> MeanField.overlap(-0.1));
  }
}
