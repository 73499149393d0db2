package io.glauber.bench;

import io.glauber.hopfield.HopfieldBatchRecall;
import io.glauber.hopfield.HopfieldStorage;
import io.glauber.hopfield.Patterns;
import io.glauber.hopfield.RecallResult;

import io.glauber.model.BoltzmannMachine;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Times {@link HopfieldBatchRecall#asynchronous}: {@code probes} probes (each a stored pattern with
 * a fraction {@code noise} of its bits flipped) of an N-unit Hebb network holding p random
 * patterns, split over {@code threads} threads. Settings: N, p, probes, noise, threads, repeats
 * (default 1000 100 10000 0.1 2 5); {@code bin/glauber bench hopfield} runs it.
 */
public final class HopfieldBenchmark {
  private HopfieldBenchmark() {}

  /**
   * The benchmark's settings.
   *
   * @param n units N
   * @param p stored patterns
   * @param probes probes recalled per timed run
   * @param noise fraction of bits flipped in each probe
   * @param threads recall threads
   * @param repeats timed runs (after two warm-up runs)
   */
  public record Settings(int n, int p, int probes, double noise, int threads, int repeats) {
    public Settings {
      if (n < 2 || p < 1 || probes < 1 || threads < 1 || repeats < 1 || !(noise >= 0 && noise <= 1)) {
        throw new IllegalArgumentException("hopfield benchmark N=" + n + " p=" + p + " probes=" + probes + " noise=" + noise
            + " threads=" + threads + " repeats=" + repeats + " (expected N ≥ 2, p, probes, threads, repeats ≥ 1, noise in [0,1])");
      }
    }
  }

  /**
   * Runs the benchmark; {@code log} receives one line per timed run. Returns the settings, the
   * median and minimum wall time, process CPU time, mean overlap and the BLAS backend.
   */
  public static java.util.Map<String, Object> run(Settings s, java.util.function.Consumer<String> log) {
    SplittableRandom rng = new SplittableRandom(2024);
    int[][] xi = Patterns.random(s.p(), s.n(), rng);
    BoltzmannMachine net = HopfieldStorage.hebb(xi);
    double[][] probes = new double[s.probes()][];
    for (int b = 0; b < s.probes(); b++) probes[b] = Patterns.corrupt(xi[b % s.p()], s.noise(), rng);
    HopfieldBatchRecall recall = new HopfieldBatchRecall(net, s.threads());

    for (int w = 0; w < 2; w++) recall.asynchronous(probes, 50, w); // warm-up: JIT and BLAS
    double[] seconds = new double[s.repeats()];
    double[] cpu = new double[s.repeats()];
    List<RecallResult> last = null;
    for (int r = 0; r < s.repeats(); r++) {
      long t0 = System.nanoTime();
      long c0 = Jvm.processCpuNanos();
      last = recall.asynchronous(probes, 50, 100 + r);
      seconds[r] = (System.nanoTime() - t0) / 1e9;
      cpu[r] = (Jvm.processCpuNanos() - c0) / 1e9;
      // CPU time shows what the run costs when other processes share the cores
      log.accept(String.format("run %d: %.3f s wall, %.3f s CPU (process), load average %.1f", r, seconds[r], cpu[r],
          Jvm.load()));
    }
    double overlap = 0;
    int maxSweeps = 0;
    for (int b = 0; b < s.probes(); b++) {
      overlap += Patterns.overlap(xi[b % s.p()], last.get(b).state());
      maxSweeps = Math.max(maxSweeps, last.get(b).sweeps());
    }
    double[] sorted = seconds.clone();
    Arrays.sort(sorted);
    java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
    out.put("benchmark", "hopfield-recall");
    out.put("n", s.n());
    out.put("patterns", s.p());
    out.put("probes", s.probes());
    out.put("noise", s.noise());
    out.put("threads", s.threads());
    out.put("median_s", sorted[s.repeats() / 2]);
    out.put("min_s", sorted[0]);
    out.put("cpu_s", cpu);
    out.put("mean_overlap", overlap / s.probes());
    out.put("max_sweeps", maxSweeps);
    out.put("load_average", Jvm.load());
    out.put("blas_backend", HopfieldBatchRecall.backend());
    return out;
  }
}
