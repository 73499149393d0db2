package io.glauber.hopfield;

import io.glauber.model.Interaction;
import io.glauber.bench.DenseCapacityExperiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Glauber;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DenseAssociativeMemoryTest {

  private static int retrieved(int[][] xi, java.util.function.Function<double[], double[]> recall, SplittableRandom rng) {
    int count = 0;
    for (int[] p : xi) if (Patterns.overlap(p, recall.apply(Patterns.flip(p, 2, rng))) == 1.0) count++;
    return count;
  }

  @Test
  void cubicMemoryRetrievesMorePatternsThanUnits() {
    int n = 30, k = 60;
    int[][] xi = Patterns.random(k, n, new SplittableRandom(1));
    DenseAssociativeMemory dense = new DenseAssociativeMemory(xi, new Interaction.Power(3));
    SplittableRandom rng = new SplittableRandom(2);
    int dam = retrieved(xi, s -> dense.asynchronous(s, 50, rng).state(), new SplittableRandom(3));
    BoltzmannMachine hebb = HopfieldStorage.hebb(xi);
    int classic = retrieved(xi, s -> HopfieldRecall.asynchronous(hebb, s, 50, rng).state(), new SplittableRandom(3));
    assertTrue(dam > n, "n = 3 retrieved " + dam + " of " + k + " patterns (expected more than N = " + n + ")");
    assertTrue(classic < n / 2, "Hebb retrieved " + classic + " (far beyond its capacity 0.138 N ≈ 4)");
  }

  @Test
  void quadraticInteractionIsTheHebbNetworkScaledByTwoN() {
    int n = 24;
    int[][] xi = Patterns.random(4, n, new SplittableRandom(4));
    DenseAssociativeMemory dense = new DenseAssociativeMemory(xi, new Interaction.Power(2));
    BoltzmannMachine hebb = HopfieldStorage.hebb(xi);
    SplittableRandom rng = new SplittableRandom(5);
    for (int t = 0; t < 20; t++) {
      double[] s = Patterns.randomState(n, rng);
      for (int i = 0; i < n; i++) assertEquals(2 * n * hebb.field(i, s), dense.field(i, s), 1e-9);
      // −Σ_μ m_μ² = −pN − 2N Σ_{i<j} J_ij σ_i σ_j = 2N E_hebb − pN
      assertEquals(2 * n * hebb.energy(s) - xi.length * n, dense.energy(s), 1e-9);
    }
  }

  @Test
  void energyNeverIncreasesAndTraceMatchesEnergy() {
    SplittableRandom rng = new SplittableRandom(6);
    for (Interaction f : List.of(new Interaction.Power(3), new Interaction.Power(4), new Interaction.Exponential(0.5))) {
      for (int t = 0; t < 20; t++) {
        int[][] xi = Patterns.random(10 + rng.nextInt(30), 20, rng);
        DenseAssociativeMemory m = new DenseAssociativeMemory(xi, f);
        RecallResult r = m.asynchronous(Patterns.randomState(20, rng), 100, rng);
        assertTrue(r.converged());
        for (int k = 1; k < r.energies().length; k++) assertTrue(r.energies()[k] <= r.energies()[k - 1] * (1 - 1e-12) + 1e-9);
        assertEquals(m.energy(r.state()), r.energy(), 1e-9 * Math.abs(r.energy()) + 1e-9);
        assertEquals(0, m.unstableUnits(r.state()) - countTies(m, r.state()));
      }
    }
  }

  private static int countTies(DenseAssociativeMemory m, double[] s) {
    int ties = 0;
    for (int i = 0; i < s.length; i++) if (m.field(i, s) == 0) ties++;
    return ties;
  }

  @Test
  void exponentialMemoryDecidesCorrectlyWhereItsEnergyOverflows() {
    int n = 800; // β N = 800 > 709: e^{ξ·σ} overflows, the unit gaps must not
    int[][] xi = Patterns.random(50, n, new SplittableRandom(7));
    DenseAssociativeMemory m = new DenseAssociativeMemory(xi, new Interaction.Exponential(1.0));
    double[] probe = Patterns.flip(xi[3], 300, new SplittableRandom(8));
    RecallResult r = m.asynchronous(probe, 20, new SplittableRandom(9));
    assertEquals(1.0, Patterns.overlap(xi[3], r.state()));
  }

  @Test
  void stochasticUpdateFrequencyMatchesSigmoidOfTheEnergyGap() {
    // one unit, patterns (+1), (+1), (−1), F = x³: E(+) = −(1 + 1 − 1) = −1, E(−) = +1, gap 2
    DenseAssociativeMemory m = new DenseAssociativeMemory(new int[][] {{1}, {1}, {-1}}, new Interaction.Power(3));
    SplittableRandom rng = new SplittableRandom(13);
    int draws = 40_000;
    for (double t : new double[] {1.0, 2.5, 6.0}) {
      int on = 0;
      for (int k = 0; k < draws; k++) if (m.stochastic(new double[] {k % 2 == 0 ? 1 : -1}, t, 1, rng).state()[0] == 1) on++;
      double p = Glauber.sigmoid(2 / t);
      // 5 binomial standard deviations
      assertEquals(p, on / (double) draws, 5 * Math.sqrt(p * (1 - p) / draws), "T = " + t);
    }
  }

  @Test
  void effectiveFieldIsHalfTheEnergyGapOfAFlip() {
    int n = 12;
    int[][] xi = Patterns.random(5, n, new SplittableRandom(10));
    DenseAssociativeMemory m = new DenseAssociativeMemory(xi, new Interaction.Power(3));
    double[] s = Patterns.randomState(n, new SplittableRandom(11));
    for (int i = 0; i < n; i++) {
      double[] plus = s.clone(), minus = s.clone();
      plus[i] = 1;
      minus[i] = -1;
      double gap = m.energy(minus) - m.energy(plus);
      assertEquals(gap / 2, m.field(i, s), 1e-9);
      assertEquals(Glauber.sigmoid(gap / 3.0), Glauber.pOn(io.glauber.model.Units.SPIN, m.field(i, s), 3.0), 1e-12);
    }
  }

  @Test
  void rejectsBadInteractions() {
    assertThrows(IllegalArgumentException.class, () -> new Interaction.Power(1));
    assertThrows(IllegalArgumentException.class, () -> new Interaction.Exponential(0));
    assertThrows(IllegalArgumentException.class, () -> new DenseAssociativeMemory(new int[0][], new Interaction.Power(3)));
  }

  @Test
  void cubicCapacityGrowsFasterThanLinearly() {
    DenseCapacityExperiment.Result r =
        DenseCapacityExperiment.run(new DenseCapacityExperiment.Settings(List.of(16, 24, 32), 3, 2, 0.5, 12));
    assertTrue(r.exponent() > 1.2, "exponent " + r.exponent());
    for (DenseCapacityExperiment.Point p : r.points()) assertTrue(p.kMax() > p.n(), p.toString());
  }
}
