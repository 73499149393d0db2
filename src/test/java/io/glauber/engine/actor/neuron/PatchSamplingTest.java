package io.glauber.engine.actor.neuron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.stream.javadsl.Sink;
import io.glauber.engine.actor.ActorConfig;
import io.glauber.engine.actor.Fixtures;
import io.glauber.engine.actor.Granularity;
import io.glauber.engine.actor.Partition;
import io.glauber.exact.ExactBoltzmann;
import io.glauber.model.BoltzmannMachine;
import io.glauber.model.SparseCouplings;
import io.glauber.model.Units;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Exact mode on patch actors is a Gibbs sampler: sampled state frequencies pass Pearson's χ² test
 * (α = 0.001) against exact enumeration, on fully connected machines (every patch neighbours every
 * other: one patch colour per patch) and on sparse ones (patches of several colours updating side
 * by side), binary and spin, with patches that cut across the units' own colour classes; every
 * message serialised and read back on the way.
 */
class PatchSamplingTest {
  static ActorTestKit kit;

  @BeforeAll
  static void start() {
    kit = ActorTestKit.create("patch-exact", ActorConfig.serializeEverything());
  }

  @AfterAll
  static void stop() {
    kit.shutdownTestKit();
  }

  static List<int[]> sample(BoltzmannMachine m, Granularity g, long seed, int samples) {
    ActorSampler.Settings s = ActorSampler.Settings.exact(seed, 20, samples, 2).withGranularity(g);
    return ActorSampler.source(kit.system(), m, s).runWith(Sink.seq(), kit.system()).toCompletableFuture().join();
  }

  static double pValue(BoltzmannMachine m, List<int[]> out) {
    long[] counts = new long[1 << m.size()];
    for (int[] x : out) counts[Fixtures.index(x, m.units())]++;
    return Fixtures.chiSquaredPValue(counts, ExactBoltzmann.of(m).distribution());
  }

  @ParameterizedTest(name = "dense n={0} {1} T={2} patches of {3}")
  @CsvSource({"8, BINARY, 0.5, 3, 21", "9, SPIN, 1.0, 2, 22", "10, SPIN, 2.0, 4, 23", "10, BINARY, 1.0, 10, 24"})
  void denseMachinesMatchTheBoltzmannDistribution(int n, Units units, double t, int patch, long seed) {
    BoltzmannMachine m = Fixtures.randomMachine(n, units, 0.6 * t, t, n, seed);
    double p = pValue(m, sample(m, Granularity.patches(patch), seed, 8_000));
    System.out.printf("patch chi2 dense n=%d %s T=%.1f patch=%d p=%.4f%n", n, units, t, patch, p);
    assertTrue(p > 1e-3, "χ² p-value " + p + " (expected > 0.001)");
  }

  /** A ring of 10 units with chords: the patch graph has several colours, and patches of one colour run side by side. */
  static BoltzmannMachine sparse(Units units, double t, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int n = 10;
    int[][] e = {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 5}, {5, 6}, {6, 7}, {7, 8}, {8, 9}, {0, 9}, {0, 5}, {2, 7}, {3, 8}};
    int[] edges = new int[2 * e.length];
    double[] w = new double[e.length];
    for (int k = 0; k < e.length; k++) {
      edges[2 * k] = e[k][0];
      edges[2 * k + 1] = e[k][1];
      w[k] = (2 * r.nextDouble() - 1) * 1.2 * t;
    }
    double[] bias = new double[n];
    for (int i = 0; i < n; i++) bias[i] = (2 * r.nextDouble() - 1) * 0.5 * t;
    return new BoltzmannMachine(units, new SparseCouplings(n, edges, w), bias, n, t);
  }

  @ParameterizedTest(name = "sparse {0} T={1} patches of {2}")
  @CsvSource({"SPIN, 1.0, 2, 31", "BINARY, 1.0, 3, 32", "SPIN, 0.5, 1, 33"})
  void sparseMachinesMatchTheBoltzmannDistribution(Units units, double t, int patch, long seed) {
    BoltzmannMachine m = sparse(units, t, seed);
    Partition parts = Partition.grow(m.couplings(), patch);
    int colours = java.util.Arrays.stream(Partition.colours(parts.patchGraph(m.couplings()))).max().orElseThrow() + 1;
    assertTrue(colours < parts.count(), "some patches share a colour (" + colours + " colours, " + parts.count() + " patches)");
    double p = pValue(m, sample(m, Granularity.patches(patch), seed, 8_000));
    System.out.printf("patch chi2 sparse %s T=%.1f patch=%d (%d patches, %d colours) p=%.4f%n", units, t, patch, parts.count(), colours, p);
    assertTrue(p > 1e-3, "χ² p-value " + p + " (expected > 0.001)");
  }

  /** Given the seed, exact mode is deterministic whatever the threads do: two runs give the same samples. */
  @Test
  void exactModeIsDeterministicGivenTheSeed() {
    BoltzmannMachine m = sparse(Units.SPIN, 1.0, 41);
    List<int[]> a = sample(m, Granularity.patches(3), 41, 300);
    List<int[]> b = sample(m, Granularity.patches(3), 41, 300);
    for (int k = 0; k < a.size(); k++) assertEquals(java.util.Arrays.toString(a.get(k)), java.util.Arrays.toString(b.get(k)), "sample " + k);
  }

  @Test
  void partitionsCoverEveryUnitOnce() {
    Partition tiles = Partition.squareTiles(8, 4);
    assertEquals(4, tiles.count());
    assertEquals(2, java.util.Arrays.stream(Partition.colours(tiles.patchGraph(SparseCouplings.squareLattice(8, 1)))).max().orElseThrow() + 1);
    Partition grown = Partition.grow(SparseCouplings.squareLattice(10, 1), 7);
    assertEquals(15, grown.count());
  }

  @Test
  void exclusivePatchActorsSampleButPhasesAndRecallAreRefusedUpFrontWithOneLine() {
    var exclusive = new io.glauber.engine.actor.Dynamics(io.glauber.engine.actor.Mode.EXCLUSIVE, java.time.Duration.ZERO,
        java.time.Duration.ZERO, java.time.Duration.ofMillis(1), java.time.Duration.ofSeconds(30));
    new ActorSampler.Settings(exclusive, null, null, 1, 0, 10, 1, Granularity.patches(4)); // samples run
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> Granularity.patches(4).requireLoads(io.glauber.engine.actor.Mode.EXCLUSIVE));
    assertEquals("mode exclusive on patch actors for phases or recall (expected exact or async; exclusive patch actors sample only)", e.getMessage());
    Granularity.NEURON.requireLoads(io.glauber.engine.actor.Mode.EXCLUSIVE); // neuron actors run it
  }
}
