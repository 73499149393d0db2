package io.glauber.engine.actor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.stream.javadsl.Sink;
import io.glauber.engine.actor.neuron.ActorSampler;
import io.glauber.model.BoltzmannMachine;
import io.glauber.model.SparseCouplings;
import io.glauber.model.Units;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The 2D Ising model (J = 1, no field, spins, periodic 64×64) with one neuron actor per site:
 * mean |m| against Onsager's spontaneous magnetisation M(T) = (1 − sinh(2/T)^−4)^{1/8} below
 * T_c = 2/ln(1+√2) ≈ 2.269, and against 0 above it, in both modes.
 *
 * <p>Tolerances: 4 standard errors of the mean from 10 batch means (so autocorrelation is
 * accounted for), plus the finite-size allowance — below T_c at T = 1.5 the correlation length is
 * about one site, and the L = 64 magnetisation differs from Onsager's by far less than 0.005; above
 * T_c the finite lattice has E|m| ≈ √(2χT/(πN)) ≈ 0.03 at T = 3.5 (χT ≈ 6), so "≈ 0" is tested as
 * |m| below twice that.
 */
class IsingTest {
  static final int EXACT_SIDE = 64;
  static final int ASYNC_SIDE = 64;
  static ActorTestKit kit;

  @BeforeAll
  static void start() {
    kit = ActorTestKit.create("ising", ActorConfig.serializeEverything());
  }

  @AfterAll
  static void stop() {
    kit.shutdownTestKit();
  }

  static double onsager(double t) {
    double tc = 2 / Math.log(1 + Math.sqrt(2));
    return t >= tc ? 0 : Math.pow(1 - Math.pow(Math.sinh(2 / t), -4), 0.125);
  }

  static BoltzmannMachine lattice(int side, double t) {
    return new BoltzmannMachine(Units.SPIN, SparseCouplings.squareLattice(side, 1.0), new double[side * side], side * side, t);
  }

  /** {mean |m|, standard error from 10 batch means}. */
  static double[] meanAbsMagnetisation(List<int[]> samples) {
    double[] m = new double[samples.size()];
    for (int k = 0; k < m.length; k++) {
      long sum = 0;
      for (int x : samples.get(k)) sum += x;
      m[k] = Math.abs((double) sum / samples.get(k).length);
    }
    int batches = 10;
    int per = m.length / batches;
    double[] means = new double[batches];
    for (int b = 0; b < batches; b++) means[b] = Arrays.stream(m, b * per, (b + 1) * per).average().orElseThrow();
    double mean = Arrays.stream(means).average().orElseThrow();
    double var = Arrays.stream(means).map(x -> (x - mean) * (x - mean)).sum() / (batches - 1);
    return new double[] {mean, Math.sqrt(var / batches)};
  }

  List<int[]> run(int side, double t, ActorSampler.Settings s) {
    return ActorSampler.source(kit.system(), lattice(side, t), s).runWith(Sink.seq(), kit.system()).toCompletableFuture().join();
  }

  static double[] ordered(int side) {
    double[] up = new double[side * side];
    Arrays.fill(up, 1);
    return up;
  }

  void assertOrdered(List<int[]> samples, double t, String mode) {
    double[] r = meanAbsMagnetisation(samples);
    double tol = 4 * r[1] + 0.005;
    System.out.printf("ising %s T=%.2f <|m|>=%.4f ± %.4f onsager=%.4f%n", mode, t, r[0], r[1], onsager(t));
    assertTrue(Math.abs(r[0] - onsager(t)) <= tol, mode + ": <|m|> = " + r[0] + " vs Onsager " + onsager(t) + " (tolerance " + tol + ")");
  }

  /**
   * Above T_c: |m| within twice the finite-lattice value √(2χT/(πN)) of a Gaussian m, with χT ≈ 6.0
   * at T = 3.5 from the square-lattice high-temperature series Σ c_k tanh(1/T)^k (1, 4, 12, 36,
   * 100, 276, 740, 1972, … plus its geometric tail).
   */
  void assertDisordered(List<int[]> samples, double t, String mode) {
    double[] r = meanAbsMagnetisation(samples);
    int n = samples.get(0).length;
    double bound = 2 * Math.sqrt(2 * 6.0 / (Math.PI * n));
    System.out.printf("ising %s T=%.2f <|m|>=%.4f ± %.4f bound=%.4f%n", mode, t, r[0], r[1], bound);
    assertTrue(r[0] < bound, mode + ": <|m|> = " + r[0] + " ± " + r[1] + " above T_c (expected ≈ 0: below " + bound + ")");
  }

  @Test
  void exactModeMagnetisationMatchesOnsagerBelowCriticalTemperature() {
    assertOrdered(run(EXACT_SIDE, 1.5, new ActorSampler.Settings(Dynamics.exact(), null, ordered(EXACT_SIDE), 1, 10, 50, 1)), 1.5, "exact");
  }

  @Test
  void exactModeMagnetisationVanishesAboveCriticalTemperature() {
    assertDisordered(run(EXACT_SIDE, 3.5, new ActorSampler.Settings(Dynamics.exact(), null, null, 2, 10, 40, 1)), 3.5, "exact");
  }

  @Test
  void asyncModeMagnetisationMatchesOnsagerBelowCriticalTemperature() {
    Dynamics d = Dynamics.async(Duration.ZERO, Duration.ZERO).withSweepTime(Duration.ofMillis(10));
    assertOrdered(run(ASYNC_SIDE, 1.5, new ActorSampler.Settings(d, null, ordered(ASYNC_SIDE), 3, 20, 30, 1)), 1.5, "async");
  }

  @Test
  void asyncModeMagnetisationVanishesAboveCriticalTemperature() {
    Dynamics d = Dynamics.async(Duration.ZERO, Duration.ZERO).withSweepTime(Duration.ofMillis(10));
    assertDisordered(run(ASYNC_SIDE, 3.5, new ActorSampler.Settings(d, null, null, 4, 20, 30, 1)), 3.5, "async");
  }
}
