package io.glauber.bench.jmh;

import io.glauber.kernel.Blas;
import io.glauber.kernel.FastMath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Runs this package's JMH benchmarks with JMH's own command line ({@code org.openjdk.jmh.Main}):
 * {@code bin/glauber bench jmh [JMH options] [benchmark regex]}, e.g. {@code -wi 3 -i 5 -f 2
 * Elementwise}; {@code -h} lists the options, {@code -l} the benchmarks. JMH forks a fresh JVM per
 * benchmark with this JVM's flags and class path (so the Vector API module and
 * {@code OPENBLAS_NUM_THREADS} of {@code bin/glauber} carry over), and finds the benchmarks in the
 * {@code META-INF/BenchmarkList} that its annotation processor writes into the jar.
 */
public final class KernelBenchmarks {
  private KernelBenchmarks() {}

  /** Held so that the level set on it survives garbage collection of the logger. */
  private static final java.util.logging.Logger NETLIB_LOG = java.util.logging.Logger.getLogger("dev.ludovic.netlib");

  /** Runs JMH with {@code args}; JMH itself ends the JVM with exit code 1 when it cannot run them. */
  public static void run(List<String> args) {
    try {
      org.openjdk.jmh.Main.main(args.toArray(String[]::new));
    } catch (IOException e) {
      throw new UncheckedIOException("JMH could not write its output: " + e.getMessage(), e);
    }
  }

  /**
   * Prints, into the fork's output that JMH shows with each benchmark, which BLAS backend and which
   * elementwise path ran: a result means little without them.
   */
  static void printBackends() {
    // as the command line does: netlib logs each backend it could not load; the line below names the one in use
    NETLIB_LOG.setLevel(java.util.logging.Level.SEVERE);
    System.out.println("BLAS: " + Blas.backend() + "; elementwise kernels: " + (FastMath.vectorized() ? "Vector API" : "scalar Java"));
  }
}
