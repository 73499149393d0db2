package io.glauber.engine.actor.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A layer-actor run read from HOCON: the batched engine's keys and defaults, validated with the key named. */
class LayerTrainConfigTest {
  @Test
  void readsTheDefaultJobsConfiguration() {
    LayerTrainConfig c = LayerTrainConfig.from(ConfigFactory.parseFile(Path.of("config/rbm-bas.conf").toFile()));
    assertEquals(16, c.hidden());
    assertEquals(0.01, c.initStd());
    LayerSettings s = c.settings();
    assertFalse(s.persistent());
    assertEquals(20, s.k());
    assertEquals(10, s.batchSize());
    assertEquals(1, s.seed());
    assertEquals(Duration.ofSeconds(LayerTrainConfig.PHASE_TIMEOUT_S), s.phaseTimeout());
    assertEquals(0.05, s.ruleAt(0).learningRate(), 1e-12);
    assertEquals(0.005, s.ruleAt(s.epochs() - 1).learningRate(), 1e-12, "the linear schedule ends at learning-rate-final");
  }

  @Test
  void defaultsAreTheBatchedEnginesAndPcdKeepsAsManyChainsAsABatchHasRows() {
    LayerTrainConfig c = LayerTrainConfig.from(ConfigFactory.parseString("train { batch-size = 7, chains = 7 }"));
    assertTrue(c.settings().persistent(), "method = pcd by default");
    assertEquals(16, c.hidden());
    assertEquals(0.5, c.settings().ruleAt(4).momentum());
    assertEquals(0.9, c.settings().ruleAt(5).momentum());
  }

  @Test
  void badValuesAreNamedWithWhatWasExpected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LayerTrainConfig.from(ConfigFactory.parseString("train.method = pt")));
    assertTrue(e.getMessage().contains("train.method = pt"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> LayerTrainConfig.from(ConfigFactory.parseString("train { method = pcd, chains = 30, batch-size = 10 }")));
    assertTrue(e.getMessage().contains("train.chains = 30"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> LayerTrainConfig.from(ConfigFactory.parseString("model.hidden = 0")));
    assertTrue(e.getMessage().contains("model.hidden = 0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> LayerTrainConfig.from(ConfigFactory.parseString("actor.phase-timeout-s = 0")));
    assertTrue(e.getMessage().contains("actor.phase-timeout-s = 0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> LayerTrainConfig.from(ConfigFactory.parseString("train.learning-rate-schedule = cosine")));
    assertTrue(e.getMessage().contains("train.learning-rate-schedule = cosine"), e.getMessage());
  }
}
