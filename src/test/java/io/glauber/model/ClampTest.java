package io.glauber.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glauber.exact.ExactBoltzmann;
import io.glauber.testing.RandomModels;
import org.junit.jupiter.api.Test;

/** Clamp specs, and the reduced machine's distribution against the exact conditional of the full one. */
class ClampTest {

  @Test
  void specsNameUnitsByPatternOrByRanges() {
    assertArrayEquals(new int[] {0, 1, -1, -1}, Clamp.parse("01--", 4).values());
    assertArrayEquals(new int[] {1, 1, 1, -1, 0, 1}, Clamp.parse("0-2=1,4-5=01", 6).values());
    assertArrayEquals(new int[] {-1, -1, 0, 1, 0}, Clamp.label(1, 3, 5).values());
    assertArrayEquals(new int[] {1, -1, 0, 1, 0}, Clamp.of("0=1", 1, 3, 5).values());
    assertEquals(null, Clamp.of(null, null, 10, 5));
  }

  @Test
  void badSpecsAreOneLineErrorsNamingTheProblem() {
    assertMessage(() -> Clamp.parse("300=1", 206), "--clamp names unit 300 but the model has 206 visible units (0..205)");
    assertMessage(() -> Clamp.parse("0-3=01", 6), "--clamp item '0-3=01'");
    assertMessage(() -> Clamp.parse("3-1=0", 6), "--clamp item '3-1=0'");
    assertMessage(() -> Clamp.parse("0x--", 4), "character 'x'");
    assertMessage(() -> Clamp.parse("01", 4), "--clamp has 2 characters");
    assertMessage(() -> Clamp.parse("a=1", 4), "unit 'a'");
    assertMessage(() -> Clamp.label(10, 10, 206), "--label 10 (expected 0..9)");
    assertMessage(() -> Clamp.of("4=1", 0, 3, 5), "unit 4 clamped to both 0 and 1");
    assertMessage(() -> Clamp.parse("1111", 4).reduce(RandomModels.rbm(4, 2, 1, 1, 1)), "no visible unit free");
  }

  @Test
  void theReducedRbmIsTheConditionalOfTheFullOne() {
    Rbm rbm = RandomModels.rbm(5, 3, 1.5, 0.5, 4);
    Clamp c = Clamp.parse("1-0--", 5);
    Rbm reduced = (Rbm) c.reduce(rbm);
    assertEquals(3, reduced.nVisible());
    double[] full = ExactBoltzmann.of(rbm.toBoltzmannMachine()).visibleDistribution();
    double[] cond = ExactBoltzmann.of(reduced.toBoltzmannMachine()).visibleDistribution();
    assertConditional(full, cond, c, 5, Units.BINARY);
  }

  @Test
  void theReducedBoltzmannMachineIsTheConditionalOfTheFullOneForBothUnitConventions() {
    for (Units units : Units.values()) {
      BoltzmannMachine m = RandomModels.boltzmann(7, units, 1.0, 0.8, 9);
      BoltzmannMachine bm = new BoltzmannMachine(units, m.couplings(), m.bias(), 4, 1.0); // 4 visible, 3 hidden
      Clamp c = Clamp.parse("-1-0", 4);
      BoltzmannMachine reduced = (BoltzmannMachine) c.reduce(bm);
      assertEquals(2, reduced.nVisible());
      assertEquals(5, reduced.size());
      // the joint of the free units (visible and hidden), marginalised to the free visible units
      double[] full = ExactBoltzmann.of(bm).visibleDistribution();
      double[] cond = ExactBoltzmann.of(reduced).visibleDistribution();
      assertConditional(full, cond, c, 4, units);
      int[] filled = c.fill(new int[] {(int) units.high(), (int) units.low()}, units);
      assertArrayEquals(new int[] {(int) units.high(), (int) units.high(), (int) units.low(), (int) units.low()}, filled);
    }
  }

  @Test
  void aSparseMachineStaysSparseAndIsTheConditionalOfTheFullOne() {
    SparseCouplings lattice = SparseCouplings.squareLattice(3, 0.7);
    double[] bias = {0.1, -0.2, 0.3, 0, 0.2, -0.1, 0.4, -0.3, 0.05};
    BoltzmannMachine bm = new BoltzmannMachine(Units.SPIN, lattice, bias, 9, 1.0);
    Clamp c = Clamp.parse("1---0---1", 9);
    BoltzmannMachine reduced = (BoltzmannMachine) c.reduce(bm);
    assertTrue(reduced.couplings() instanceof SparseCouplings);
    assertConditional(ExactBoltzmann.of(bm).visibleDistribution(), ExactBoltzmann.of(reduced).visibleDistribution(), c, 9, Units.SPIN);
  }

  /** cond[k'] = full[k] / Σ full over the states k agreeing with the clamp, k' the free bits of k. */
  private static void assertConditional(double[] full, double[] cond, Clamp c, int n, Units units) {
    double z = 0;
    double[] expected = new double[cond.length];
    for (int k = 0; k < full.length; k++) {
      int free = 0;
      int bit = 0;
      boolean agrees = true;
      for (int i = 0; i < n; i++) {
        int on = (k >> i) & 1;
        if (c.values()[i] < 0) free |= on << bit++;
        else agrees &= c.values()[i] == on;
      }
      if (agrees) {
        expected[free] += full[k];
        z += full[k];
      }
    }
    for (int k = 0; k < cond.length; k++) assertEquals(expected[k] / z, cond[k], 1e-12, "free state " + k + " (" + units + ")");
  }

  private static void assertMessage(org.junit.jupiter.api.function.Executable e, String fragment) {
    IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
    assertTrue(x.getMessage().contains(fragment) && !x.getMessage().contains("\n"), x.getMessage());
  }
}
