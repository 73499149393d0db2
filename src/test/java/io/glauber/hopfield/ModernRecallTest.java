package io.glauber.hopfield;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glauber.engine.actor.Mode;
import io.glauber.hopfield.RecallSettings.Engine;
import io.glauber.hopfield.RecallSettings.Update;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Recall in modern memories: the batched softmax update, its actor form, the dense kinds, and what is refused. */
class ModernRecallTest {

  private static RecallSettings settings(Update u, Engine e, int maxSteps) {
    return new RecallSettings(u, e, Mode.EXACT, 0, null, maxSteps, 2, 7, RecallSettings.DEFAULT_RETRIEVAL_OVERLAP);
  }

  @Test
  void batchedSoftmaxRecallIsTheIteratedUpdateProbeByProbe() {
    int[][] xi = Patterns.random(300, 32, new SplittableRandom(1));
    ModernMemory m = ModernMemory.softmax(xi, 0.5);
    // 150 probes: more than two tiles, so the split across threads and tiles is covered
    RecallProbes probes = RecallProbes.corrupted(java.util.Arrays.copyOf(xi, 150), 0.2, 1, 2);
    RecallReport r = m.recall(probes, settings(Update.SYNC, Engine.BATCH, 50));
    ContinuousHopfield reference = ContinuousHopfield.ofSpins(xi, 0.5);
    for (int k = 0; k < 150; k++) {
      int[] steps = new int[1];
      double[] want = reference.retrieve(probes.states()[k], 50, ModernRecall.TOLERANCE, steps);
      RecallResult got = r.results().get(k);
      assertEquals(steps[0], got.sweeps(), "probe " + k);
      assertArrayEquals(want, got.state(), 1e-12, "probe " + k); // BLAS sums in another order: equal to rounding
      assertEquals(reference.energy(want), got.energy(), 1e-9, "probe " + k);
      for (int t = 1; t < got.energies().length; t++) assertTrue(got.energies()[t] <= got.energies()[t - 1] + 1e-9, "energy rose, probe " + k);
    }
  }

  @Test
  void aSoftmaxMemoryOf64UnitsRetrievesFromAmongMoreThanHalfNSquaredPatterns() {
    // the target: N = 64, 10% of the bits flipped, more than N²/2 = 2,048 patterns (the
    // classic rule holds about 0.138 N ≈ 9); the nearest-pattern bound is about 7·10¹⁰ here
    int n = 64, k = 4096;
    int[][] xi = Patterns.random(k, n, new SplittableRandom(9));
    ModernMemory m = ModernMemory.softmax(xi, 1.0);
    int[][] some = new int[128][];
    for (int j = 0; j < some.length; j++) some[j] = xi[j * (k / some.length)];
    RecallProbes probes = RecallProbes.corrupted(some, 0.1, 1, 10);
    RecallReport r = m.recall(new RecallProbes(probes.states(), java.util.stream.IntStream.range(0, some.length).map(j -> j * (k / some.length)).toArray()),
        settings(Update.SYNC, Engine.BATCH, 100));
    assertEquals(1.0, r.retrievedFraction(), "retrieved");
    assertTrue(r.meanOverlap() > 0.999, "mean overlap " + r.meanOverlap());
  }

  @Test
  void theMemoryActorsReachTheSameFixedPointsAsTheBatchedUpdate() {
    int[][] xi = Patterns.random(40, 24, new SplittableRandom(3));
    ModernMemory m = ModernMemory.softmax(xi, 0.3); // small β: several steps, mixtures for some probes
    double[][] states = new double[30][];
    SplittableRandom rng = new SplittableRandom(4);
    for (int k = 0; k < states.length; k++) states[k] = k < 20 ? Patterns.corrupt(xi[k], 0.25, rng) : Patterns.randomState(24, rng);
    RecallProbes probes = new RecallProbes(states, null);
    RecallReport batch = m.recall(probes, settings(Update.SYNC, Engine.BATCH, 100));
    RecallReport actors = m.recall(probes, settings(Update.SYNC, Engine.ACTOR, 100));
    for (int k = 0; k < states.length; k++) {
      RecallResult b = batch.results().get(k), a = actors.results().get(k);
      assertEquals(b.sweeps(), a.sweeps(), "probe " + k);
      assertEquals(b.converged(), a.converged(), "probe " + k);
      assertArrayEquals(b.state(), a.state(), 1e-12, "probe " + k);
      assertArrayEquals(b.energies(), a.energies(), 1e-9, "probe " + k);
      assertEquals(batch.scores().get(k).target(), actors.scores().get(k).target());
    }
  }

