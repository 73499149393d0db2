package io.glauber.engine.actor;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.stream.javadsl.Sink;
import io.glauber.engine.actor.neuron.ActorSampler;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link IsingTest}'s checks with patch actors (64×64 periodic lattice, patches of 256 sites grown
 * breadth-first): in exact mode |m| against Onsager at T = 1.5, and at T = 3.5 from the all-up
 * state |m| ≈ 0 and the energy per site against Onsager's −0.660; in async mode |m| against Onsager
 * at T = 1.5 (unclocked) and ≈ 0 at T = 3.5 with clocked units (mean interval 50 ms each), as for
 * neuron actors. Same tolerances, derived in {@link IsingTest}.
 */
class PatchIsingTest {
  static final int SIDE = 64;
  static final Granularity PATCHES = Granularity.patches(256);
  static ActorTestKit kit;
  final IsingTest checks = new IsingTest();

  @BeforeAll
  static void start() {
    kit = ActorTestKit.create("patch-ising", ActorConfig.serializeEverything());
  }

  @AfterAll
  static void stop() {
    kit.shutdownTestKit();
  }

  List<int[]> run(double t, ActorSampler.Settings s) {
    return ActorSampler.source(kit.system(), IsingTest.lattice(SIDE, t), s.withGranularity(PATCHES))
        .runWith(Sink.seq(), kit.system()).toCompletableFuture().join();
  }

  @Test
  void exactModeMagnetisationMatchesOnsagerBelowCriticalTemperature() {
    checks.assertOrdered(run(1.5, new ActorSampler.Settings(Dynamics.exact(), null, IsingTest.ordered(SIDE), 1, 10, 50, 1)), 1.5, "patch exact");
  }

  @Test
  void exactModeMagnetisationVanishesAndEnergyMatchesOnsagerAboveCriticalTemperature() {
    List<int[]> samples = run(3.5, new ActorSampler.Settings(Dynamics.exact(), null, IsingTest.ordered(SIDE), 2, 40, 40, 1));
    checks.assertDisordered(samples, 3.5, "patch exact");
    checks.assertOnsagerEnergy(samples, 3.5, "patch exact");
  }

  @Test
  void asyncModeMagnetisationMatchesOnsagerBelowCriticalTemperature() {
    Dynamics d = Dynamics.async(Duration.ZERO, Duration.ZERO).withSweepTime(Duration.ofMillis(10));
    checks.assertOrdered(run(1.5, new ActorSampler.Settings(d, null, IsingTest.ordered(SIDE), 3, 20, 30, 1)), 1.5, "patch async");
  }

  @Test
  void asyncModeMagnetisationVanishesAboveCriticalTemperature() {
    Dynamics d = Dynamics.async(Duration.ofMillis(50), Duration.ZERO).withSweepTime(Duration.ofMillis(50));
    checks.assertDisordered(run(3.5, new ActorSampler.Settings(d, null, IsingTest.ordered(SIDE), 4, 30, 40, 1)), 3.5, "patch async");
  }
}
