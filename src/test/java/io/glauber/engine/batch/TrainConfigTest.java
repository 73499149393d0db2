package io.glauber.engine.batch;

import static org.junit.jupiter.api.Assertions.*;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TrainConfigTest {
  @Test
  void readsTheShippedConfigurations() {
    Path bas = Path.of("config/rbm-bas.conf");
    if (Files.exists(bas)) {
      TrainConfig c = TrainConfig.from(ConfigFactory.parseFile(bas.toFile()));
      assertEquals(16, c.hidden());
      assertEquals(c.momentumStart(), c.momentumFinal()); // one momentum value
    }
    TrainConfig f = TrainConfig.from(ConfigFactory.parseFile(Path.of("config/rbm-fashion-mnist.conf").toFile()));
    assertEquals(TrainConfig.Method.PCD, f.method());
    assertEquals(500, f.hidden());
    assertEquals(100, f.batchSize());
    assertEquals(0.0, f.ruleAt(5).momentum());
    assertEquals(0.01, f.ruleAt(19).learningRate(), 1e-12);
    TrainConfig g = TrainConfig.parse("train { momentum { start = 0.5, final = 0.9, switch-epoch = 5 } }");
    assertEquals(0.5, g.ruleAt(4).momentum());
    assertEquals(0.9, g.ruleAt(5).momentum());
  }

  @Test
  void badValuesAreNamedWithWhatWasExpected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainConfig.parse("train.method = gibbs"));
    assertTrue(e.getMessage().contains("train.method = gibbs"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> TrainConfig.parse("train.pt.temperatures = [2, 3]"));
    assertTrue(e.getMessage().contains("starting with 1.0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> TrainConfig.parse("train.batch-size = 0"));
    assertTrue(e.getMessage().contains("train.batch-size"), e.getMessage());
  }
}
