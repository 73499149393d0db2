package io.glauber.engine.actor.neuron;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import io.glauber.engine.actor.ActorConfig;
import io.glauber.engine.actor.Dynamics;
import io.glauber.engine.actor.Fixtures;
import io.glauber.exact.ExactBoltzmann;
import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Units;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A neuron that throws is restarted by its supervisor with weights, bias, state and field restored,
 * and the update that failed is re-delivered: an exact-mode run with injected failures completes
 * with the same statistics — here, since exact mode is deterministic, the very same samples — and
 * those match the exact marginals.
 */
class FaultToleranceTest {
  static final ActorTestKit kit = ActorTestKit.create("faults", ActorConfig.serializeEverything());

  @AfterAll
  static void stop() {
    kit.shutdownTestKit();
  }

  static double[][] run(BoltzmannMachine m, int samples, boolean inject) {
    ActorRef<Network.Command> net = kit.spawn(Network.create(m, Dynamics.exact(), null, null, 9));
    TestProbe<Network.Reply> probe = kit.createTestProbe();
    double[][] out = new double[samples][];
    for (int k = 0; k < samples; k++) {
      if (inject && k % 100 == 50) net.tell(new Network.InjectFault(k % m.size()));
      net.tell(new Network.Sample(k == 0 ? 10 : 1, probe.getRef()));
      int[] s = probe.expectMessageClass(Network.Sampled.class, Duration.ofSeconds(10)).state();
      out[k] = new double[s.length];
      for (int i = 0; i < s.length; i++) out[k][i] = s[i];
    }
    net.tell(new Network.Stop());
    return out;
  }

  /** Async mode: a restarted neuron re-arms its own clock and keeps updating. */
  @Test
  void asyncNeuronKeepsUpdatingAfterARestart() {
    BoltzmannMachine m = Fixtures.randomMachine(6, Units.SPIN, 0.2, 2.0, 6, 4);
    ActorRef<Network.Command> net = kit.spawn(Network.create(m,
        Dynamics.async(Duration.ofMillis(2), Duration.ZERO), null, null, 5));
    TestProbe<Network.Reply> probe = kit.createTestProbe();
    net.tell(new Network.Sample(5, probe.getRef()));
    probe.expectMessageClass(Network.Sampled.class, Duration.ofSeconds(10));
    net.tell(new Network.InjectFault(3));
    int changes = 0;
    int previous = Integer.MIN_VALUE;
    for (int k = 0; k < 60; k++) {
      net.tell(new Network.Sample(2, probe.getRef()));
      int s3 = probe.expectMessageClass(Network.Sampled.class, Duration.ofSeconds(10)).state()[3];
      if (previous != Integer.MIN_VALUE && s3 != previous) changes++;
      previous = s3;
    }
    net.tell(new Network.Stop());
    // p(s_3 = +1) is near ½ at T = 2 with |w| ≤ 0.2: a frozen unit would show no change at all
    assertTrue(changes >= 10, "unit 3 changed " + changes + " times in 60 snapshots after its restart");
  }

  @Test
  void restartedNeuronsResumeWithTheirStateAndTheRunMatchesAFaultFreeRun() {
    BoltzmannMachine m = Fixtures.randomMachine(8, Units.BINARY, 0.7, 1.0, 8, 21);
    int samples = 1500;
    double[][] clean = run(m, samples, false);
    double[][] faulty = run(m, samples, true); // 15 injected failures
    for (int k = 0; k < samples; k++) assertArrayEquals(clean[k], faulty[k], "sample " + k);
    double[] exact = ExactBoltzmann.of(m).marginals();
    for (int i = 0; i < m.size(); i++) {
      double mean = 0;
      for (double[] s : faulty) mean += s[i] / samples;
      // 5 binomial standard errors, inflated ×2 for the autocorrelation of successive sweeps
      double tol = 5 * 2 * Math.sqrt(exact[i] * (1 - exact[i]) / samples);
      assertEquals(exact[i], mean, tol, "marginal of unit " + i);
    }
  }
}
