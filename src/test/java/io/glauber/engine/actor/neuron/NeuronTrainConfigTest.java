package io.glauber.engine.actor.neuron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.glauber.engine.actor.Mode;
import java.io.File;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The neuron-actor training settings read from HOCON: defaults, the shipped job, and errors that name the key. */
class NeuronTrainConfigTest {
  static Config conf(String text) {
    return ConfigFactory.parseString(text);
  }

  @Test
  void theShippedJobReadsAsWritten() {
    NeuronTrainConfig c = NeuronTrainConfig.from(ConfigFactory.parseFile(new File("config/bm-bas-actor-local.conf")));
    assertEquals(4, c.hidden());
    assertEquals(120, c.epochs());
    assertEquals(14, c.batchSize());
    assertEquals(0.05, c.initStd());
    assertEquals(Mode.EXACT, c.mode());
    assertEquals(1, c.copies());
    assertTrue(c.local());
    assertEquals(Duration.ofSeconds(60), c.phaseTimeout());
    assertEquals(13, c.initial(9).size());
    assertTrue(c.evaluates(10) && c.evaluates(120) && !c.evaluates(11));
  }

  @Test
  void optionalKeysTakeTheirDefaultsAndLocalLearningRunsOneCopy() {
    NeuronTrainConfig c = NeuronTrainConfig.from(conf(
        "model.hidden = 2, train { epochs = 5, batch-size = 4, learning-rate = 0.1 }, actor.local = true"));
    assertEquals(1, c.seed());
    assertEquals(1, c.copies());
    assertEquals(3, c.burnIn());
    assertEquals(10, c.sweeps());
    assertEquals(10, c.evalEvery());
  }

  @Test
  void missingAndBadValuesAreNamed() {
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> NeuronTrainConfig.from(conf("train { epochs = 5, batch-size = 4, learning-rate = 0.1 }")));
    assertEquals("config: missing key 'model.hidden'", missing.getMessage());
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> NeuronTrainConfig.from(conf(
        "model.hidden = 2, train { epochs = 5, batch-size = 4, learning-rate = 0.1 }, actor.sweeps = 0")));
    assertEquals("actor.sweeps = 0 (expected ≥ 1)", bad.getMessage());
    IllegalArgumentException async = assertThrows(IllegalArgumentException.class, () -> NeuronTrainConfig.from(conf(
        "model.hidden = 2, train { epochs = 5, batch-size = 4, learning-rate = 0.1 }, actor { local = true, mode = async }")));
    assertTrue(async.getMessage().startsWith("actor.local = true with actor.mode = async"), async.getMessage());
  }
}
