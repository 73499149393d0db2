package io.glauber.bench;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The benchmark's plumbing on small settings (no timing is asserted: benchmarks are not tests). */
class RbmBenchTest {
  @Test
  void benchReportsThroughputBoundAndBackend() {
    BenchSettings s = new BenchSettings("patterns:random?n=64&count=1000", 64, 32, 50, 1, 0.2, null, "/usr/bin/python3", 100, 1);
    Map<String, Object> m = RbmBench.run(s);
    for (String key : new String[] {"samples_per_s", "bound_samples_per_s", "fraction_of_bound", "blas", "sgemm", "mflop_per_sample"}) {
      assertTrue(m.containsKey(key), key + " missing from " + m);
    }
    assertEquals(2.0 * 64 * 32 * 5 / 1e6, (double) m.get("mflop_per_sample"), 1e-12);
    assertTrue((double) m.get("samples_per_s") > 0);
  }

  @Test
  void peersScriptRunsAndReportsBothPeers() {
    assumeTrue(Files.exists(Path.of("/usr/bin/python3")) && Files.exists(Path.of(BenchSettings.FASHION_MNIST.substring(4, BenchSettings.FASHION_MNIST.indexOf('?')))));
    BenchSettings s = new BenchSettings(BenchSettings.FASHION_MNIST, 784, 50, 100, 1, 0.1, Path.of("bench/peers.py"), "/usr/bin/python3", 300, 1);
    Map<String, Object> peers = RbmBench.peers(s);
    assumeTrue(!String.valueOf(peers.get("error")).contains("cannot run"), "python3 missing");
    assertTrue(peers.get("numpy") instanceof Map<?, ?>, peers.toString());
    assertTrue(peers.get("sklearn") instanceof Map<?, ?>, peers.toString());
  }
}
