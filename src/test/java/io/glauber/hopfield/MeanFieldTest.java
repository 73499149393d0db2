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

  @Test
  void oddMixturesBecomeStableBelowTheSeedsThresholdsAndEvenOnesNever() {
    // seed 003 quotes T_3 = 0.461, T_5 = 0.385, T_7 = 0.345 (three figures); the eigenvalues here give
    // 0.45979, 0.38474, 0.34393, as does a direct numerical check (numpy: the smallest eigenvalue of
    // 1 − β(1 − ⟨ξξᵀ tanh²(β m·ξ)⟩) averaged over all 2^{n+1} patterns, bisected in T), hence 1e-4
    // against those and 0.002 against the seed's (its last figure is 1 higher for n = 3 and 7)
    assertEquals(0.45979, MeanField.mixtureThreshold(3), 1e-4);
    assertEquals(0.38474, MeanField.mixtureThreshold(5), 1e-4);
    assertEquals(0.34393, MeanField.mixtureThreshold(7), 1e-4);
    assertEquals(0.461, MeanField.mixtureThreshold(3), 0.002);
    assertEquals(0.385, MeanField.mixtureThreshold(5), 0.002);
    assertEquals(0.345, MeanField.mixtureThreshold(7), 0.002);
    for (int n : new int[] {2, 4, 6}) {
      assertTrue(Double.isNaN(MeanField.mixtureThreshold(n)), "n = " + n);
      for (double t = 0.05; t < 0.99; t += 0.05) assertTrue(MeanField.mixtureStability(n, t) < 0, "n = " + n + ", T = " + t);
    }
  }

  @Test
  void theMixtureOverlapSolvesItsEquationAndIsTheRetrievalOverlapForOnePattern() {
    for (double t : new double[] {0.2, 0.5, 0.8}) {
      assertEquals(MeanField.overlap(t), MeanField.mixtureOverlap(1, t), 1e-12);
      double m = MeanField.mixtureOverlap(3, t);
      // z ∈ {±3 (probability ¼), ±1 (¾)}: m = (1/3)(¼·3 tanh(3βm) + ¾ tanh(βm)) = ¼(tanh 3βm + tanh βm)
      assertEquals(m, 0.25 * (Math.tanh(3 * m / t) + Math.tanh(m / t)), 1e-12, "T = " + t);
    }
    assertEquals(0.5, MeanField.mixtureOverlap(3, 0), 0.0);   // T = 0: σ = sgn(ξ¹ + ξ² + ξ³) has overlaps ½
    assertEquals(0.0, MeanField.mixtureOverlap(3, 1.2), 0.0);
  }
}
