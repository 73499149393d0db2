package io.glauber.hopfield;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ContinuousHopfieldTest {

  @Test
  void softmaxUpdateReachesTheStoredPatternInOneStepAtLargeBeta() {
    int n = 64;
    int[][] xi = Patterns.random(20, n, new SplittableRandom(1));
    ContinuousHopfield net = ContinuousHopfield.ofSpins(xi, 1.0);
    SplittableRandom rng = new SplittableRandom(2);
    for (int mu = 0; mu < xi.length; mu++) {
      double[] probe = Patterns.flip(xi[mu], 12, rng); // overlap 40/64 with the target; others ≈ ±8..±24
      double[] once = net.update(probe);
      // the other patterns' weights are ≤ e^{−β·(40 − 32)} ≈ 3e-4 each at worst
      assertArrayEquals(Patterns.state(xi[mu]), once, 0.02, "pattern " + mu);
      int[] steps = new int[1];
      double[] fixed = net.retrieve(probe, 10, 1e-9, steps);
      assertArrayEquals(Patterns.state(xi[mu]), fixed, 1e-9);
      assertTrue(steps[0] <= 3);
    }
  }

  @Test
  void energyNeverIncreasesUnderTheUpdate() {
    SplittableRandom rng = new SplittableRandom(3);
    for (int t = 0; t < 50; t++) {
      double[][] x = new double[5 + rng.nextInt(20)][16];
      for (double[] row : x) for (int i = 0; i < 16; i++) row[i] = rng.nextDouble() * 2 - 1;
      ContinuousHopfield net = new ContinuousHopfield(x, 0.2 + rng.nextDouble() * 5);
      double[] s = new double[16];
      for (int i = 0; i < 16; i++) s[i] = rng.nextDouble() * 4 - 2;
      double e = net.energy(s);
      for (int k = 0; k < 20; k++) {
        s = net.update(s);
        double next = net.energy(s);
        assertTrue(next <= e + 1e-12, "energy rose from " + e + " to " + next);
        e = next;
      }
    }
  }

  @Test
  void energyOfTheSinglePatternNetworkIsZeroAtThePattern() {
    // K = 1: E(x) = −x·x + ½ x·x + 0 + ½ x·x = 0, the global minimum
    double[] x = {1, -2, 0.5};
    ContinuousHopfield net = new ContinuousHopfield(new double[][] {x}, 3.0);
    assertEquals(0.0, net.energy(x), 1e-12);
    assertArrayEquals(x, net.update(new double[] {5, 5, 5}), 1e-12);
  }
}
