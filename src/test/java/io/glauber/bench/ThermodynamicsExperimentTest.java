package io.glauber.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.glauber.hopfield.MeanField;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stochastic dynamics of the Hebb network against its mean-field theory. */
class ThermodynamicsExperimentTest {
  @TempDir Path dir;

  @Test
  void theMeasuredOverlapOfOneStoredPatternFollowsTheMeanFieldSolutionAwayFromTc() {
    // p = 1 (α = 1/N → 0): the Mattis model, m = tanh(m/T). Tolerance: 5 standard errors of the mean
    // over the chains (estimated from the chains themselves) plus 1/N for the model's finite-size
    // correction to ⟨m⟩ (order 1/N away from T_c, where the Curie–Weiss free energy is smooth)
    int n = 2000;
    var s = new ThermodynamicsExperiment.Settings(n, List.of(1), List.of(0.5, 0.8), 64, 60, 0.2, 11, 2);
    ThermodynamicsExperiment.Result r = ThermodynamicsExperiment.run(s);
    assertEquals(2, r.points().size());
    for (ThermodynamicsExperiment.Point p : r.points()) {
      double theory = MeanField.overlap(p.temperature());
      assertEquals(theory, p.mattis(), 0.0);
      assertTrue(p.stderr() > 0, "chains differ at T = " + p.temperature());
      assertEquals(theory, p.overlap(), 5 * p.stderr() + 1.0 / n, "T = " + p.temperature());
    }
    assertTrue(Double.isNaN(r.boundaries().get(0).measured()), "still retrieving at the top of the grid");
  }

  @Test
  void patchActorsMeasureTheSameOverlapAsTheBatchedEngine() throws Exception {
    // the same network (N = 300, p = 1) on both engines, the same protocol; the two means differ by
    // less than 5 standard errors of their difference, √(se_batch² + se_actor²), each from its chains
    int n = 300;
    var actor = new ThermodynamicsExperiment.Actor(List.of(1), List.of(0.5, 0.8), 24, 40, 64);
    var s = new ThermodynamicsExperiment.Settings(n, List.of(1), List.of(0.5, 0.8), 48, 40, 0.2, 5, 1, List.of(), List.of(), actor);
    ThermodynamicsExperiment.Result r = ThermodynamicsExperiment.run(s);
    assertEquals(2, r.actorPoints().size());
    for (int k = 0; k < 2; k++) {
      ThermodynamicsExperiment.Point b = r.points().get(k);
      ThermodynamicsExperiment.Point a = r.actorPoints().get(k);
      assertEquals(b.temperature(), a.temperature(), 0.0);
      assertTrue(a.stderr() > 0, "actor chains differ at T = " + a.temperature());
      assertEquals(b.overlap(), a.overlap(), 5 * Math.hypot(a.stderr(), b.stderr()), "T = " + a.temperature());
    }
    Map<String, Object> summary = ThermodynamicsExperiment.summary(r);
    var points = (List<?>) ((Map<?, ?>) summary.get("actor")).get("points");
    assertEquals(r.points().get(1).overlap(), (double) ((Map<?, ?>) points.get(1)).get("m_batch"), 0.0);
    assertEquals("hopfield.thermo.actor.patterns: 2 (expected one of patterns [1])", assertThrows(IllegalArgumentException.class,
        () -> new ThermodynamicsExperiment.Settings(n, List.of(1), List.of(0.5), 4, 10, 0.2, 1, 1, List.of(), List.of(),
            new ThermodynamicsExperiment.Actor(List.of(2), List.of(0.5), 4, 10, 64))).getMessage());
  }

  @Test
  void patchActorsFindTheRetrievalBoundaryWhereTheBatchedEngineDoes() {
    // finite load α = 0.05 (N = 200, p = 10) on a grid across T_M: at every T the actors measure (up
    // to the first one below the threshold) the actor mean is within 5 standard errors of the
    // difference of the batched mean; where every batched mean is also more than that from the
    // threshold, both engines' means lie on the same side of it, so the boundaries located on the
    // grid coincide. Threshold 0.5: at N = 200 the paramagnetic floor
    // of |m| is itself about 0.2 (0.13–0.19 measured at T = 0.9–1.1)
    int n = 200;
    List<Double> grid = List.of(0.3, 0.5, 0.7, 0.9);
    var actor = new ThermodynamicsExperiment.Actor(List.of(10), grid, 24, 40, 64);
    var s = new ThermodynamicsExperiment.Settings(n, List.of(10), grid, 48, 40, 0.5, 7, 1, List.of(), List.of(), actor);
    ThermodynamicsExperiment.Result r = ThermodynamicsExperiment.run(s);
    assertEquals(grid.size(), r.points().size());
    assertEquals(3, r.actorPoints().size(), "the actor scan ends at its first point below the threshold (T = 0.7)");
    boolean decided = true;
    for (int k = 0; k < r.actorPoints().size(); k++) {
      ThermodynamicsExperiment.Point b = r.points().get(k);
      ThermodynamicsExperiment.Point a = r.actorPoints().get(k);
      double tolerance = 5 * Math.hypot(a.stderr(), b.stderr());
      assertTrue(tolerance > 0, "chains differ at T = " + a.temperature());
      assertEquals(b.overlap(), a.overlap(), tolerance, "T = " + a.temperature());
      decided &= Math.abs(b.overlap() - s.retrievalOverlap()) > tolerance;
    }
    assertTrue(decided, "no batched mean within the tolerance of the threshold (else pick a grid that avoids it)");
    ThermodynamicsExperiment.Boundary batched = r.boundaries().get(0);
    ThermodynamicsExperiment.Boundary actors = r.actorBoundaries().get(0);
    assertTrue(!Double.isNaN(batched.measured()), "the grid crosses T_M");
    assertEquals(batched.measured(), actors.measured(), 0.0);
    assertEquals(batched.ags(), actors.ags(), 0.0);
    Map<String, Object> summary = ThermodynamicsExperiment.summary(r);
    var boundary = (Map<?, ?>) ((List<?>) ((Map<?, ?>) summary.get("actor")).get("boundaries")).get(0);
    assertEquals(actors.measured(), (double) boundary.get("t_m_measured"), 0.0);
    assertEquals(batched.measured(), (double) boundary.get("t_m_batch"), 0.0);
  }

