package io.glauber.bench;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report of {@code bench gibbs} has the keys docs/BENCHMARKS.md quotes (no figure is asserted). */
class GibbsBenchTest {
  @Test
  void reportNamesTheRatesTheBaselineAndTheBound() {
    Map<String, Object> r = GibbsBench.run(new GibbsBench.Settings(8, 5, 0.05, 16, 1));
    for (String key : new String[] {"flips_per_ns", "sequential_flips_per_ns", "ratio_to_sequential", "chains", "threads", "vector_width", "backend",
        "flips_per_ns_range", "ratio_to_sequential_range", "cores_used", "rounds", "warmup_settled", "jit_ms_during", "gc_ms_during",
        "lookup_units", "state_mb", "heap_max_mb"}) {
      assertTrue(r.containsKey(key), key);
    }
    assertTrue((double) r.get("flips_per_ns") > 0);
    assertTrue((int) r.get("lookup_units") == 64, "the 8×8 torus's fields take five values: every unit looks p up");
    java.util.List<?> range = (java.util.List<?>) r.get("flips_per_ns_range");
    double median = (double) r.get("flips_per_ns");
    assertTrue((double) range.get(0) <= median && median <= (double) range.get(1), "the median lies within the windows' range");
    Map<?, ?> dense = (Map<?, ?>) r.get("dense");
    assertTrue(dense.containsKey("updates_per_ns") && dense.containsKey("fraction_of_bound"), dense.toString());
  }

  @Test
  void badSettingsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new GibbsBench.Settings(64, 0, 1, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> new GibbsBench.Settings(64, 8, 1, 1, 1));
  }
}
