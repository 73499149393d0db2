package io.glauber.engine.actor.neuron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.typed.ActorRef;
import akka.actor.typed.javadsl.AskPattern;
import akka.stream.javadsl.Sink;
import io.glauber.engine.actor.ActorConfig;
import io.glauber.engine.actor.Dynamics;
import io.glauber.engine.actor.Fixtures;
import io.glauber.engine.actor.Granularity;
import io.glauber.engine.actor.Partition;
import io.glauber.engine.actor.Timing;
import io.glauber.exact.ExactBoltzmann;
import io.glauber.model.BoltzmannMachine;
import io.glauber.model.SparseCouplings;
import io.glauber.model.Units;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Patch actors take the delay and clock shapes of {@link Timing} ({@link Patch.SetTiming}): the
 * message round-trips its serializer; with one patch for the whole machine (no boundary, so no
 * staleness) and periodic clocks with jitter and a refractory period — every unit on a clock of its
 * own, a schedule that does not depend on the states — the patch is a Gibbs sampler and passes
 * Pearson's χ² test (α = 0.001) against exact enumeration; and a lattice cut into patches runs with
 * log-normal delays drawn once per neighbouring patch (every message serialised and read back).
 */
class PatchTimingTest {
  static final ActorTestKit kit = ActorTestKit.create("patch-timing", ActorConfig.serializeEverything());

  @AfterAll
  static void stop() {
    kit.shutdownTestKit();
  }

  @Test
  void setTimingRoundTripsItsSerializer() throws Exception {
    PatchSerializer ser = new PatchSerializer((akka.actor.ExtendedActorSystem) akka.actor.typed.javadsl.Adapter.toClassic(kit.system()));
    Timing t = Timing.parseDelayShape("log-normal:0.5/edge").withClock(Timing.Clock.PERIODIC, 0.25, Duration.ofMillis(1));
    Patch.SetTiming m = new Patch.SetTiming(t);
    assertEquals(m, ser.fromBinary(ser.toBinary(m), ser.manifest(m)));
  }

  @Test
  void oneShapedClockPerUnitInOnePatchSamplesTheBoltzmannDistribution() {
    // Samples are spaced by wall time here (async mode), 4 clock periods apart; a loaded machine may
    // fit only half of those updates in. Pearson's test needs nearly independent samples, so the
    // machine is one whose samples 2 random-scan sweeps apart inflate χ² by < 2 % (a binary one:
    // the spin machine at the same scale mixed too slowly, and failed once at p = 7.5·10⁻⁴ under load).
    BoltzmannMachine m = Fixtures.randomMachine(8, Units.BINARY, 0.6, 1.0, 8, 41);
    double inflation = io.glauber.testing.ChainCorrelation.chiSquareInflation(m, 2, false);
    assertTrue(inflation < 1.02, "samples 2 sweeps apart inflate χ² by " + inflation + " (expected < 1.02)");
    Timing periodic = Timing.DEFAULT.withClock(Timing.Clock.PERIODIC, 0.5, Duration.ofMillis(1).dividedBy(4));
    Dynamics d = Dynamics.async(Duration.ofMillis(1), Duration.ZERO).withTiming(periodic);
    ActorSampler.Settings s = new ActorSampler.Settings(d, null, null, 41, 20, 1500, 4).withGranularity(Granularity.patches(m.size()));
    List<int[]> out = ActorSampler.source(kit.system(), m, s).runWith(Sink.seq(), kit.system()).toCompletableFuture().join();
    long[] counts = new long[1 << m.size()];
    for (int[] x : out) counts[Fixtures.index(x, m.units())]++;
    double p = Fixtures.chiSquaredPValue(counts, ExactBoltzmann.of(m).distribution());
    System.out.printf("one patch, periodic clocks: p=%.4f samples=%d%n", p, out.size());
    assertTrue(p > 1e-3, "χ² p-value " + p + " (expected > 0.001)");
  }

  @Test
  void patchesRunWithDelaysDrawnOncePerNeighbourPatch() {
    int side = 8;
    BoltzmannMachine m = new BoltzmannMachine(Units.SPIN, SparseCouplings.squareLattice(side, 1.0), new double[side * side], side * side, 3.0);
    Dynamics d = Dynamics.async(Duration.ofMillis(2), Duration.ofMillis(1)).withTiming(Timing.parseDelayShape("log-normal:1/edge"));
    ActorRef<Network.Command> net = kit.spawn(PatchNetwork.create(m, d, null, null, 5, Partition.squareTiles(side, 4)), "tiles");
    Network.Reply r = AskPattern.<Network.Command, Network.Reply>ask(net, reply -> new Network.Sample(20, reply), Duration.ofSeconds(30),
        kit.system().scheduler()).toCompletableFuture().join();
    assertTrue(r instanceof Network.Sampled, "sampled: " + r);
    Network.Reply c = AskPattern.<Network.Command, Network.Reply>ask(net, Network.Count::new, Duration.ofSeconds(30),
        kit.system().scheduler()).toCompletableFuture().join();
    Network.Counted counted = (Network.Counted) c;
    assertTrue(counted.updates() > 0 && counted.messages() > 0, "counted " + counted);
  }
}
