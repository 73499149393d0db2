package io.glauber.hopfield;

import io.glauber.model.BoltzmannMachine;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Times {@link HopfieldBatchRecall#asynchronous}: {@code probes} probes (each a stored pattern with
 * a fraction {@code noise} of its bits flipped) of an N-unit Hebb network holding p random
 * patterns, split over {@code threads} threads. Arguments: [N p probes noise threads repeats]
 * (default 1000 100 10000 0.1 2 5). Prints one line per timed run and a summary line.
 */
public final class HopfieldBenchmark {
  private HopfieldBenchmark() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int p = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    int count = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
    double noise = args.length > 3 ? Double.parseDouble(args[3]) : 0.1;
    int threads = args.length > 4 ? Integer.parseInt(args[4]) : 2;
    int repeats = args.length > 5 ? Integer.parseInt(args[5]) : 5;

    SplittableRandom rng = new SplittableRandom(2024);
    int[][] xi = Patterns.random(p, n, rng);
    BoltzmannMachine net = HopfieldStorage.hebb(xi);
    double[][] probes = new double[count][];
    for (int b = 0; b < count; b++) probes[b] = Patterns.corrupt(xi[b % p], noise, rng);
    HopfieldBatchRecall recall = new HopfieldBatchRecall(net, threads);

    for (int w = 0; w < 2; w++) recall.asynchronous(probes, 50, w); // warm-up: JIT and BLAS
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    double[] seconds = new double[repeats];
    List<RecallResult> last = null;
    for (int r = 0; r < repeats; r++) {
      long t0 = System.nanoTime();
      long c0 = os.getProcessCpuTime();
      last = recall.asynchronous(probes, 50, 100 + r);
      seconds[r] = (System.nanoTime() - t0) / 1e9;
      // CPU time shows what the run costs when other processes share the cores
      System.out.printf("run %d: %.3f s wall, %.3f s CPU (process), load average %.1f%n", r, seconds[r],
          (os.getProcessCpuTime() - c0) / 1e9, os.getSystemLoadAverage());
    }
    double overlap = 0;
    int maxSweeps = 0;
    for (int b = 0; b < count; b++) {
      overlap += Patterns.overlap(xi[b % p], last.get(b).state());
      maxSweeps = Math.max(maxSweeps, last.get(b).sweeps());
    }
    double[] sorted = seconds.clone();
    Arrays.sort(sorted);
    System.out.printf(
        "N=%d p=%d probes=%d noise=%.2f threads=%d blas=%s: median %.3f s, min %.3f s; mean overlap %.4f, max sweeps %d%n",
        n, p, count, noise, threads, HopfieldBatchRecall.backend(), sorted[repeats / 2], sorted[0],
        overlap / count, maxSweeps);
  }
}
