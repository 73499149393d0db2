package io.glauber.engine.actor.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.stream.Materializer;
import akka.stream.javadsl.Sink;
import io.glauber.exact.ExactRbm;
import io.glauber.learn.LearningRule;
import io.glauber.model.Rbm;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Learning with the layer actors: CD-k on bars and stripes 4×4 (30 patterns, 16 visible, 16 hidden
 * units), judged by the exact log-likelihood.
 *
 * <p>The reference is the actor-free path through the same kernel and {@link io.glauber.learn.Learner}
 * ({@link DirectTrainer}): with no faults the actor run must equal it bit for bit, and its exact
 * log-likelihood must be within 0.1 nats per pattern of the reference's at the same settings.
 * (The batched engine's trainer is not on main yet; when it is, this comparison moves to it.)
 */
class LayerTrainingTest {
  private static final ActorTestKit testKit = ActorTestKit.create("layer-training", LayerTestSupport.verifyingConfig());
  private static final double[][] BAS = LayerTestSupport.barsAndStripes(4);
  private static final LearningRule RULE = new LearningRule(0.1, 0.5, 0, 0, 0, 0);

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  private static List<EpochMetrics> trainWithActors(Rbm init, LayerSettings s) {
    return LayerEngine.training(testKit.system(), init, BAS, s, 50)
        .runWith(Sink.seq(), Materializer.createMaterializer(testKit.system()))
        .toCompletableFuture().orTimeout(150, TimeUnit.SECONDS).join();
  }

  @Test
  void barsAndStripesHasThirtyPatterns() {
    assertEquals(30, BAS.length);
    assertEquals(30, java.util.Arrays.stream(BAS).map(java.util.Arrays::toString).distinct().count());
  }

  @Test
  void layerActorsReproduceTheActorFreeReferenceBitForBit() {
    for (boolean persistent : new boolean[] {false, true}) {
      LayerSettings s = new LayerSettings(2, 5, 7, RULE, 11, persistent, Duration.ofSeconds(20));
      Rbm init = LayerEngine.initial(16, 16, 11);
      List<EpochMetrics> actor = trainWithActors(init, s);
      Rbm reference = DirectTrainer.train(init, BAS, s, 0, null);
      assertEquals(5, actor.size());
      assertEquals(reference, actor.get(actor.size() - 1).model(), persistent ? "PCD-2" : "CD-2");
    }
  }

  @Test
  void cdTrainedLayerActorsReachTheReferenceLogLikelihoodOnBarsAndStripes() {
    LayerSettings s = LayerSettings.cd(1, 500, 10, RULE, 3);
    Rbm init = LayerEngine.initial(16, 16, 3);
    List<EpochMetrics> metrics = trainWithActors(init, s);
    double actorLl = metrics.get(metrics.size() - 1).exactLogLikelihood();
    double referenceLl = ExactRbm.of(DirectTrainer.train(init, BAS, s, 0, null)).meanLogLikelihood(BAS);
    double initialLl = ExactRbm.of(init).meanLogLikelihood(BAS);
    assertTrue(Math.abs(actorLl - referenceLl) <= 0.1, "actor LL " + actorLl + " vs reference " + referenceLl + " (expected within 0.1 nats)");
    // learning happened: from ≈ −16 ln 2 = −11.1 to well past a uniform model over the 2¹⁶ states
    assertTrue(actorLl > initialLl + 4, "actor LL " + actorLl + " from " + initialLl);
    assertTrue(metrics.get(49).exactLogLikelihood() < actorLl, "LL improves between epoch 50 and 500");
  }

  @Test
  void theBlockingApiReportsEveryEpochAsAMap() {
    List<Map<String, Object>> seen = new ArrayList<>();
    Rbm trained = LayerEngine.train(testKit.system(), LayerEngine.initial(16, 16, 5), BAS,
            LayerSettings.pcd(1, 3, 10, RULE, 5), seen::add)
        .toCompletableFuture().orTimeout(60, TimeUnit.SECONDS).join();
    assertEquals(3, seen.size());
    assertEquals(3, seen.get(2).get("epoch"));
    assertTrue(seen.get(2).containsKey("exact_ll"), seen.get(2).toString());
    assertEquals(ExactRbm.of(trained).meanLogLikelihood(BAS), (Double) seen.get(2).get("exact_ll"), 1e-12);
  }
}
