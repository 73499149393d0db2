package io.glauber.engine.actor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.stream.javadsl.Sink;
import akka.stream.javadsl.Source;
import io.glauber.engine.actor.neuron.ActorSampler;
import io.glauber.exact.ExactBoltzmann;
import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Units;
import io.glauber.testing.ChainCorrelation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Exclusive mode on patch actors (the patches are the philosophers of the patch graph:
 * {@link io.glauber.engine.actor.neuron.Patch}) is a Gibbs sampler at any message delay: on random
 * fully connected 8–10-unit machines cut into 2–3 patches, binary and spin, with and without hidden
 * units, unclocked and clocked, at delays 0 and 100 µs, the sampled frequencies pass Pearson's χ²
 * test against exact enumeration at α = 0.001, every message serialised and read back on the way.
 * Samples of one chain are thin counted sweeps apart; each case first checks exactly that samples
 * thin random-scan sweeps apart inflate the mean χ² statistic by less than 2 % ({@link
 * ChainCorrelation}), as {@link ExclusiveModeSamplingTest} does. The sweep time is short (2 ms):
 * the coordinator looks for the counted sweeps that often, and spacing comes from the count.
 */
class ExclusivePatchSamplingTest {
  static ActorTestKit kit;

  @BeforeAll
  static void start() {
    kit = ActorTestKit.create("exclusive-patch", ActorConfig.serializeEverything());
    BoltzmannMachine m = Fixtures.randomMachine(8, Units.SPIN, 0.6, 1.0, 8, 1);
    sample(m, Dynamics.exclusive(Duration.ZERO, Duration.ZERO).withSweepTime(Duration.ofMillis(20)), 4, 4, 5, 1, 1, 1); // warm the JIT
  }

  @AfterAll
  static void stop() {
    kit.shutdownTestKit();
  }

  static List<int[]> sample(BoltzmannMachine m, Dynamics d, int patchSize, int chains, int perChain, int burnIn, int thin, long seed) {
    List<Source<int[], ?>> sources = new ArrayList<>();
    for (int c = 0; c < chains; c++) {
      sources.add(ActorSampler.source(kit.system(), m, new ActorSampler.Settings(d, null, null, seed * 1000 + c, burnIn, perChain, thin,
          Granularity.patches(patchSize))));
    }
    Source<int[], ?> all = sources.get(0);
    for (int c = 1; c < chains; c++) all = all.merge(sources.get(c));
    return all.runWith(Sink.seq(), kit.system()).toCompletableFuture().join();
  }

  @ParameterizedTest(name = "n={0} visible={1} {2} patch size {3} delay={4}us interval={5}us")
  @CsvSource({
    "8, 8, BINARY, 4, 0, 0, 16, 250, 10, 50, 31",
    "9, 9, SPIN, 3, 0, 1000, 16, 250, 10, 50, 32",
    "10, 7, BINARY, 4, 100, 0, 32, 125, 10, 20, 33"})
  void exclusivePatchActorsMatchBoltzmannDistribution(int n, int nVisible, Units units, int patchSize, long delayUs, long intervalUs,
      int chains, int perChain, int thin, int burnIn, long seed) {
    BoltzmannMachine m = Fixtures.randomMachine(n, units, 0.6, 1.0, nVisible, seed);
    boolean visibleOnly = nVisible < n;
    double inflation = ChainCorrelation.chiSquareInflation(m, thin, visibleOnly);
    assertTrue(inflation < 1.02, "samples " + thin + " sweeps apart inflate χ² by " + inflation + " (expected < 1.02: thin more)");
    Dynamics d = Dynamics.exclusive(Duration.ofNanos(intervalUs * 1000), Duration.ofNanos(delayUs * 1000)).withSweepTime(Duration.ofMillis(2));
    long t0 = System.nanoTime();
    List<int[]> out = sample(m, d, patchSize, chains, perChain, burnIn, thin, seed);
    int bits = visibleOnly ? nVisible : n;
    long[] counts = new long[1 << bits];
    for (int[] s : out) counts[Fixtures.index(java.util.Arrays.copyOf(s, bits), m.units())]++;
    ExactBoltzmann exact = ExactBoltzmann.of(m);
    double p = Fixtures.chiSquaredPValue(counts, visibleOnly ? exact.visibleDistribution() : exact.distribution());
    System.out.printf("exclusive patches n=%d v=%d %s size=%d delay=%dus p=%.4f samples=%d inflation=%.4f %.1fs%n", n, nVisible, units,
        patchSize, delayUs, p, out.size(), inflation, (System.nanoTime() - t0) / 1e9);
    assertTrue(out.size() == chains * perChain, "samples " + out.size() + " (expected " + chains * perChain + ")");
    assertTrue(p > 1e-3, "χ² p-value " + p + " (expected > 0.001)");
  }
}
