package io.glauber.hopfield;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Glauber;
import io.glauber.model.Schedule;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HopfieldRecallTest {

  /** A random symmetric network with Gaussian couplings and thresholds. */
  static BoltzmannMachine randomNetwork(int n, SplittableRandom rng) {
    double[] j = new double[n * n];
    double[] theta = new double[n];
    for (int i = 0; i < n; i++) {
      theta[i] = gaussian(rng) * 0.3;
      for (int k = i + 1; k < n; k++) {
        double w = gaussian(rng) / Math.sqrt(n);
        j[i * n + k] = w;
        j[k * n + i] = w;
      }
    }
    return BoltzmannMachine.hopfield(j, theta);
  }

  static double gaussian(SplittableRandom rng) {
    return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
  }

  @Test
  void energyNeverIncreasesUnderZeroTemperatureAsynchronousUpdates() {
    SplittableRandom rng = new SplittableRandom(11);
    int steps = 0;
    for (int net = 0; net < 300; net++) {
      int n = 4 + rng.nextInt(20);
      BoltzmannMachine m = randomNetwork(n, rng);
      double[] s = Patterns.randomState(n, rng);
      int[] order = UnitOrder.identity(n);
      double e = m.energy(s);
      for (int sweep = 0; sweep < 5; sweep++) {
        UnitOrder.shuffle(order, rng);
        for (int i : order) {
          double de = HopfieldRecall.update(m, s, i, 0.0, rng);
          double after = m.energy(s);
          assertTrue(after <= e + 1e-12, "energy rose from " + e + " to " + after + " (network " + net + ")");
          assertEquals(after - e, de, 1e-12, "reported energy change");
          e = after;
          steps++;
        }
      }
    }
    assertTrue(steps > 10_000);
  }

  @Test
  void asynchronousTraceIsMonotoneAndEndsAtTheStateEnergy() {
    SplittableRandom rng = new SplittableRandom(12);
    for (int k = 0; k < 50; k++) {
      BoltzmannMachine m = randomNetwork(30, rng);
      RecallResult r = HopfieldRecall.asynchronous(m, Patterns.randomState(30, rng), 100, rng);
      assertTrue(r.converged());
      for (int t = 1; t < r.energies().length; t++) assertTrue(r.energies()[t] <= r.energies()[t - 1] + 1e-12);
      assertEquals(m.energy(r.state()), r.energy(), 1e-9);
      for (int i = 0; i < 30; i++) {
        assertTrue(m.field(i, r.state()) * r.state()[i] >= 0, "fixed point: unit " + i + " agrees with its field");
      }
    }
  }

  @Test
  void synchronousTwoCycleIsDetected() {
    // two antiferromagnetically coupled spins started parallel flip together forever: (+,+) → (−,−) → (+,+)
    BoltzmannMachine m = BoltzmannMachine.hopfield(new double[] {0, -1, -1, 0}, new double[2]);
    RecallResult r = HopfieldRecall.synchronous(m, new double[] {1, 1}, 50, new SplittableRandom(1));
    assertTrue(r.cycle());
    assertFalse(r.converged());
    assertEquals(2, r.sweeps());
    assertArrayEquals(new double[] {1, 1}, r.state());
    // the asynchronous rule settles the same start in one sweep
    RecallResult a = HopfieldRecall.asynchronous(m, new double[] {1, 1}, 50, new SplittableRandom(1));
    assertTrue(a.converged());
    assertEquals(0.0, a.state()[0] + a.state()[1]);
  }

  @Test
  void synchronousRecallConvergesOnAStoredPattern() {
    int[][] xi = Patterns.random(3, 100, new SplittableRandom(5));
    BoltzmannMachine m = HopfieldStorage.hebb(xi);
    RecallResult r = HopfieldRecall.synchronous(m, Patterns.flip(xi[1], 10, new SplittableRandom(6)), 50, new SplittableRandom(7));
    assertTrue(r.converged());
    assertFalse(r.cycle());
    assertEquals(1.0, Patterns.overlap(xi[1], r.state()));
  }

  @Test
  void storedPatternsAreFixedPointsAtSmallLoad() {
    int n = 400;
    int[][] xi = Patterns.random(8, n, new SplittableRandom(21)); // α = 0.02: P_error ≈ 1e-12 per bit
    for (String rule : new String[] {"hebb", "storkey", "pseudo-inverse"}) {
      BoltzmannMachine m = HopfieldStorage.store(rule, xi);
      for (int[] p : xi) {
        RecallResult r = HopfieldRecall.asynchronous(m, Patterns.state(p), 10, new SplittableRandom(1));
        assertTrue(r.converged());
        assertEquals(1, r.sweeps(), rule);
        assertArrayEquals(Patterns.state(p), r.state(), rule);
      }
    }
  }

  @Test
  void corruptedProbesAreCompleted() {
    int n = 300;
    int[][] xi = Patterns.random(10, n, new SplittableRandom(22));
    BoltzmannMachine m = HopfieldStorage.hebb(xi);
    SplittableRandom rng = new SplittableRandom(23);
    for (int mu = 0; mu < xi.length; mu++) {
      RecallResult r = HopfieldRecall.asynchronous(m, Patterns.flip(xi[mu], 60, rng), 50, rng);
      assertTrue(Patterns.overlap(xi[mu], r.state()) > 0.97, "pattern " + mu);
    }
  }

  @Test
  void stochasticUpdateFrequencyMatchesGlauberProbability() {
    // unit 0 of a 3-unit net sees h = J01 s1 + J02 s2 + θ0 with s1, s2 frozen
    double[][] cases = {{0.3, 1.0}, {-0.4, 0.5}, {0.1, 2.0}, {0.0, 1.0}, {0.8, 1.5}};
    SplittableRandom rng = new SplittableRandom(31);
    int draws = 40_000;
    for (double[] c : cases) {
      double h = c[0], t = c[1];
      BoltzmannMachine m = BoltzmannMachine.hopfield(new double[] {0, 0.2, 0.3, 0.2, 0, 0, 0.3, 0, 0}, new double[] {h - 0.5, 0, 0});
      double[] s = {1, 1, 1};
      assertEquals(h, m.field(0, s), 1e-15);
      int on = 0;
      for (int k = 0; k < draws; k++) {
        HopfieldRecall.update(m, s, 0, t, rng);
        if (s[0] == 1) on++;
      }
      double p = Glauber.sigmoid(2 * h / t);
      double sd = Math.sqrt(p * (1 - p) / draws);
      // 5 standard deviations: a false alarm across the 5 cases has probability ≈ 3e-6
      assertEquals(p, on / (double) draws, 5 * sd, "h=" + h + " T=" + t);
    }
  }

  @Test
  void annealingEndsInAFixedPointAndTracesEverySweep() {
    int[][] xi = Patterns.random(3, 80, new SplittableRandom(41));
    BoltzmannMachine m = HopfieldStorage.hebb(xi);
    Schedule s = Schedule.parse("5@1.0,5@0.7,5@0.4");
    RecallResult r = HopfieldRecall.anneal(m, Patterns.randomState(80, new SplittableRandom(42)), s, 20, new SplittableRandom(43));
    assertTrue(r.converged());
    assertTrue(r.sweeps() > 15);
    assertEquals(m.energy(r.state()), r.energy(), 1e-9);
  }
}
