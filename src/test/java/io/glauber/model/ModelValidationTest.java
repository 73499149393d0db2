package io.glauber.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ModelValidationTest {

  private static void assertRejected(String expectedFragment, Runnable construct) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, construct::run);
    assertTrue(e.getMessage().contains(expectedFragment), () -> "message '" + e.getMessage() + "' lacks '" + expectedFragment + "'");
  }

  @Test
  void asymmetricWeightsAreRejectedNamingBothEntries() {
    assertRejected("W[0][1] = 1.0 but W[1][0] = 2.0", () -> new DenseCouplings(2, new double[] {0, 1, 2, 0}));
  }

  @Test
  void nonZeroDiagonalIsRejected() {
    assertRejected("W[1][1] = 0.5 (expected a zero diagonal)", () -> new DenseCouplings(2, new double[] {0, 1, 1, 0.5}));
  }

  @Test
  void nonFiniteValuesAreRejected() {
    assertRejected("expected finite", () -> new DenseCouplings(2, new double[] {0, Double.NaN, Double.NaN, 0}));
    assertRejected("bias[1] = Infinity", () -> BoltzmannMachine.dense(Units.BINARY, new double[4], new double[] {0, Double.POSITIVE_INFINITY}, 2, 1));
    assertRejected("W[0] = NaN", () -> new Rbm(1, 1, new double[] {Double.NaN}, new double[1], new double[1]));
  }

  @Test
  void wrongShapesAreRejected() {
    assertRejected("expected n×n = 9", () -> new DenseCouplings(3, new double[4]));
    assertRejected("expected n_visible×n_hidden = 6", () -> new Rbm(2, 3, new double[5], new double[2], new double[3]));
    assertRejected("hbias has 2 entries (expected n_hidden = 3)", () -> new Rbm(2, 3, new double[6], new double[2], new double[2]));
    assertRejected("n_visible = 5 (expected 0..2)", () -> BoltzmannMachine.dense(Units.SPIN, new double[4], new double[2], 5, 1));
    assertRejected("temperature -1.0", () -> BoltzmannMachine.dense(Units.SPIN, new double[4], new double[2], 2, -1));
  }

  @Test
  void sparseEdgesAreValidated() {
    assertRejected("edge 0 = (2, 1) (expected 0 ≤ i < j < 3)", () -> new SparseCouplings(3, new int[] {2, 1}, new double[] {1}));
    assertRejected("appears twice", () -> new SparseCouplings(3, new int[] {0, 1, 0, 1}, new double[] {1, 2}));
  }

  @Test
  void glauberConditionalFollowsTheSeedsForBothConventions() {
    // seed 001: p(s=1) = σ(h/T) for {0,1}; seed 000: p(x=+1) = σ(2h/T) for ±1
    assertEquals(1 / (1 + Math.exp(-0.3 / 0.5)), Glauber.pOn(Units.BINARY, 0.3, 0.5), 1e-15);
    assertEquals(1 / (1 + Math.exp(-2 * 0.3 / 0.5)), Glauber.pOn(Units.SPIN, 0.3, 0.5), 1e-15);
    assertEquals(1.0, Glauber.pOn(Units.SPIN, 0.1, 0.0));
    assertEquals(0.0, Glauber.pOn(Units.SPIN, -0.1, 0.0));
    assertEquals(0.5, Glauber.pOn(Units.BINARY, 5, Double.POSITIVE_INFINITY));
    assertEquals(0.0, Glauber.sigmoid(-1000), 0.0);
    assertEquals(1000.0, Glauber.softplus(1000), 1e-12);
  }

  @Test
  void energyAndFieldOfASmallMachineMatchHandComputation() {
    // w01 = 1, w02 = -2, w12 = 0.5; b = (0.1, 0.2, -0.3); s = (1, 0, 1)
    double[] w = {0, 1, -2, 1, 0, 0.5, -2, 0.5, 0};
    BoltzmannMachine m = BoltzmannMachine.dense(Units.BINARY, w, new double[] {0.1, 0.2, -0.3}, 3, 1);
    double[] s = {1, 0, 1};
    assertEquals(-(-2) - 0.1 - (-0.3), m.energy(s), 1e-12);
    assertEquals(1 + 0.5 + 0.2, m.field(1, s), 1e-12);
  }

  @Test
  void rbmFreeEnergySumsOutTheHiddenLayer() {
    Rbm r = new Rbm(2, 2, new double[] {0.5, -1, 2, 0.25}, new double[] {0.1, -0.2}, new double[] {0.3, 0.4});
    double[] v = {1, 1};
    double sum = 0;
    for (int k = 0; k < 4; k++) {
      double[] h = {k & 1, (k >> 1) & 1};
      sum += Math.exp(-r.energy(v, h));
    }
    assertEquals(-Math.log(sum), r.freeEnergy(v), 1e-12);
  }

  @Test
  void scheduleParsesThe1985Notation() {
    Schedule s = Schedule.parse("2@20, 2@15, 2@12, 4@10");
    assertEquals(10, s.totalDuration());
    assertEquals(20, s.temperatureAt(0));
    assertEquals(12, s.temperatureAt(5));
    assertEquals(10, s.temperatureAt(99));
    assertRejected("expected DURATION@TEMPERATURE", () -> Schedule.parse("2:20"));
  }
}
