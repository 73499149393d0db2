package io.glauber.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * What the benchmarks read about the JVM and the machine around a measurement: the compiler's and
 * the collectors' clocks, the process's CPU time and the load average. On a machine shared with
 * other work these say whether a figure was taken while the JIT, the collector or other processes
 * were busy.
 */
final class Jvm {
  private Jvm() {}

  /** The system load average over the last minute (negative where the platform has none). */
  static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  /** Wall seconds per call of {@code step}, called repeatedly for about {@code budget} seconds (warm it up first). */
  static double secondsPerCall(Runnable step, double budget) {
    long calls = 0;
    long t0 = System.nanoTime();
    long end = t0 + (long) (budget * 1e9);
    long now;
    do {
      step.run();
      calls++;
    } while ((now = System.nanoTime()) < end);
    return (now - t0) / 1e9 / calls;
  }

  /** Milliseconds the JIT compilers have worked over the JVM's life (0 where it is not monitored). */
  static long jitMillis() {
    var c = ManagementFactory.getCompilationMXBean();
    return c != null && c.isCompilationTimeMonitoringSupported() ? c.getTotalCompilationTime() : 0;
  }

  /** Time the collectors report over the JVM's life (for G1 and Parallel: their pauses), in ms. */
  static long gcMillis() {
    long ms = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) ms += Math.max(0, gc.getCollectionTime());
    return ms;
  }

  /**
   * CPU time of the whole process (every thread, the JIT and the collector included), or −1 where
   * the platform does not report it: on a machine shared with other work, CPU time per unit of work
   * moves far less than wall-clock rates do.
   */
  static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
  }

  /** The JVM's collectors, e.g. "G1 Young Generation+G1 Old Generation". */
  static String collectors() {
    StringBuilder sb = new StringBuilder();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) sb.append(sb.length() > 0 ? "+" : "").append(gc.getName());
    return sb.toString();
  }
}
