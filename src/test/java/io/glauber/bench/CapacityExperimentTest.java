package io.glauber.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.File;
import java.util.List;
import org.junit.jupiter.api.Test;

class CapacityExperimentTest {

  @Test
  void theoryErrorIsTheGaussianTailOfTheCrosstalk() {
    // P(C > 1) for C ~ N(0, α): at α = 0.138 the seed's table gives 0.0036
    assertEquals(0.5 * org.apache.commons.math3.special.Erf.erfc(1 / Math.sqrt(2 * 0.138)), CapacityExperiment.theoryError(0.138), 1e-15);
    assertEquals(0.0036, CapacityExperiment.theoryError(0.138), 1e-4);
  }

  @Test
  void retrievalHoldsBelowCapacityAndFailsFarAboveIt() {
    CapacityExperiment.Result r = CapacityExperiment.run(
        new CapacityExperiment.Settings(List.of(300), List.of(0.05, 0.3), 1, "hebb", 100, 0.95, 7, 2));
    assertEquals(1.0, r.nearest(300, 0.05).retrievedFraction());
    assertTrue(r.nearest(300, 0.3).retrievedFraction() < 0.2, r.toString());
    double b = r.breakdown().get(300);
    assertTrue(b > 0.05 && b < 0.3, "breakdown " + b);
  }

  @Test
  void unstableBitFractionFollowsTheCrosstalkEstimate() {
    // 150 × 1000 = 150,000 bits at α = 0.15: expected 0.49%, binomial sd ≈ 0.018% (bits of one
    // network are weakly correlated, so allow 5 sd of the independent-bit value, ≈ 0.09%)
    CapacityExperiment.Result r = CapacityExperiment.run(
        new CapacityExperiment.Settings(List.of(1000), List.of(0.15), 1, "hebb", 1, 0.95, 8, 2));
    CapacityExperiment.Point pt = r.points().get(0);
    double sd = Math.sqrt(pt.theoryError() * (1 - pt.theoryError()) / (pt.starts() * 1000.0));
    assertEquals(pt.theoryError(), pt.unstableFraction(), 5 * sd);
  }

  @Test
  void configFilesParseIntoValidSettings() {
    Config cap = ConfigFactory.parseFile(new File("config/hopfield-capacity.conf")).resolve();
    CapacityExperiment.Settings s = CapacityExperiment.Settings.fromConfig(cap.getConfig("hopfield.capacity"));
    assertEquals(List.of(500, 1000, 2000), s.sizes());
    assertEquals(0.05, s.alphas().get(0));
    assertEquals(0.25, s.alphas().get(s.alphas().size() - 1));
    Config random = ConfigFactory.parseFile(new File("config/hopfield-random.conf")).resolve();
    assertEquals(1000, RandomRecallExperiment.Settings.fromConfig(random.getConfig("hopfield.random")).n());
    assertEquals(200, SpuriousStatesExperiment.Settings.fromConfig(random.getConfig("hopfield.spurious")).n());
    Config dense = ConfigFactory.parseFile(new File("config/hopfield-dense.conf")).resolve();
    assertEquals(3, DenseCapacityExperiment.Settings.fromConfig(dense.getConfig("hopfield.dense-capacity")).power());
  }

  @Test
  void settingsRejectBadValues() {
    assertThrows(IllegalArgumentException.class,
        () -> new CapacityExperiment.Settings(List.of(100), List.of(0.1), 1, "oja", 10, 0.95, 1, 1));
    assertThrows(IllegalArgumentException.class,
        () -> new CapacityExperiment.Settings(List.of(100), List.of(-0.1), 1, "hebb", 10, 0.95, 1, 1));
    assertThrows(IllegalArgumentException.class,
        () -> new RandomRecallExperiment.Settings(100, 0, "hebb", 0.1, 1, 10, 0.95, 1, 1));
  }
}
