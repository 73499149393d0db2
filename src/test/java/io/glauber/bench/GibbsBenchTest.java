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
    for (String key : new String[] {"flips_per_ns", "sequential_flips_per_ns", "ratio_to_sequential", "chains", "threads", "vector_width", "backend"}) {
      assertTrue(r.containsKey(key), key);
    }
    assertTrue((double) r.get("flips_per_ns") > 0);
    Map<?, ?> dense = (Map<?, ?>) r.get("dense");
    assertTrue(dense.containsKey("updates_per_ns") && dense.containsKey("fraction_of_bound"), dense.toString());
  }

  @Test
  void badSettingsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new GibbsBench.Settings(64, 0, 1, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> new GibbsBench.Settings(64, 8, 1, 1, 1));
  }
}