  @Test
  void denseKindsRecallLikeTheSingleProbeDynamicsOnTheProbeSeeds() {
    int[][] xi = Patterns.random(60, 30, new SplittableRandom(5));
    for (ModernMemory m : List.of(ModernMemory.power(xi, 3), ModernMemory.exponential(xi, 1))) {
      RecallProbes probes = RecallProbes.corrupted(xi, 0.1, 1, 6);
      RecallReport r = m.recall(probes, settings(Update.ASYNC, Engine.BATCH, 50));
      SplittableRandom root = new SplittableRandom(7);
      for (int k = 0; k < xi.length; k++) {
        assertEquals(m.dense().asynchronous(probes.states()[k], 50, new SplittableRandom(root.nextLong())), r.results().get(k), m + ", probe " + k);
      }
    }
  }

  @Test
  void denseKindsOnMemoryActorsRecallExactlyAsTheBatchEngine() {
    // the two-layer network (a feature layer, one actor per memory) runs the same single-flip
    // dynamics on the same per-probe seeds: final states, sweeps, convergence and every sweep's
    // energy equal to the last bit, at T = 0 (to a fixed point) and at T > 0 (a fixed number of sweeps);
    // probes corrupted by 30% and uniformly random ones, so that flips, ties and ±∞-free gaps all occur
    int[][] xi = Patterns.random(12, 20, new SplittableRandom(9));
    SplittableRandom rng = new SplittableRandom(10);
    double[][] states = new double[16][];
    for (int k = 0; k < states.length; k++) states[k] = k % 4 == 3 ? Patterns.randomState(20, rng) : Patterns.corrupt(xi[k % 12], 0.3, rng);
    RecallProbes probes = new RecallProbes(states, null);
    for (ModernMemory m : List.of(ModernMemory.power(xi, 3), ModernMemory.power(xi, 2), ModernMemory.exponential(xi, 0.5))) {
      for (Update u : List.of(Update.ASYNC, Update.STOCHASTIC)) {
        RecallSettings batch = new RecallSettings(u, Engine.BATCH, Mode.EXACT, 2.0, null, 8, 2, 11, 0.95);
        RecallSettings actors = new RecallSettings(u, Engine.ACTOR, Mode.EXACT, 2.0, null, 8, 2, 11, 0.95);
        assertEquals(m.recall(probes, batch).results(), m.recall(probes, actors).results(), m.kind() + " " + u);
      }
    }
  }

  @Test
  void updatesAndEnginesAKindDoesNotHaveAreOneLineErrors() {
    int[][] xi = Patterns.random(3, 8, new SplittableRandom(8));
    RecallProbes probes = RecallProbes.corrupted(xi, 0.1, 1, 1);
    assertEquals("update async of a softmax memory (expected sync: ξ ← Xᵀ softmax(β X ξ) moves all units at once)",
        assertThrows(IllegalArgumentException.class, () -> ModernMemory.softmax(xi, 1).recall(probes, settings(Update.ASYNC, Engine.BATCH, 5))).getMessage());
    assertEquals("mode ASYNC of the memory actors (expected exact: they run single flips one after another)", assertThrows(IllegalArgumentException.class,
        () -> ModernMemory.power(xi, 3).recall(probes, new RecallSettings(Update.ASYNC, Engine.ACTOR, Mode.ASYNC, 0, null, 5, 1, 1, 0.95))).getMessage());
    assertEquals("update sync of a exponential memory (expected async or stochastic)",
        assertThrows(IllegalArgumentException.class, () -> ModernMemory.exponential(xi, 1).recall(probes, settings(Update.SYNC, Engine.BATCH, 5))).getMessage());
    RecallSettings async = new RecallSettings(Update.SYNC, Engine.ACTOR, Mode.ASYNC, 0, null, 5, 1, 1, 0.95);
    assertEquals("mode ASYNC of the memory actors (expected exact: they run the synchronous update step by step)",
        assertThrows(IllegalArgumentException.class, () -> ModernMemory.softmax(xi, 1).recall(probes, async)).getMessage());
  }
}
