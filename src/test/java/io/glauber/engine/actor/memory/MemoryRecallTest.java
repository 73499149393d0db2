package io.glauber.engine.actor.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.glauber.model.SoftmaxMemory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MemoryRecallTest {

  @Test
  void everyActorStepIsTheSoftmaxUpdateToTheLastBit() {
    SplittableRandom rng = new SplittableRandom(5);
    int n = 12, k = 9;
    double[][] x = new double[k][n];
    for (double[] row : x) for (int i = 0; i < n; i++) row[i] = rng.nextDouble() * 2 - 1; // real patterns: no ties, no shortcuts
    List<double[]> probes = new ArrayList<>();
    for (int p = 0; p < 4; p++) {
      double[] s = new double[n];
      for (int i = 0; i < n; i++) s[i] = rng.nextDouble() * 4 - 2;
      probes.add(s);
    }
    double beta = 0.7;
    List<double[][]> runs = MemoryRecall.relax(x, beta, probes, 6, 0.0);
    for (int p = 0; p < probes.size(); p++) {
      double[][] states = runs.get(p);
      assertEquals(7, states.length, "tolerance 0: the probe and six updates");
      assertArrayEquals(probes.get(p), states[0]);
      for (int t = 1; t < states.length; t++) {
        assertArrayEquals(SoftmaxMemory.update(x, beta, states[t - 1]), states[t], 0.0, "probe " + p + ", step " + t);
      }
    }
  }

  @Test
  void aRecallStopsAtTheFirstStepThatMovesNothingBeyondTheTolerance() {
    double[][] x = {{1, 1, -1, -1, 1, -1, 1, 1}, {-1, 1, 1, -1, -1, 1, 1, -1}};
    double[] probe = {1, 1, -1, -1, 1, -1, 1, -1}; // pattern 0 with its last unit flipped
    double[][] states = MemoryRecall.relax(x, 2.0, List.of(probe), 50, 1e-9).get(0);
    double[] last = states[states.length - 1];
    // the other pattern keeps a small weight, so the fixed point lies near pattern 0, not on it
    assertArrayEquals(x[0], last, 1e-6);
    double[] before = states[states.length - 2];
    for (int i = 0; i < last.length; i++) assertEquals(before[i], last[i], 1e-9, "the last step moved unit " + i);
    for (int t = 1; t < states.length - 1; t++) {
      double moved = 0;
      for (int i = 0; i < last.length; i++) moved = Math.max(moved, Math.abs(states[t][i] - states[t - 1][i]));
      assertEquals(true, moved > 1e-9, "step " + t + " moved only " + moved + " but the recall went on");
    }
    assertEquals(0, MemoryRecall.relax(x, 2.0, List.of(probe), 0, 1e-9).get(0).length - 1, "max steps 0: the probe alone");
  }

  @Test
  void badInputIsRefusedWithAOneLineMessage() {
    double[][] x = {{1, -1}};
    assertEquals("probe 0 has 3 units (expected N = 2)",
        assertThrows(IllegalArgumentException.class, () -> MemoryRecall.relax(x, 1, List.of(new double[3]), 5, 0)).getMessage());
    assertEquals("beta 0.0 (expected finite β > 0)",
        assertThrows(IllegalArgumentException.class, () -> MemoryRecall.relax(x, 0, List.of(new double[2]), 5, 0)).getMessage());
  }
}
