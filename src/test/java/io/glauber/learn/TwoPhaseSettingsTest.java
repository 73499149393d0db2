package io.glauber.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.glauber.model.Schedule;
import io.glauber.model.Statistics;
import io.glauber.model.Phase;
import org.junit.jupiter.api.Test;

/** The settings of the two-phase algorithm: defaults, validation, and the update kinds in the one rule. */
class TwoPhaseSettingsTest {

  @Test
  void defaultsAreThePapersEncoderSettings() {
    TwoPhaseSettings s = TwoPhaseSettings.from(ConfigFactory.empty());
    assertEquals(Schedule.parse("2@20,2@15,2@12,4@10"), s.schedule());
    assertEquals(10.0, s.temperature());
    assertEquals(10, s.window());
    assertEquals(NoisyClamping.PAPER, s.noise());
    assertEquals(Update.Kind.SIGN, s.update());
    assertEquals(2.0, s.rule().learningRate());
  }

  @Test
  void aNegativeTemperatureOrAnUnknownKeyIsRejectedWithTheKeyNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TwoPhaseSettings.from(ConfigFactory.parseString("learning.schedule = \"2@20, 4@-1\"")));
    assertEquals("config: learning.schedule: schedule temperature -1.0 (expected T ≥ 0)", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> TwoPhaseSettings.from(ConfigFactory.parseString("learning.windows = 3")));
    assertTrue(e.getMessage().startsWith("config: unknown key learning.windows"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> TwoPhaseSettings.from(ConfigFactory.parseString("learning.schedule = \"2@20, 4@0\"")));
    assertTrue(e.getMessage().contains("schedule ends at T = 0.0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> TwoPhaseSettings.from(ConfigFactory.parseString("learning.update = adam")));
    assertEquals("update 'adam' (expected gradient or sign)", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> TwoPhaseSettings.from(ConfigFactory.parseString("learning.noise-redraw = probe")));
    assertEquals("learning.noise-redraw = probe (expected annealing or time-unit)", e.getMessage());
  }

  @Test
  void theNoiseIsRedrawnPerAnnealingUnlessTimeUnitIsAsked() {
    assertEquals(NoisyClamping.Redraw.ANNEALING, TwoPhaseSettings.from(ConfigFactory.empty()).noise().redraw());
    TwoPhaseSettings s = TwoPhaseSettings.from(ConfigFactory.parseString("learning.noise-redraw = time-unit"));
    assertEquals(new NoisyClamping(0.15, 0.05, NoisyClamping.Redraw.TIME_UNIT), s.noise());
    assertTrue(s.noise().everyTimeUnit());
    assertTrue(s.describe().contains("noisy clamping 0.15/0.05 per time unit"), s.describe());
    NoisyClamping none = TwoPhaseSettings.from(ConfigFactory.parseString("learning { noise-redraw = time-unit, noise-on-off = 0, noise-off-on = 0 }")).noise();
    assertEquals(false, none.everyTimeUnit(), "no noise, nothing to redraw");
  }

  @Test
  void theLearnerAppliesTheGradientWithBetaAndTheSignStep() {
    Statistics plus = new Statistics(new double[] {0.5, 0.2}, new double[] {0.30}, 10, Phase.CLAMPED);
    Statistics minus = new Statistics(new double[] {0.1, 0.2}, new double[] {0.35}, 10, Phase.FREE);
    double[] w = {0};
    double[] b = {0, 0};
    new Learner(LearningRule.plain(2), 1, 2, 1, 1).apply(plus, minus, w, b, Update.gradient(10));
    assertEquals(2 * 0.1 * -0.05, w[0], 1e-15, "η β (p⁺ − p⁻)");
    assertEquals(2 * 0.1 * 0.4, b[0], 1e-15);
    w[0] = 0;
    b[0] = 0;
    new Learner(LearningRule.plain(2), 1, 2, 1, 1).apply(plus, minus, w, b, Update.sign());
    assertEquals(-2, w[0], 0.0, "−η when p⁺ < p⁻");
    assertEquals(2, b[0], 0.0);
    assertEquals(0, b[1], 0.0, "no step when the estimates agree");
  }
}
