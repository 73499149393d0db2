package io.glauber.engine.actor.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The layer benchmark's default warm-up is a number of mini-batches, whatever the data set's size. */
class LayerBenchWarmupTest {
  @Test
  void defaultWarmupCoversAThousandMiniBatches() {
    assertEquals(50, LayerEngine.warmupEpochs(2000, 100)); // the synthetic set: 20 batches per epoch
    assertEquals(2, LayerEngine.warmupEpochs(60000, 100)); // Fashion-MNIST: 600 per epoch
    assertEquals(3, LayerEngine.warmupEpochs(50000, 128)); // 391 per epoch, the last one short
    assertEquals(1000, LayerEngine.warmupEpochs(14, 14)); // one batch per epoch
  }
}
