package io.glauber.evaluate;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.glauber.data.DataSpecs;
import io.glauber.data.Dataset;
import io.glauber.learn.PhaseSampler;
import io.glauber.learn.StartingMachine;
import io.glauber.learn.TwoPhaseLearning;
import io.glauber.learn.TwoPhaseSettings;
import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Topology;
import io.glauber.model.Units;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The encoder experiment of Ackley, Hinton and Sejnowski (1985): {@code runs} machines, each from
 * its own seed, learn the N-M-N encoder by the two-phase algorithm ({@link TwoPhaseLearning}) on an
 * engine ({@link PhaseSampler.Factory}) until {@link EncoderCheck} finds the problem solved or
 * {@code maxCycles} cycles have passed. Reports the success rate and, over the successful runs, the
 * median and largest number of learning cycles to the first solved check (the paper's measures).
 * What counts as solved is the {@link Criterion}: the paper's (every code distinct: "the median
 * time required to discover four different codes was 110 learning cycles", Ackley et al. 1985,
 * p. 160) or ours (every code distinct and every output recalled from the input alone).
 *
 * <p>HOCON: {@code data = "encoder:N-M-N"} (the N patterns; M must equal {@code model.hidden}),
 * the {@code model} section of {@link StartingMachine} (its topology), the {@code learning} section
 * of {@link TwoPhaseSettings}, and
 *
 * <pre>
 * runs = 250               # independent runs (seeds split from seed)
 * encoder {
 *   max-cycles = 5000      # a run that has not solved the problem by then fails
 *   criterion = recall     # codes (the paper's: N distinct codes) | recall (codes and every output recalled) | weight-signs
 *   parallel = 2           # runs at once (each on one thread)
 * }
 * </pre>
 *
 * @param outer N, units per visible group
 * @param patterns the N training vectors (2N visible values each)
 * @param topology the graph
 * @param initStd standard deviation of the initial weights
 * @param settings the algorithm's settings
 * @param runs independent runs ≥ 1
 * @param maxCycles cycles before a run counts as failed, ≥ 1
 * @param parallel runs at once ≥ 1
 * @param criterion what counts as solved
 */
