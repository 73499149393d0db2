package io.glauber.hopfield;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Schedule;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HopfieldBatchRecallTest {
  // N even and p odd: every Hebb field is an odd multiple of 1/N, never 0, so no tie can be
  // decided differently by the two summation orders

  private static void assertSame(RecallResult single, RecallResult batch, String what) {
    assertArrayEquals(single.state(), batch.state(), what);
    assertEquals(single.sweeps(), batch.sweeps(), what);
    assertEquals(single.converged(), batch.converged(), what);
    assertArrayEquals(single.energies(), batch.energies(), 1e-9, what);
  }

  private static double[][] probes(int[][] xi, int count, double noise, SplittableRandom rng) {
    double[][] probes = new double[count][];
    for (int b = 0; b < count; b++) {
      probes[b] = b % 7 == 6 ? Patterns.randomState(xi[0].length, rng) : Patterns.corrupt(xi[b % xi.length], noise, rng);
    }
    return probes;
  }

  @Test
  void batchedRecallEqualsSingleProbeRecallForTheSameUnitOrder() {
    int n = 64;
    int[][] xi = Patterns.random(7, n, new SplittableRandom(1));
    BoltzmannMachine net = HopfieldStorage.hebb(xi);
    double[][] probes = probes(xi, 300, 0.3, new SplittableRandom(2)); // 3 tiles
    long seed = 99;
    List<RecallResult> batch = new HopfieldBatchRecall(net, 2).asynchronous(probes, 30, seed);
    SplittableRandom root = new SplittableRandom(seed);
    root.split();
    for (int b = 0; b < probes.length; b++) {
      SplittableRandom draws = root.split();
      RecallResult single = HopfieldRecall.asynchronous(net, probes[b], 30, new SplittableRandom(seed).split(), draws);
      assertSame(single, batch.get(b), "probe " + b);
    }
    assertSame(HopfieldRecall.asynchronous(net, probes[0], 30, new SplittableRandom(seed)), batch.get(0), "probe 0, one seed");
  }

  @Test
  void batchedAnnealingEqualsSingleProbeAnnealing() {
    int n = 40;
    int[][] xi = Patterns.random(3, n, new SplittableRandom(3));
    BoltzmannMachine net = HopfieldStorage.hebb(xi);
    double[][] probes = probes(xi, 20, 0.4, new SplittableRandom(4));
    Schedule schedule = Schedule.parse("3@1.2,3@0.8,3@0.4");
    List<RecallResult> batch = new HopfieldBatchRecall(net, 1).anneal(probes, schedule, 20, 5);
    SplittableRandom root = new SplittableRandom(5);
    root.split();
    for (int b = 0; b < probes.length; b++) {
      SplittableRandom seedRng = new SplittableRandom(5);
      SplittableRandom order = seedRng.split();
      SplittableRandom draws = root.split();
      RecallResult single = HopfieldRecall.anneal(net, probes[b], schedule, 20, order, draws);
      assertSame(single, batch.get(b), "probe " + b);
    }
  }

  @Test
  void batchedStochasticSweepsEqualSingleProbeStochasticSweepsOnEveryTileSplit() {
    int n = 50;
    int[][] xi = Patterns.random(5, n, new SplittableRandom(8));
    BoltzmannMachine net = HopfieldStorage.hebb(xi);
    double[][] probes = probes(xi, 9, 0.2, new SplittableRandom(9));
    long seed = 11;
    List<RecallResult> one = new HopfieldBatchRecall(net, 1).stochastic(probes, 0.6, 15, seed);
    assertEquals(one, new HopfieldBatchRecall(net, 2).stochastic(probes, 0.6, 15, seed), "tiles of 5 and 4 probes on two threads");
    SplittableRandom root = new SplittableRandom(seed);
    root.split();
    for (int b = 0; b < probes.length; b++) {
      RecallResult single = HopfieldRecall.anneal(net, probes[b], Schedule.constant(0.6, 15), 0, new SplittableRandom(seed).split(), root.split());
      assertSame(single, one.get(b), "probe " + b);
    }
    assertSame(HopfieldRecall.stochastic(net, probes[0], 0.6, 15, new SplittableRandom(seed)), one.get(0), "probe 0, one seed");
  }

  @Test
  void initialEnergyIsTheMachineEnergy() {
    SplittableRandom rng = new SplittableRandom(6);
    BoltzmannMachine net = HopfieldRecallTest.randomNetwork(33, rng);
    double[][] probes = new double[5][];
    for (int b = 0; b < 5; b++) probes[b] = Patterns.randomState(33, rng);
    List<RecallResult> batch = new HopfieldBatchRecall(net, 1).asynchronous(probes, 50, 7);
    for (int b = 0; b < 5; b++) {
      assertEquals(net.energy(probes[b]), batch.get(b).energies()[0], 1e-9);
      assertEquals(net.energy(batch.get(b).state()), batch.get(b).energy(), 1e-9);
    }
  }
}
