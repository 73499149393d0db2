package io.glauber.bench;

import io.glauber.hopfield.HopfieldBatchRecall;
import io.glauber.hopfield.HopfieldStorage;
import io.glauber.hopfield.Patterns;
import io.glauber.hopfield.RecallResult;

import com.typesafe.config.Config;
import io.glauber.model.BoltzmannMachine;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Store random patterns with a chosen rule and recall them from corrupted probes (each bit flipped
 * with probability {@code corrupt}) by asynchronous T = 0 dynamics on the batched engine; reports
 * the mean final overlap with the target pattern and the fraction retrieved (overlap ≥ threshold).
 */
public final class RandomRecallExperiment {
  private RandomRecallExperiment() {}

  /**
   * @param n units N
   * @param count stored patterns p
   * @param rule hebb, storkey or pseudo-inverse
   * @param corrupt probability of flipping each probe bit
   * @param probesPerPattern probes per stored pattern
   * @param maxSweeps cap on sweeps
   * @param retrievalOverlap overlap counted as retrieved
   * @param seed root seed
   * @param threads recall threads
   */
  public record Settings(int n, int count, String rule, double corrupt, int probesPerPattern, int maxSweeps,
      double retrievalOverlap, long seed, int threads) {
    public Settings {
      if (n < 1) throw new IllegalArgumentException("n " + n + " (expected ≥ 1)");
      if (count < 1) throw new IllegalArgumentException("no patterns to store (p = " + count + ")");
      HopfieldStorage.checkRule(rule);
      if (!(corrupt >= 0 && corrupt <= 1)) throw new IllegalArgumentException("corrupt " + corrupt + " (expected in [0, 1])");
      if (probesPerPattern < 1) throw new IllegalArgumentException("probes-per-pattern " + probesPerPattern + " (expected ≥ 1)");
      if (maxSweeps < 1) throw new IllegalArgumentException("max-sweeps " + maxSweeps + " (expected ≥ 1)");
      if (threads < 1) throw new IllegalArgumentException("threads " + threads + " (expected ≥ 1)");
    }

    /** Reads {@code patterns.n, patterns.count, patterns.seed, rule, recall.*} (see config/hopfield-random.conf). */
    public static Settings fromConfig(Config c) {
      return new Settings(c.getInt("patterns.n"), c.getInt("patterns.count"), c.getString("rule"),
          c.getDouble("recall.corrupt"), c.getInt("recall.probes-per-pattern"), c.getInt("recall.max-sweeps"),
          c.getDouble("recall.retrieval-overlap"), c.getLong("patterns.seed"), c.getInt("recall.threads"));
    }
  }

  /**
   * @param patterns the stored patterns
   * @param network the stored network
   * @param meanOverlap mean final overlap with the target
   * @param retrievedFraction fraction of probes with overlap ≥ the threshold
   * @param meanSweeps mean sweeps to convergence
   */
  public record Result(int[][] patterns, BoltzmannMachine network, double meanOverlap, double retrievedFraction, double meanSweeps) {}

  /** Runs the experiment. */
  public static Result run(Settings s) {
    SplittableRandom rng = new SplittableRandom(s.seed());
    int[][] xi = Patterns.random(s.count(), s.n(), rng);
    BoltzmannMachine net = HopfieldStorage.store(s.rule(), xi);
    int total = s.count() * s.probesPerPattern();
    double[][] probes = new double[total][];
    for (int b = 0; b < total; b++) probes[b] = Patterns.corrupt(xi[b % s.count()], s.corrupt(), rng);
    List<RecallResult> out = new HopfieldBatchRecall(net, s.threads()).asynchronous(probes, s.maxSweeps(), rng.nextLong());
    double overlap = 0, sweeps = 0;
    int retrieved = 0;
    for (int b = 0; b < total; b++) {
      double m = Patterns.overlap(xi[b % s.count()], out.get(b).state());
      overlap += m;
      sweeps += out.get(b).sweeps();
      if (m >= s.retrievalOverlap()) retrieved++;
    }
    return new Result(xi, net, overlap / total, retrieved / (double) total, sweeps / total);
  }
}
