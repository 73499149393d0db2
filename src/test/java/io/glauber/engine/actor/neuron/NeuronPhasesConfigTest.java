package io.glauber.engine.actor.neuron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.glauber.engine.actor.Mode;
import io.glauber.learn.TwoPhaseSettings;
import io.glauber.learn.Update;
import java.io.File;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The actor engine's keys of a two-phase run: the shipped BAS job, defaults, and one-line errors for bad values. */
class NeuronPhasesConfigTest {

  @Test
  void theShippedBarsAndStripesJobReadsAsWritten() {
    Config c = ConfigFactory.parseFile(new File("config/bm-bas-actor.conf"));
    assertEquals("actor", c.getString("engine"));
    assertEquals("bm", c.getString("model.type"));
    NeuronPhases.Options o = NeuronPhases.options(c);
    assertEquals(Mode.EXACT, o.dynamics().mode());
    assertEquals(4, o.networks());
    assertEquals(Duration.ofSeconds(120), o.phaseTimeout());
    TwoPhaseSettings s = TwoPhaseSettings.from(c);
    assertEquals(1.0, s.temperature());
    assertEquals(4, s.window());
    assertTrue(s.persistent());
    assertFalse(s.noise().noisy());
    assertEquals(Update.Kind.GRADIENT, s.update());
    assertEquals(1, s.clampedChains());
    assertEquals(16, s.freeChains());
  }

  @Test
  void missingKeysTakeTheirDefaults() {
    assertEquals(NeuronPhases.Options.DEFAULT, NeuronPhases.options(ConfigFactory.empty()));
  }

  @Test
  void asyncModeReadsItsClock() {
    NeuronPhases.Options o = NeuronPhases.options(ConfigFactory.parseString("actor { mode = async, mean-interval-us = 500, delay-us = 20 }"));
    assertEquals(Mode.ASYNC, o.dynamics().mode());
    assertEquals(Duration.ofNanos(500_000), o.dynamics().sweepTime());
    assertEquals(Duration.ofNanos(20_000), o.dynamics().delay());
  }

  @Test
  void badActorKeysAreOneLineErrorsNamingTheKey() {
    assertMessage("actor.mode = sometimes", "actor { mode = sometimes }");
    assertMessage("actor.mean-interval-us = 0", "actor { mode = async, mean-interval-us = 0 }");
    assertMessage("actor.networks = 0", "actor { networks = 0 }");
    assertMessage("actor.phase-timeout-s = -1", "actor { phase-timeout-s = -1 }");
    assertMessage("unknown key actor.local", "actor { local = true }");
  }

  private static void assertMessage(String expected, String hocon) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NeuronPhases.options(ConfigFactory.parseString(hocon)));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }
}
