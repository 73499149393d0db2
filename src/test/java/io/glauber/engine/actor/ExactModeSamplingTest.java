package io.glauber.engine.actor;

import io.glauber.engine.actor.neuron.ActorSampler;

import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.stream.javadsl.Sink;
import io.glauber.exact.ExactBoltzmann;
import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Schedule;
import org.junit.jupiter.api.Test;
import io.glauber.model.Units;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Exact mode is a Gibbs sampler: on random 8–10-unit machines, binary and spin, at T ∈ {0.5, 1, 2},
 * the sampled state frequencies pass Pearson's χ² test against the exact distribution at α = 0.001
 * (every message serialised and read back on the way).
 */
class ExactModeSamplingTest {
  static ActorTestKit kit;

  @BeforeAll
  static void start() {
    kit = ActorTestKit.create("exact", ActorConfig.serializeEverything());
  }

  @AfterAll
  static void stop() {
    kit.shutdownTestKit();
  }

  @ParameterizedTest(name = "n={0} {1} T={2}")
  @CsvSource({
    "8, BINARY, 0.5, 11", "8, SPIN, 0.5, 12",
    "9, BINARY, 1.0, 13", "9, SPIN, 1.0, 14",
    "10, BINARY, 2.0, 15", "10, SPIN, 2.0, 16"})
  void exactModeMatchesBoltzmannDistribution(int n, Units units, double t, long seed) {
    // weights scaled with T so every case is a moderately coupled machine that mixes in a few sweeps
    BoltzmannMachine m = Fixtures.randomMachine(n, units, 0.6 * t, t, n, seed);
    int samples = 8_000;
    int thin = 2;
    List<int[]> out = ActorSampler.source(kit.system(), m, ActorSampler.Settings.exact(seed, 20, samples, thin))
        .runWith(Sink.seq(), kit.system()).toCompletableFuture().join();
    long[] counts = new long[1 << n];
    for (int[] s : out) counts[Fixtures.index(s, units)]++;
    double p = Fixtures.chiSquaredPValue(counts, ExactBoltzmann.of(m).distribution());
    System.out.printf("chi2 n=%d %s T=%.1f p=%.4f%n", n, units, t, p);
    assertTrue(p > 1e-3, "χ² p-value " + p + " (expected > 0.001)");
  }

  /**
   * An annealing schedule counts sweeps in exact mode: 5 sweeps each at T = 8, 4, 2, then T = 0.5 for
   * good; the samples taken after the schedule has settled follow the T = 0.5 distribution.
   */
  @Test
  void annealedExactRunEndsAtTheFinalTemperaturesDistribution() {
    BoltzmannMachine m = Fixtures.randomMachine(8, Units.SPIN, 0.3, 0.5, 8, 31);
    Schedule anneal = Schedule.parse("5@8,5@4,5@2,1@0.5");
    ActorSampler.Settings s = new ActorSampler.Settings(Dynamics.exact(), anneal, null, 31, 40, 8_000, 2);
    List<int[]> out = ActorSampler.source(kit.system(), m, s).runWith(Sink.seq(), kit.system()).toCompletableFuture().join();
    long[] counts = new long[1 << 8];
    for (int[] x : out) counts[Fixtures.index(x, Units.SPIN)]++;
    double p = Fixtures.chiSquaredPValue(counts, ExactBoltzmann.of(m).distribution());
    assertTrue(p > 1e-3, "χ² p-value " + p + " against the T = 0.5 distribution (expected > 0.001)");
  }
}
