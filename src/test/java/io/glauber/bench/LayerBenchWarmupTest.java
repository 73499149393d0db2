package io.glauber.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The layer benchmark's warm-up and measured runs: counted in mini-batches, split within one run. */
class LayerBenchWarmupTest {
  @Test
  void defaultWarmupIsANumberOfMiniBatchesWhateverTheDataSetsSize() {
    assertEquals(150, LayerBench.epochsFor(LayerBench.WARMUP_BATCHES, 2000, 100)); // the synthetic set: 20 batches per epoch
    assertEquals(5, LayerBench.epochsFor(LayerBench.WARMUP_BATCHES, 60000, 100)); // Fashion-MNIST: 600 per epoch
    assertEquals(8, LayerBench.epochsFor(LayerBench.WARMUP_BATCHES, 50000, 128)); // 391 per epoch, the last one short
    assertEquals(3000, LayerBench.epochsFor(LayerBench.WARMUP_BATCHES, 14, 14)); // one batch per epoch
  }

  @Test
  void eachEngineReportsExactlyTheMeasuredEpochsAfterItsWarmUp() {
    LayerBench.Spec spec = new LayerBench.Spec(LayerBench.syntheticData(12, 30, 3), "tiny", false, 5, 10, 4, 3, 3);
    for (LayerBench.Engine e : LayerBench.Engine.values()) {
      Map<String, Object> r = LayerBench.runOne(e, spec);
      assertEquals(e.key(), r.get("engine"));
      @SuppressWarnings("unchecked") List<Double> epochs = (List<Double>) r.get("epochs_s");
      assertEquals(4, epochs.size(), e.key());
      assertTrue(epochs.stream().allMatch(t -> t > 0), e.key());
      assertTrue(((Number) r.get("jit_ms_measured")).longValue() >= 0);
    }
    assertThrows(IllegalArgumentException.class, () -> new LayerBench.Spec(new double[][] {{1}}, "x", false, 1, 1, 0, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> LayerBench.Engine.parse("gpu"));
  }
}
