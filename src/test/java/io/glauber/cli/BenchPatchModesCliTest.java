package io.glauber.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code bench actor --granularity patch --mode …}: one row per mode, exclusive patches with and without delay counted like async ones. */
class BenchPatchModesCliTest {
  @Test
  void everyModeOnPatchesGivesARow() throws Exception {
    CliTest.Run r = CliTest.run("bench", "actor", "--side", "8", "--granularity", "patch", "--patch-size", "16", "--mode", "exact,exclusive,async",
        "--delay-us", "200", "--warmup-s", "0", "--measure-s", "1", "--json");
    assertEquals(0, r.code(), r.err());
    String[] lines = r.out().strip().split("\n");
    assertEquals(3, lines.length, r.out());
    String[] modes = {"exact", "exclusive", "async"};
    for (int k = 0; k < 3; k++) {
      JsonNode row = new ObjectMapper().readTree(lines[k]);
      assertEquals(modes[k], row.get("mode").asText(), lines[k]);
      assertEquals(200.0, row.get("delay_us").asDouble(), lines[k]);
      assertTrue(row.get("updates_per_s").asDouble() > 0, lines[k]);
      // exact mode on patches keeps no counters: its informed updates are not counted
      if (k == 0) assertTrue(row.get("informed_updates_per_s").isNull(), lines[k]);
      else assertTrue(row.get("informed_updates_per_s").asDouble() > 0, lines[k]);
    }
  }
}
