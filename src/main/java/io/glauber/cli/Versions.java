package io.glauber.cli;

import io.glauber.kernel.Blas;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;

/** Versions of this toolkit, the JVM and the libraries it runs on, and the BLAS backend. */
public final class Versions implements CommandLine.IVersionProvider {

  /** Name → version, for {@code info} and {@code --version}. */
  public static Map<String, Object> all() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("glauber", version(Versions.class, "0.1.0-SNAPSHOT"));
    m.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")");
    m.put("akka", akka.Version.current());
    m.put("ejml", version(org.ejml.data.DMatrixRMaj.class, "0.44.0"));
    m.put("netlib_blas", version(dev.ludovic.netlib.blas.BLAS.class, "3.0.3"));
    m.put("picocli", CommandLine.VERSION);
    m.put("blas_backend", Blas.backend());
    m.put("cores", Runtime.getRuntime().availableProcessors());
    m.put("max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
    m.put("collector", io.glauber.bench.ActorBench.collectors()); // bin/glauber picks the parallel one for actor commands
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    return m;
  }

  private static String version(Class<?> c, String fallback) {
    String v = c.getPackage() == null ? null : c.getPackage().getImplementationVersion();
    return v == null ? fallback : v;
  }

  @Override
  public String[] getVersion() {
    return all().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toArray(String[]::new);
  }
}
