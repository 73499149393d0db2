package io.glauber.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.glauber.hopfield.CapacityTheory;
import io.glauber.hopfield.ModernMemory.Kind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModernCapacityExperimentTest {
  @TempDir Path dir;

  @Test
  void theoryCurvesAtKnownValues() {
    assertEquals(0.138 * 64, CapacityTheory.classic(64), 1e-12);
    assertEquals(64 / (2 * Math.log(64)), CapacityTheory.power(2, 64), 1e-12, "n = 2: N / (2 ln N)");
    assertEquals(64.0 * 64 / (2 * 3 * Math.log(64)), CapacityTheory.power(3, 64), 1e-9, "(2n − 3)!! = 3 for n = 3");
    assertEquals(Math.pow(64, 3) / (2 * 15 * Math.log(64)), CapacityTheory.power(4, 64), 1e-6, "(2n − 3)!! = 5·3 = 15 for n = 4");
    assertEquals(0, CapacityTheory.rate(0), 0);
    assertEquals(Math.log(2), CapacityTheory.rate(1), 1e-15, "I(1) = ln 2: a pattern equals a random one with probability 2^−N");
    assertEquals(Math.exp(32 * CapacityTheory.rate(0.8)), CapacityTheory.exponential(64, 0.1), 1e-6);
    // the nearest-pattern bound at ρ = 0.1, half of the probes: the binomial sums evaluated independently
    // (exact rational arithmetic in Python): 33, 169, 813, 3972 for N = 8, 12, 16, 20
    assertEquals(33, CapacityTheory.nearestPattern(8, 0.1, 0.5));
    assertEquals(169, CapacityTheory.nearestPattern(12, 0.1, 0.5));
    assertEquals(813, CapacityTheory.nearestPattern(16, 0.1, 0.5));
    assertEquals(3972, CapacityTheory.nearestPattern(20, 0.1, 0.5));
    assertTrue(CapacityTheory.nearestPattern(64, 0.1, 0.5) > 1e10, "N = 64: far beyond N²/2");
  }

  @Test
  void aSmallGridWritesItsTableAndPlotAndOrdersTheMemories() throws Exception {
    var c = ConfigFactory.parseString("""
        memories = [
          {kind = softmax, beta = 2.0, sizes = [8, 12]}
          {kind = exponential, beta = 1.0, sizes = [8, 12]}
          {kind = power, power = 3, sizes = [8, 12]}
          {kind = power, power = 2, sizes = [8, 12]}
        ]
        corruption = 0.1, probes = 48, retrieved-fraction = 0.5, max-patterns = 4096, max-steps = 50, seed = 3, threads = 2
        """);
    ModernCapacityExperiment e = ModernCapacityExperiment.fromConfig(c);
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    Map<String, Object> summary = e.runAndWrite(dir, false, new PrintStream(text, true, "UTF-8"));
    assertTrue(Files.size(dir.resolve("modern-capacity.png")) > 1000);
    List<String> csv = Files.readAllLines(dir.resolve("modern-capacity.csv"));
    assertEquals(9, csv.size(), String.join("\n", csv));
    @SuppressWarnings("unchecked") List<Map<String, Object>> points = (List<Map<String, Object>>) summary.get("points");
    int softmax12 = (int) points.get(1).get("k_max"), classic12 = (int) points.get(7).get("k_max");
    // at N = 12 the softmax memory holds tens of patterns (bound 169) and the classic one a few (0.138 N ≈ 1.7)
    assertTrue(softmax12 > 10 * classic12, "softmax " + softmax12 + ", classic " + classic12);
    assertTrue(softmax12 <= CapacityTheory.nearestPattern(12, 0.1, 0.5) * 2, "softmax " + softmax12 + " far past the nearest-pattern bound");
    for (Map<String, Object> p : points) assertTrue((int) p.get("k_max") >= 1);
    assertTrue(text.toString("UTF-8").contains("K_max"), text.toString("UTF-8"));
    assertEquals(Kind.SOFTMAX, e.memories().get(0).kind());
  }
}
