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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Exclusive mode (local mutual exclusion, no barrier) is a Gibbs sampler at any message delay: on
 * random fully connected 8–10-unit machines — where only one unit can update at a time — binary
 * and spin, with and without hidden units (then the visible marginal is tested), at message delays
 * 0, 100 µs and 1 ms, the sampled state frequencies pass Pearson's χ² test against exact
 * enumeration at α = 0.001 (every message serialised and read back on the way). A
 * state-dependent variant ({@link Timing#redrawWhileChanging()}) fails the same test with the same
 * sample size, which shows that the test has the power to see the bias the design avoids.
 *
 * <p>Samples come from several independent chains run at once (each its own network and seed),
 * a few hundred sweep times after a burn-in, each sample one sweep time after the previous — the
 * chains are waiting on delays, not on the CPU, so running them side by side costs little.
 */
class ExclusiveModeSamplingTest {
  static ActorTestKit kit;

  @BeforeAll
  static void start() {
    kit = ActorTestKit.create("exclusive", ActorConfig.serializeEverything());
    // warm the JIT up first: a cold JVM updates far more slowly, and samples one sweep time apart
    // would then be correlated
    BoltzmannMachine m = Fixtures.randomMachine(8, Units.SPIN, 0.6, 1.0, 8, 1);
    sample(m, Dynamics.exclusive(Duration.ZERO, Duration.ZERO).withSweepTime(Duration.ofMillis(100)), 4, 5, 1, 1, 1);
  }

  @AfterAll
  static void stop() {
    kit.shutdownTestKit();
  }

  /** Samples of {@code chains} independent exclusive-mode chains, {@code perChain} each. */
  static List<int[]> sample(BoltzmannMachine m, Dynamics d, int chains, int perChain, int burnIn, int thin, long seed) {
    List<Source<int[], ?>> sources = new ArrayList<>();
    for (int c = 0; c < chains; c++) {
      sources.add(ActorSampler.source(kit.system(), m, new ActorSampler.Settings(d, null, null, seed * 1000 + c, burnIn, perChain, thin)));
    }
    Source<int[], ?> all = sources.get(0);
    for (int c = 1; c < chains; c++) all = all.merge(sources.get(c));
    return all.runWith(Sink.seq(), kit.system()).toCompletableFuture().join();
  }

  static double pValue(BoltzmannMachine m, List<int[]> out, boolean visibleOnly) {
    int bits = visibleOnly ? m.nVisible() : m.size();
    long[] counts = new long[1 << bits];
    for (int[] s : out) counts[Fixtures.index(java.util.Arrays.copyOf(s, bits), m.units())]++;
    ExactBoltzmann exact = ExactBoltzmann.of(m);
    return Fixtures.chiSquaredPValue(counts, visibleOnly ? exact.visibleDistribution() : exact.distribution());
  }

  /**
   * Cases: delay 0 with Poisson clocks of mean 1 ms (16 chains), and the delays 100 µs and 1 ms
   * (latency-bound: the scheduler's 1 ms tick rounds both up to about 1 ms, and a fully connected
   * machine makes about 300 updates per second, so 64 chains run at once). Fully connected machines
   * throughout: only one unit updates at a time. The delayed cases use unclocked neurons (hungry
   * again at once) with fixed delays, or exponential delays per message with a Poisson clock of
   * mean 2 ms and a 0.5 ms refractory period, or log-normal delays (σ = 1) drawn once per synapse
   * with a periodic clock of 2 ms ± 50 %.
   *
   * <p>Samples of one chain are {@code thin} counted sweeps apart (at least thin·n updates, however
   * loaded the machine: {@link io.glauber.engine.actor.neuron.Network.Sample}). Pearson's test needs
   * nearly independent samples, so each case first checks, exactly, that samples thin random-scan
   * sweeps apart inflate the mean χ² statistic by less than 2 % ({@link ChainCorrelation}); the
   * thinning of each case is the smallest that passes. (Spacing samples by wall time instead once
   * gave p = 2.5·10⁻⁴ on the 9-unit spin machine, whose modes mix slowly, when the machine was
   * loaded and fewer updates fitted between samples.)
   */
  @ParameterizedTest(name = "n={0} visible={1} {2} delay={3}us {4}")
  @CsvSource({
    "8, 8, BINARY, 0, poisson-1ms, 16, 250, 10, 50, 21",
    "9, 9, SPIN, 0, poisson-1ms, 16, 250, 10, 50, 22",
    "10, 7, BINARY, 0, poisson-1ms, 16, 250, 10, 50, 23",
    "8, 8, SPIN, 100, unclocked, 64, 40, 4, 20, 24",
    "10, 6, BINARY, 100, exponential+poisson-refractory, 64, 40, 3, 20, 25",
    "8, 8, BINARY, 1000, unclocked, 64, 40, 3, 20, 26",
    "9, 5, SPIN, 1000, lognormal-per-edge+periodic, 64, 40, 7, 20, 27"})
  void exclusiveModeMatchesBoltzmannDistribution(int n, int nVisible, Units units, long delayUs, String shape, int chains, int perChain, int thin, int burnIn, long seed) {
    BoltzmannMachine m = Fixtures.randomMachine(n, units, 0.6, 1.0, nVisible, seed);
    double inflation = ChainCorrelation.chiSquareInflation(m, thin, nVisible < n);
    assertTrue(inflation < 1.02, "samples " + thin + " sweeps apart inflate χ² by " + inflation + " (expected < 1.02: thin more)");
    Duration interval = switch (shape) {
      case "unclocked" -> Duration.ZERO;
      case "poisson-1ms" -> Duration.ofMillis(1);
      default -> Duration.ofMillis(2);
    };
    Timing timing = switch (shape) {
      case "exponential+poisson-refractory" -> Timing.DEFAULT.withDelay(Timing.Delay.EXPONENTIAL, 0, false)
          .withClock(Timing.Clock.POISSON, 0, Duration.ofMillis(1).dividedBy(2));
      case "lognormal-per-edge+periodic" -> Timing.DEFAULT.withDelay(Timing.Delay.LOG_NORMAL, 1.0, true)
          .withClock(Timing.Clock.PERIODIC, 0.5, Duration.ZERO);
      default -> Timing.DEFAULT;
    };
    // unclocked: look for the counted sweeps every 30 ms (about one latency-bound sweep)
    Dynamics d = Dynamics.exclusive(interval, Duration.ofNanos(delayUs * 1000)).withSweepTime(Duration.ofMillis(30)).withTiming(timing);
    long t0 = System.nanoTime();
    List<int[]> out = sample(m, d, chains, perChain, burnIn, thin, seed);
    double p = pValue(m, out, nVisible < n);
    System.out.printf("exclusive n=%d v=%d %s delay=%dus p=%.4f samples=%d inflation=%.4f %.1fs%n", n, nVisible, units, delayUs, p, out.size(), inflation, (System.nanoTime() - t0) / 1e9);
    assertTrue(p > 1e-3, "χ² p-value " + p + " (expected > 0.001)");
  }

  /**
   * The test of the test: the same kind of machine, sampling and sample size as the delay-0 cases,
   * but with the deliberately state-dependent variant ({@link Timing#redrawWhileChanging()}): a
   * unit whose draw changed its state draws again at once, until a draw leaves it unchanged. Whether
   * a site is updated again now depends on the draws, the final value favours the likelier one
   * (p = 0.6 becomes 0.69), and χ² rejects it — the test has the power to see the kind of bias the
   * design avoids. The bias happens inside one message handler, so it does not depend on timing or
   * load. (The event-driven option, a state-dependent schedule too, biases by timing: how much
   * depends on how fast wake-ups are served against the background clock — p ≈ 10⁻⁹ with a 20 ms
   * clock at a load average of 12–25, but only 0.003 at 39 — so it is not the test of the test.)
   */
  @Test
  void aStateDependentScheduleIsBiasedAndTheTestSeesIt() {
    BoltzmannMachine m = Fixtures.randomMachine(8, Units.BINARY, 0.6, 1.0, 8, 21);
    Dynamics d = Dynamics.exclusive(Duration.ofMillis(1), Duration.ZERO).withTiming(Timing.DEFAULT.withRedrawWhileChanging(true));
    List<int[]> out = sample(m, d, 16, 250, 250, 10, 21);
    double p = pValue(m, out, false);
    long[] counts = new long[256];
    for (int[] x : out) counts[Fixtures.index(x, Units.BINARY)]++;
    double[] q = new double[256];
    for (int k = 0; k < 256; k++) q[k] = counts[k] / (double) out.size();
    System.out.printf("redraw-while-changing exclusive p=%.3g TV=%.3f samples=%d%n", p, Fixtures.totalVariation(q, ExactBoltzmann.of(m).distribution()), out.size());
    assertTrue(p < 1e-3, "χ² p-value " + p + " for the state-dependent variant (expected < 0.001: biased)");
  }

  /**
   * Onsager on a 16×16 lattice in exclusive mode (no barrier, unclocked): below T_c the mean |m|
   * (4 batch-mean standard errors + 0.01 finite-size allowance: at T = 1.5, ξ ≈ 1 and L = 16 moves M
   * by less than that); above T_c, from the all-up state, the energy per site within 4 batch-mean
   * standard errors of Onsager's −0.660 (the finite-size correction, of order e^{−L/ξ}, is
   * negligible beside it).
   */
  @Test
  void exclusiveModeMatchesOnsagerOn16x16() {
    int side = 16;
    Dynamics d = Dynamics.exclusive(Duration.ZERO, Duration.ZERO).withSweepTime(Duration.ofMillis(5));
    double[] up = new double[side * side];
    java.util.Arrays.fill(up, 1);
    List<int[]> cold = ActorSampler.source(kit.system(), IsingTest.lattice(side, 1.5), new ActorSampler.Settings(d, null, up, 5, 20, 400, 1))
        .runWith(Sink.seq(), kit.system()).toCompletableFuture().join();
    double[] r = IsingTest.meanAbsMagnetisation(cold);
    double tol = 4 * r[1] + 0.01;
    System.out.printf("exclusive 16x16 T=1.5 <|m|>=%.4f ± %.4f onsager=%.4f%n", r[0], r[1], IsingTest.onsager(1.5));
    assertTrue(Math.abs(r[0] - IsingTest.onsager(1.5)) <= tol, "<|m|> " + r[0] + " vs Onsager " + IsingTest.onsager(1.5) + " (tolerance " + tol + ")");
    BoltzmannMachine hot = IsingTest.lattice(side, 3.5);
    List<int[]> warm = ActorSampler.source(kit.system(), hot, new ActorSampler.Settings(d, null, up, 6, 40, 400, 1))
        .runWith(Sink.seq(), kit.system()).toCompletableFuture().join();
    double[] e = IsingTest.meanEnergyPerSite(hot, warm);
    System.out.printf("exclusive 16x16 T=3.5 energy %.4f ± %.4f onsager=%.4f%n", e[0], e[1], IsingTest.onsagerEnergy(3.5));
    assertTrue(Math.abs(e[0] - IsingTest.onsagerEnergy(3.5)) <= 4 * e[1],
        "energy per site " + e[0] + " vs Onsager " + IsingTest.onsagerEnergy(3.5) + " (tolerance " + 4 * e[1] + ")");
  }
}