public record EncoderExperiment(
    int outer, double[][] patterns, Topology topology, double initStd, TwoPhaseSettings settings, int runs, long maxCycles, int parallel,
    Criterion criterion) {

  /** What counts as solving the encoder, judged by {@link EncoderCheck} after every cycle. */
  public enum Criterion {
    /** The paper's: the N hidden codes are distinct. */
    CODES,
    /** Ours, stricter: the N codes distinct and every pattern's output recalled from its input alone. */
    RECALL,
    /** The N sign patterns of the weights from V1 to H distinct (the paper's Fig. 3b reading of a code). */
    WEIGHT_SIGNS,
    /** The N codes distinct and no two a single bit apart (the paper's 4-3-4 measure, "well-spaced codes"). */
    SPACED_CODES,
    /** Ours and the paper's 4-3-4 measure together: every output recalled and the codes well spaced. */
    RECALL_SPACED;

    /** Whether {@code check} meets this criterion. */
    public boolean met(EncoderCheck check) {
      return switch (this) {
        case CODES -> check.codesDistinct();
        case RECALL -> check.solved();
        case WEIGHT_SIGNS -> check.weightCodesDistinct();
        case SPACED_CODES -> check.codesSpaced();
        case RECALL_SPACED -> check.solved() && check.codesSpaced();
      };
    }

    /** The criterion named {@code name} (codes, recall, weight-signs, spaced-codes or recall-spaced), or a one-line error. */
    public static Criterion parse(String name) {
      for (Criterion c : values()) if (c.name().replace('_', '-').equalsIgnoreCase(name)) return c;
      throw new IllegalArgumentException("encoder.criterion = " + name + " (expected codes, recall, weight-signs, spaced-codes or recall-spaced)");
    }
  }

  public EncoderExperiment {
    if (criterion == null) throw new IllegalArgumentException("encoder.criterion missing (expected codes, recall, weight-signs, spaced-codes or recall-spaced)");
    if (runs < 1) throw new IllegalArgumentException("runs = " + runs + " (expected ≥ 1)");
    if (maxCycles < 1) throw new IllegalArgumentException("encoder.max-cycles = " + maxCycles + " (expected ≥ 1)");
    if (parallel < 1) throw new IllegalArgumentException("encoder.parallel = " + parallel + " (expected ≥ 1)");
    if (patterns.length != outer || topology.size() <= 2 * outer) {
      throw new IllegalArgumentException("encoder of " + patterns.length + " patterns on " + topology.size() + " units (expected N = " + outer
          + " patterns and hidden units beyond the 2N visible ones)");
    }
  }

  /**
   * One run: its seed, whether it solved the problem (by the experiment's criterion), after how
   * many cycles, the first cycle at which the N codes were distinct (−1: never), the most distinct
   * codes seen at any cycle's check (the paper's failed 8-3-8 runs "found 7 codes": a count it may
   * have reached before the end, where {@code check} is the last check), the first cycle at which
   * the N codes with V1 and V2 clamped were distinct ({@link EncoderCheck#clampedCodes}; −1: never,
   * or not before the run stopped), the first cycle at which the codes were distinct and well
   * spaced ({@link EncoderCheck#codesSpaced}; −1: never, or not before the run stopped), the first
   * cycle with N − 1 distinct codes (the paper's 8-3-8 also gives "the median time to find 7 codes";
   * −1: never), and the last check.
   */
  public record Run(int index, long seed, boolean solved, long cycles, long codesCycles, int bestCodes, long clampedCodesCycles,
      long spacedCodesCycles, long nearCodesCycles, EncoderCheck check, double seconds) {
    /** The run as a JSON-ready map. */
    public Map<String, Object> fields() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("run", index);
      m.put("seed", seed);
      m.put("solved", solved);
      m.put("cycles", cycles);
      m.put("codes_cycles", codesCycles);
      m.put("recalled", check.recalled());
      m.put("distinct_codes", check.distinctCodes());
      m.put("best_codes", bestCodes);
      m.put("clamped_codes_cycles", clampedCodesCycles);
      m.put("spaced_codes_cycles", spacedCodesCycles);
      m.put("near_codes_cycles", nearCodesCycles);
      m.put("code_distance", check.codeDistance());
      m.put("weight_codes", check.weightCodes());
      m.put("seconds", seconds);
      return m;
    }
  }

  /**
   * The experiment's outcome.
   *
   * @param engine the engine's name
   * @param criterion what counted as solved
   * @param runs every run, in index order
   * @param seconds wall-clock time of the whole experiment
   */
  public record Result(String engine, Criterion criterion, List<Run> runs, double seconds) {
    /** Solved runs / runs. */
    public double successRate() {
      return (double) solved().length / runs.size();
    }

    private long[] solved() {
      return runs.stream().filter(Run::solved).mapToLong(Run::cycles).sorted().toArray();
    }

    /** The median cycles to solution over the solved runs (NaN when none solved). */
    public double medianCycles() {
      return median(solved());
    }

    /** The most cycles a solved run took (0 when none solved). */
    public long maxCycles() {
      long[] c = solved();
      return c.length == 0 ? 0 : c[c.length - 1];
    }

    /**
     * The first cycles with N distinct codes (the paper's measure) of the runs that reached them
     * before they stopped, sorted. Under the codes criterion these are the solved runs' cycles; under
     * a stricter one (recall), whose runs follow the same draws up to there, the same figures.
     */
    private long[] codes() {
      return runs.stream().mapToLong(Run::codesCycles).filter(c -> c > 0).sorted().toArray();
    }

    /**
     * The percentage of the runs solved by each learning cycle, by the configured criterion and by N
     * distinct codes (the paper's 4-2-4 and 8-3-8 measure; one curve when the criterion is that):
     * name → {cycles, percentage}, read at 80 cycles spaced evenly on a log scale from 1 to {@code
     * lastCycle} (the runs' cycle limit), for a plot with a logarithmic cycle axis.
     */
    public Map<String, double[][]> solvedByCycle(long lastCycle) {
      Map<String, double[][]> m = new LinkedHashMap<>();
      m.put("N distinct codes", percentages(codes(), lastCycle));
      if (criterion != Criterion.CODES) {
        m.put(criterion.name().toLowerCase(Locale.ROOT).replace('_', '-') + " (this run's criterion)", percentages(solved(), lastCycle));
      }
      return m;
    }

    private double[][] percentages(long[] sorted, long lastCycle) {
      int points = 80;
      double[][] xy = new double[2][points];
      for (int k = 0, reached = 0; k < points; k++) {
        double cycle = Math.exp(Math.log(Math.max(lastCycle, 2)) * k / (points - 1));
        while (reached < sorted.length && sorted[reached] <= cycle) reached++;
        xy[0][k] = cycle;
        xy[1][k] = 100.0 * reached / runs.size();
      }
      return xy;
    }

    private static double median(long[] sorted) {
      if (sorted.length == 0) return Double.NaN;
      int h = sorted.length / 2;
      return sorted.length % 2 == 1 ? sorted[h] : (sorted[h - 1] + sorted[h]) / 2.0;
    }

    /**
     * The summary printed by {@code train --json}: success_rate, median_cycles, max_cycles, runs,
     * engine, criterion, and the paper's measure beside ours: codes_success_rate and
     * codes_median_cycles (runs that found N distinct codes, and the median of their first such
     * cycle), then seconds.
     */
    public Map<String, Object> summary() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("success_rate", successRate());
      m.put("median_cycles", Double.isNaN(medianCycles()) ? null : medianCycles());
      m.put("max_cycles", maxCycles());
      m.put("runs", runs.size());
      m.put("engine", engine);
      m.put("criterion", criterion.name().toLowerCase(Locale.ROOT).replace('_', '-'));
      long[] codes = codes();
      m.put("codes_success_rate", (double) codes.length / runs.size());
      m.put("codes_median_cycles", codes.length == 0 ? null : median(codes));
      m.put("seconds", seconds);
      return m;
    }

    /** One line for people. */
    public String describe() {
      return String.format(Locale.ROOT, "%d of %d runs solved the encoder (criterion %s) on engine %s (success rate %.3f); cycles to solution: median %s, max %d; %.1f s",
          solved().length, runs.size(), criterion.name().toLowerCase(Locale.ROOT), engine, successRate(), Double.isNaN(medianCycles()) ? "-" : String.valueOf(medianCycles()), maxCycles(), seconds);
    }
  }

  /** The experiment of a configuration (see the class comment), with its learning settings. */
  public static EncoderExperiment from(Config c, TwoPhaseSettings settings) {
    try {
      String spec = c.getString("data");
      if (!spec.startsWith("encoder:")) throw new IllegalArgumentException("config: data = " + spec + " (expected encoder:N-M-N)");
      Dataset d = DataSpecs.load(spec);
      int outer = d.cols() / 2;
      int hidden = c.getInt("model.hidden");
      int m = Integer.parseInt(spec.substring(spec.indexOf('-') + 1, spec.lastIndexOf('-')).trim());
      if (m != hidden) throw new IllegalArgumentException("config: data = " + spec + " but model.hidden = " + hidden + " (expected M = model.hidden)");
      Topology topology = StartingMachine.topology(c, d.cols());
      double std = c.hasPath("model.init-std") ? c.getDouble("model.init-std") : 0.0;
      int runs = c.hasPath("runs") ? c.getInt("runs") : 1;
      long max = c.hasPath("encoder.max-cycles") ? c.getLong("encoder.max-cycles") : 5000;
      int parallel = c.hasPath("encoder.parallel") ? c.getInt("encoder.parallel") : Runtime.getRuntime().availableProcessors();
      Criterion criterion = Criterion.parse(c.hasPath("encoder.criterion") ? c.getString("encoder.criterion") : "recall");
      return new EncoderExperiment(outer, d.rowsAsDouble(), topology, std, settings, runs, max, parallel, criterion);
    } catch (ConfigException e) {
      throw new IllegalArgumentException("config: " + e.getMessage());
    }
  }

  /** Runs every run on the engine of {@code factory}; run i's seed is the i-th split of {@code seed}. */
  public Result run(PhaseSampler.Factory factory, String engine, long seed) {
    long t0 = System.nanoTime();
    SplittableRandom root = new SplittableRandom(seed);
    long[] seeds = new long[runs];
    for (int i = 0; i < runs; i++) seeds[i] = root.split().nextLong();
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, runs), r -> {
      Thread t = new Thread(r, "encoder-run");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<Run>> futures = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        int index = i;
        futures.add(pool.submit(() -> run(factory, index, seeds[index])));
      }
      List<Run> done = new ArrayList<>();
      for (Future<Run> f : futures) done.add(f.get());
      return new Result(engine, criterion, done, (System.nanoTime() - t0) / 1e9);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("encoder experiment interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      throw new IllegalStateException("encoder run failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** One run from its seed: initial weights, then the sampler's seed. */
  public Run run(PhaseSampler.Factory factory, int index, long seed) {
    long t0 = System.nanoTime();
    SplittableRandom random = new SplittableRandom(seed);
    BoltzmannMachine initial = topology.machine(Units.BINARY, 2 * outer, settings.temperature(), initStd, random);
    try (PhaseSampler sampler = factory.create(initial, settings, random.nextLong())) {
      TwoPhaseLearning learning = new TwoPhaseLearning(initial, settings, sampler);
      EncoderCheck check = EncoderCheck.of(learning.model(), outer);
      long codes = -1;
      int best = check.distinctCodes();
      long clampedCodes = -1;
      long spaced = -1;
      long near = -1;
      while (learning.cycles() < maxCycles) {
        check = EncoderCheck.of(learning.cycle(patterns).model(), outer);
        best = Math.max(best, check.distinctCodes());
        if (codes < 0 && check.codesDistinct()) codes = learning.cycles();
        if (clampedCodes < 0 && check.clampedCodes() == outer) clampedCodes = learning.cycles();
        if (spaced < 0 && check.codesSpaced()) spaced = learning.cycles();
        if (near < 0 && check.distinctCodes() >= outer - 1) near = learning.cycles();
        if (criterion.met(check)) break;
      }
      return new Run(index, seed, criterion.met(check), learning.cycles(), codes, best, clampedCodes, spaced, near, check, (System.nanoTime() - t0) / 1e9);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EncoderExperiment e && e.outer == outer && Arrays.deepEquals(e.patterns, patterns) && e.topology.equals(topology)
        && e.initStd == initStd && e.settings.equals(settings) && e.runs == runs && e.maxCycles == maxCycles && e.parallel == parallel
        && e.criterion == criterion;
  }

  @Override
  public int hashCode() {
    return Arrays.deepHashCode(patterns) * 31 + topology.hashCode();
  }
}
