package io.glauber.engine.actor.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import io.glauber.testing.ChiSquare;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.stream.Materializer;
import akka.stream.javadsl.Sink;
import io.glauber.exact.ExactBoltzmann;
import io.glauber.model.Rbm;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Block Gibbs sampling by the two layer actors (exact mode: the layers alternate) has the
 * Boltzmann distribution of the RBM as its stationary distribution: the joint (v, h) frequencies
 * of a 4×3 RBM pass Pearson's χ² test against {@link ExactBoltzmann} at several temperatures.
 *
 * <p>Samples: 200 independent chains, 30 burn-in sweeps, then one sample per chain every 4 sweeps,
 * 40 000 in all; the test rejects at α = 10⁻³ (a fixed seed, so a pass is reproducible). Every
 * message is serialised on the way (serialize-messages = on).
 */
class LayerSamplingTest {
  private static final ActorTestKit testKit = ActorTestKit.create("layer-sampling", LayerTestSupport.verifyingConfig());
  private static final double ALPHA = 1e-3;

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  @ParameterizedTest(name = "T = {0}")
  @ValueSource(doubles = {0.5, 1.0, 2.0})
  void layerActorsSampleTheExactJointDistribution(double temperature) {
    Rbm rbm = LayerTestSupport.randomRbm(4, 3, 0.8, 42);
    double[] exact = ExactBoltzmann.of(rbm.withTemperature(temperature).toBoltzmannMachine()).distribution();
    long[] counts = histogram(LayerEngine.sample(rbm, 200, 30, 40_000, 4, temperature, 7 + (long) (10 * temperature)), 7);
    double p = ChiSquare.test(counts, exact).pValue();
    assertTrue(p > ALPHA, "χ² p-value " + p + " at T = " + temperature + " (expected > " + ALPHA + ")");
  }

  /** The test has power: the same samples are rejected against the distribution at another temperature. */
  @Test
  void chiSquareRejectsTheWrongTemperature() {
    Rbm rbm = LayerTestSupport.randomRbm(4, 3, 0.8, 42);
    double[] wrong = ExactBoltzmann.of(rbm.withTemperature(1.5).toBoltzmannMachine()).distribution();
    long[] counts = histogram(LayerEngine.sample(rbm, 200, 30, 40_000, 4, 1.0, 17), 7);
    double p = ChiSquare.test(counts, wrong).pValue();
    assertTrue(p < ALPHA, "χ² p-value " + p + " against T = 1.5 for samples at T = 1 (expected < " + ALPHA + ")");
  }

  @Test
  void samplingIsReproducibleFromItsSeed() {
    Rbm rbm = LayerTestSupport.randomRbm(4, 3, 0.8, 42);
    List<int[]> a = run(LayerEngine.sample(rbm, 10, 5, 200, 2, 1.0, 99));
    List<int[]> b = run(LayerEngine.sample(rbm, 10, 5, 200, 2, 1.0, 99));
    assertEquals(200, a.size());
    for (int i = 0; i < a.size(); i++) assertTrue(java.util.Arrays.equals(a.get(i), b.get(i)), "sample " + i);
  }

  static long[] histogram(akka.stream.javadsl.Source<int[], ?> samples, int units) {
    long[] counts = new long[1 << units];
    for (int[] s : run(samples)) {
      int k = 0;
      for (int i = 0; i < units; i++) if (s[i] == 1) k |= 1 << i;
      counts[k]++;
    }
    return counts;
  }

  static List<int[]> run(akka.stream.javadsl.Source<int[], ?> samples) {
    return samples.runWith(Sink.seq(), Materializer.createMaterializer(testKit.system()))
        .toCompletableFuture().orTimeout(Duration.ofSeconds(60).toSeconds(), java.util.concurrent.TimeUnit.SECONDS).join();
  }
}
