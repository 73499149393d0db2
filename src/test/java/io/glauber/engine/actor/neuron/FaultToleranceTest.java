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
 * those match the exact marginals, within 5 standard errors of a mean of correlated samples whose
 * autocorrelation time is computed exactly from the sweep's transition operator.
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
    double[] tau = autocorrelationTimes(m);
    for (int i = 0; i < m.size(); i++) {
      double mean = 0;
      for (double[] s : faulty) mean += s[i] / samples;
      // 5 standard errors of a mean of n draws one sweep apart: the binomial variance times τ_i
      double tol = 5 * Math.sqrt(exact[i] * (1 - exact[i]) * tau[i] / samples);
      System.out.printf("unit %d: mean %.4f exact %.4f tau %.3f tolerance %.4f%n", i, mean, exact[i], tau[i], tol);
      assertEquals(exact[i], mean, tol, "marginal of unit " + i);
    }
  }

  /**
   * The integrated autocorrelation time τ_i = 1 + 2 Σ_{k≥1} ρ_i(k) of unit i's state between
   * successive samples (one exact-mode sweep apart), computed exactly for a machine small enough to
   * enumerate: ρ_i(k) = Σ_s π(s) f(s) (P^k f)(s) / Var f with f = s_i − ⟨s_i⟩ and π Boltzmann's
   * distribution. The variance of a mean of n such samples is Var f · τ_i / n (Sokal 1997).
   */
  static double[] autocorrelationTimes(BoltzmannMachine m) {
    ExactBoltzmann exact = ExactBoltzmann.of(m);
    int n = m.size();
    double[] pi = exact.distribution();
    int[] order = sweepOrder(m.couplings().colours());
    double[][] pOn = new double[pi.length][];
    for (int s = 0; s < pi.length; s++) {
      double[] x = exact.state(s);
      pOn[s] = new double[n];
      for (int i = 0; i < n; i++) pOn[s][i] = m.pOn(i, x);
    }
    double[] tau = new double[n];
    for (int i = 0; i < n; i++) {
      double mean = 0;
      for (int s = 0; s < pi.length; s++) if ((s >> i & 1) == 1) mean += pi[s];
      double[] f = new double[pi.length];
      for (int s = 0; s < pi.length; s++) f[s] = (s >> i & 1) - mean;
      double variance = mean * (1 - mean);
      double sum = 0;
      double[] g = f;
      for (int k = 1; k <= 10_000; k++) {
        g = sweep(g, order, pOn);
        double c = 0;
        for (int s = 0; s < pi.length; s++) c += pi[s] * f[s] * g[s];
        sum += c;
        if (Math.abs(c) < 1e-15 * variance) break;
      }
      tau[i] = 1 + 2 * sum / variance;
    }
    return tau;
  }

  /** The units in the order an exact-mode sweep updates them: colour classes in turn. */
  private static int[] sweepOrder(int[] colours) {
    return java.util.stream.IntStream.range(0, colours.length).boxed()
        .sorted(java.util.Comparator.comparingInt(i -> colours[i])).mapToInt(Integer::intValue).toArray();
  }

  /**
   * (P g)(s) = E[g(X₁) | X₀ = s] for one sweep P = K_{u₁} K_{u₂} ⋯ K_{u_n}, where K_u draws unit u
   * from its conditional: the kernels act on g last unit first. Units are bits of the state index.
   */
  private static double[] sweep(double[] g, int[] order, double[][] pOn) {
    for (int q = order.length - 1; q >= 0; q--) {
      int bit = 1 << order[q];
      double[] h = new double[g.length];
      for (int s = 0; s < g.length; s++) {
        double p = pOn[s][order[q]];
        h[s] = p * g[s | bit] + (1 - p) * g[s & ~bit];
      }
      g = h;
    }
    return g;
  }
}
