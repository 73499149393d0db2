package io.glauber.bench;

import io.glauber.hopfield.HopfieldBatchRecall;
import io.glauber.hopfield.HopfieldStorage;
import io.glauber.hopfield.Patterns;
import io.glauber.hopfield.RecallResult;

import com.typesafe.config.Config;
import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Schedule;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Spurious states (seed 003; Amit, Gutfreund and Sompolinsky 1985): from random starts at T = 0 a
 * Hebb network often ends in a mixture state, e.g. the symmetric 3-mixture σ = sgn(±ξ¹ ± ξ² ± ξ³)
 * with |m_μ| = ½ on three patterns; such states are stable only below T_3 ≈ 0.461 T_c, so
 * annealing from near T_c = 1 down slowly lets the network leave them for a retrieval state.
 *
 * <p>Classification of a final state by its overlaps: retrieval if some |m_μ| ≥ 0.9; 3-mixture if
 * exactly three |m_μ| lie in [0.35, 0.65] and all others are below 0.2; otherwise other (higher
 * mixtures, spin-glass states).
 */
public final class SpuriousStatesExperiment {
  private SpuriousStatesExperiment() {}

  /**
   * @param n units N
   * @param patterns stored random patterns p
   * @param starts random starting states
   * @param schedule the annealing schedule ("sweeps@T, ..."), followed by a T = 0 quench
   * @param maxSweeps cap on T = 0 sweeps
   * @param seed root seed
   * @param threads recall threads
   */
  public record Settings(int n, int patterns, int starts, String schedule, int maxSweeps, long seed, int threads) {
    public Settings {
      if (n < 2) throw new IllegalArgumentException("n " + n + " (expected ≥ 2)");
      if (patterns < 3) throw new IllegalArgumentException("patterns " + patterns + " (expected ≥ 3 for 3-mixtures)");
      if (starts < 1) throw new IllegalArgumentException("starts " + starts + " (expected ≥ 1)");
      if (maxSweeps < 1) throw new IllegalArgumentException("max-sweeps " + maxSweeps + " (expected ≥ 1)");
      if (threads < 1) throw new IllegalArgumentException("threads " + threads + " (expected ≥ 1)");
      Schedule.parse(schedule);
    }

    /** Reads n, patterns, starts, schedule, max-sweeps, seed, threads. */
    public static Settings fromConfig(Config c) {
      return new Settings(c.getInt("n"), c.getInt("patterns"), c.getInt("starts"), c.getString("schedule"),
          c.getInt("max-sweeps"), c.getLong("seed"), c.getInt("threads"));
    }
  }

  /** Final-state classes and their counts. */
  public enum Kind { RETRIEVAL, MIXTURE3, OTHER }

  /** Counts of final states by kind. */
  public record Counts(int retrieval, int mixture3, int other) {
    public int total() {
      return retrieval + mixture3 + other;
    }

    public double mixture3Fraction() {
      return mixture3 / (double) total();
    }

    public double retrievalFraction() {
      return retrieval / (double) total();
    }
  }

  /** The T = 0 quench and the annealed runs from the same random starts. */
  public record Result(Counts quench, Counts anneal) {}

  /** Runs both protocols on the same network and starts. */
  public static Result run(Settings s) {
    SplittableRandom rng = new SplittableRandom(s.seed());
    int[][] xi = Patterns.random(s.patterns(), s.n(), rng);
    BoltzmannMachine net = HopfieldStorage.hebb(xi);
    double[][] starts = new double[s.starts()][];
    for (int b = 0; b < starts.length; b++) starts[b] = Patterns.randomState(s.n(), rng);
    HopfieldBatchRecall recall = new HopfieldBatchRecall(net, s.threads());
    List<RecallResult> quench = recall.asynchronous(starts, s.maxSweeps(), rng.nextLong());
    List<RecallResult> anneal = recall.anneal(starts, Schedule.parse(s.schedule()), s.maxSweeps(), rng.nextLong());
    return new Result(count(xi, quench), count(xi, anneal));
  }

  /** The kind of a state given its overlaps with the stored patterns. */
  public static Kind classify(double[] overlaps) {
    int mid = 0, high = 0, low = 0;
    for (double m : overlaps) {
      double a = Math.abs(m);
      if (a >= 0.9) high++;
      else if (a >= 0.35 && a <= 0.65) mid++;
      else if (a < 0.2) low++;
    }
    if (high > 0) return Kind.RETRIEVAL;
    if (mid == 3 && low == overlaps.length - 3) return Kind.MIXTURE3;
    return Kind.OTHER;
  }

  private static Counts count(int[][] xi, List<RecallResult> results) {
    int[] c = new int[3];
    for (RecallResult r : results) c[classify(r.overlaps(xi)).ordinal()]++;
    return new Counts(c[0], c[1], c[2]);
  }
}
