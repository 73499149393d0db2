package io.glauber.hopfield;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glauber.model.BoltzmannMachine;
import io.glauber.model.DenseCouplings;
import io.glauber.model.Units;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HopfieldStorageTest {

  private static double j(BoltzmannMachine net, int i, int k) {
    return ((DenseCouplings) net.couplings()).get(i, k);
  }

  @Test
  void hebbMatrixMatchesHandComputedCase() {
    // ξ¹ = (+,+,−), ξ² = (+,−,+), N = 3:
    // J_12 = (1·1 + 1·(−1))/3 = 0, J_13 = (1·(−1) + 1·1)/3 = 0, J_23 = (1·(−1) + (−1)·1)/3 = −2/3
    int[][] xi = {{1, 1, -1}, {1, -1, 1}};
    BoltzmannMachine net = HopfieldStorage.hebb(xi);
    double[] expected = {0, 0, 0, 0, 0, -2.0 / 3, 0, -2.0 / 3, 0};
    assertArrayEquals(expected, ((DenseCouplings) net.couplings()).matrix(), 1e-15);
    assertEquals(Units.SPIN, net.units());
    assertEquals(0.0, net.temperature());
    assertArrayEquals(new double[3], net.bias());
  }

  @Test
  void hebbOfFourUnitsByTheDefinition() {
    int[][] xi = {{1, -1, 1, -1}, {1, 1, -1, -1}, {-1, 1, 1, 1}};
    BoltzmannMachine net = HopfieldStorage.hebb(xi);
    for (int i = 0; i < 4; i++) {
      for (int k = 0; k < 4; k++) {
        double want = 0;
        if (i != k) for (int[] p : xi) want += p[i] * p[k] / 4.0;
        assertEquals(want, j(net, i, k), 1e-15, "J[" + i + "][" + k + "]");
      }
    }
  }

  @Test
  void storkeyOfOnePatternEqualsHebb() {
    // with J⁰ = 0 the local fields vanish, so the first Storkey step is the Hebb term
    int[][] xi = Patterns.random(1, 12, new SplittableRandom(1));
    assertArrayEquals(((DenseCouplings) HopfieldStorage.hebb(xi).couplings()).matrix(),
        ((DenseCouplings) HopfieldStorage.storkey(xi).couplings()).matrix(), 1e-15);
  }

  @Test
  void storkeySecondStepMatchesTheFormula() {
    int[][] xi = Patterns.random(2, 5, new SplittableRandom(2));
    int n = 5;
    double[][] w = new double[n][n];
    for (int[] p : xi) {
      double[][] nw = new double[n][n];
      for (int i = 0; i < n; i++) {
        for (int k = 0; k < n; k++) {
          if (i == k) continue;
          double hik = 0, hki = 0;
          for (int l = 0; l < n; l++) {
            if (l != i && l != k) {
              hik += w[i][l] * p[l];
              hki += w[k][l] * p[l];
            }
          }
          nw[i][k] = w[i][k] + (p[i] * p[k] - p[i] * hki - hik * p[k]) / (double) n;
        }
      }
      w = nw;
    }
    BoltzmannMachine net = HopfieldStorage.storkey(xi);
    for (int i = 0; i < n; i++) for (int k = 0; k < n; k++) assertEquals(w[i][k], j(net, i, k), 1e-12);
  }

  @Test
  void pseudoInverseMakesEveryPatternAFixedPointBeyondHebbCapacity() {
    int n = 100;
    int[][] xi = Patterns.random(30, n, new SplittableRandom(3)); // α = 0.3, far beyond Hebb's 0.138
    BoltzmannMachine net = HopfieldStorage.pseudoInverse(xi);
    for (int[] p : xi) {
      double[] s = Patterns.state(p);
      for (int i = 0; i < n; i++) assertTrue(net.field(i, s) * p[i] > 0, "unit " + i + " stable");
    }
  }

  @Test
  void rejectsNonSpinEntries() {
    double[][] xi = new double[4][20];
    for (double[] p : xi) java.util.Arrays.fill(p, 1.0);
    xi[3][17] = 0.5;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Patterns.fromDoubles(xi));
    assertEquals("pattern 3, unit 17 = 0.5 (expected -1 or +1)", e.getMessage());
    int[][] ints = {{1, -1}, {1, 0}};
    e = assertThrows(IllegalArgumentException.class, () -> HopfieldStorage.hebb(ints));
    assertEquals("pattern 1, unit 1 = 0 (expected -1 or +1)", e.getMessage());
  }

  @Test
  void rejectsPatternsOfTheWrongLength() {
    int[][] xi = {{1, -1, 1}, {1, -1}};
    for (String rule : new String[] {"hebb", "storkey", "pseudo-inverse"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HopfieldStorage.store(rule, xi));
      assertEquals("pattern 1 has 2 units (expected N = 3, the length of pattern 0)", e.getMessage());
    }
  }

  @Test
  void rejectsAnEmptyPatternSet() {
    for (String rule : new String[] {"hebb", "storkey", "pseudo-inverse"}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> HopfieldStorage.store(rule, new int[0][]));
      assertEquals("no patterns to store (p = 0)", e.getMessage());
    }
  }

  @Test
  void pseudoInverseRejectsDependentPatterns() {
    int[][] xi = {{1, -1, 1, 1}, {1, -1, 1, 1}};
    assertThrows(IllegalArgumentException.class, () -> HopfieldStorage.pseudoInverse(xi));
  }
}