  @Test
  void aRunWritesItsSummaryAndPlotsAndTheBoundaryIsWhereTheOverlapFalls() throws Exception {
    // at T = 2 and 3 a paramagnet of N = 400 has |m| ≈ √(2χ/(πN)) with χ = 1/(1 − 1/T): 0.056 and 0.048
    var s = new ThermodynamicsExperiment.Settings(400, List.of(1, 10), List.of(0.3, 0.6, 2.0, 3.0), 16, 30, 0.2, 3, 1,
        List.of(3), List.of(0.05, 2.0));
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    Map<String, Object> summary = ThermodynamicsExperiment.runAndWrite(s, dir, false, new PrintStream(text, true, StandardCharsets.UTF_8));
    for (String f : ThermodynamicsExperiment.FILES) assertTrue(Files.size(dir.resolve(f)) > 100, f);
    assertEquals("thermo", summary.get("experiment"));
    assertEquals(8, ((List<?>) summary.get("points")).size());
    String json = Files.readString(dir.resolve("thermo.json"));
    assertTrue(json.contains("\"m_mean_field\"") && json.contains("\"t_m_ags\"") && json.endsWith("\n"), json);
    var boundaries = (List<?>) summary.get("boundaries");
    assertEquals(1.3, (double) ((Map<?, ?>) boundaries.get(0)).get("t_m_measured"), 0.0, "p = 1: between 0.6 and 2");
    assertEquals(MeanField.retrievalBoundary(10 / 400.0), (double) ((Map<?, ?>) boundaries.get(1)).get("t_m_ags"), 0.0);
    // a 3-mixture at T = 0.05 is a fixed point for practical purposes; at T = 2 nothing is left of it
    var mixtures = (List<?>) summary.get("mixtures");
    assertEquals(1.0, (double) ((Map<?, ?>) mixtures.get(0)).get("kept_fraction"), 0.0);
    assertEquals(MeanField.mixtureThreshold(3), (double) ((Map<?, ?>) ((List<?>) summary.get("mixture_thresholds")).get(0)).get("t_n_mean_field"), 0.0);
    assertTrue(text.toString(StandardCharsets.UTF_8).contains("T_M at alpha"));
    assertThrows(java.io.UncheckedIOException.class, () -> ThermodynamicsExperiment.runAndWrite(s, dir, false, System.out),
        "existing outputs are not replaced without force");
  }

  @Test
  void badSettingsAreNamedInOneLine() {
    assertEquals("hopfield.thermo.temperatures: 0.5 after 0.6 (expected ascending)", assertThrows(IllegalArgumentException.class,
        () -> new ThermodynamicsExperiment.Settings(100, List.of(1), List.of(0.6, 0.5), 4, 10, 0.2, 1, 1)).getMessage());
    assertEquals("hopfield.thermo.temperatures: -0.1 (expected a finite T ≥ 0)", assertThrows(IllegalArgumentException.class,
        () -> new ThermodynamicsExperiment.Settings(100, List.of(1), List.of(-0.1), 4, 10, 0.2, 1, 1)).getMessage());
    assertEquals("hopfield.thermo.patterns: 101 (expected 1 ≤ p ≤ n = 100)", assertThrows(IllegalArgumentException.class,
        () -> new ThermodynamicsExperiment.Settings(100, List.of(101), List.of(0.5), 4, 10, 0.2, 1, 1)).getMessage());
    assertEquals("hopfield.thermo.mixtures: 99 (expected 2 ≤ n_mix ≤ n − 2 = 98)", assertThrows(IllegalArgumentException.class,
        () -> new ThermodynamicsExperiment.Settings(100, List.of(1), List.of(0.5), 4, 10, 0.2, 1, 1, List.of(99), List.of(0.3))).getMessage());
  }

  @Test
  void theShippedConfigParses() {
    Config c = ConfigFactory.parseFile(new File("config/hopfield-thermo.conf")).resolve();
    var s = ThermodynamicsExperiment.Settings.fromConfig(c.getConfig("hopfield.thermo"));
    assertEquals(2000, s.n());
    assertEquals(List.of(1, 10, 40, 100), s.patterns());
    assertEquals(List.of(3, 5, 7), s.mixtures());
    assertTrue(s.actor() != null && s.patterns().containsAll(s.actor().patterns()), "actor points on networks of the batched grid");
  }
}
