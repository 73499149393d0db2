package io.glauber.bench;

import com.typesafe.config.Config;
import io.glauber.engine.actor.Mode;
import io.glauber.hopfield.CapacityTheory;
import io.glauber.hopfield.ModernMemory;
import io.glauber.hopfield.ModernRecall;
import io.glauber.hopfield.Patterns;
import io.glauber.hopfield.RecallProbes;
import io.glauber.hopfield.RecallSettings;
import io.glauber.hopfield.RecallSettings.Engine;
import io.glauber.hopfield.RecallSettings.Update;
import io.glauber.io.AtomicFiles;
import io.glauber.io.Json;
import io.glauber.io.Plots;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Capacity against N of the modern memories (issue 18, the {@code hopfield.modern-capacity} block
 * of config/hopfield-modern.conf): for each memory (softmax, exponential, F(x) = xⁿ; n = 2 is the
 * classic network) and each N, K_max(N) is the largest number of random ±1 patterns at which at
 * least {@code retrievedFraction} of the probes — stored patterns with each bit flipped with
 * probability {@code corruption} — end within overlap {@link RecallSettings#DEFAULT_RETRIEVAL_OVERLAP}
 * of their pattern, on the batch engine (softmax: the synchronous update; the others: asynchronous
 * T = 0). K is found by doubling and then bisection to 2% ({@link DenseCapacityExperiment#largestHolding}),
 * with fresh patterns and probes for every K tried, up to {@code maxPatterns}. Beside it, the theory
 * of {@link CapacityTheory}. Outputs: {@code modern-capacity.csv}, {@code modern-capacity.png}.
 *
 * @param memories the memories, each with its sizes
 * @param corruption ρ, in [0, ½)
 * @param probes probes per K tried, probe j made from pattern j mod K
 * @param retrievedFraction the fraction of probes that must be retrieved, in (0, 1]
 * @param maxPatterns the largest K tried (a K_max equal to it means "at least")
 * @param maxSteps cap on the updates or sweeps of a probe
 * @param seed root seed
 * @param threads recall threads
 */
public record ModernCapacityExperiment(List<Memory> memories, double corruption, int probes, double retrievedFraction, int maxPatterns,
    int maxSteps, long seed, int threads) {

  /**
   * The bisection on K stops when its bracket is within 2% of K: finer than the run-to-run spread of
   * K_max from a finite number of probes (the retrieved fraction falls slowly with K), and it saves
   * a third of the tries at large K.
   */
  static final double RESOLUTION = 0.02;

  /** The files a run writes. */
  public static final List<String> FILES = List.of("modern-capacity.csv", "modern-capacity.png");

  /**
   * One memory of the comparison.
   *
   * @param kind its energy
   * @param parameter β (softmax, exponential) or n (power)
   * @param sizes the N to measure, ascending
   */
  public record Memory(ModernMemory.Kind kind, double parameter, List<Integer> sizes) {
    public Memory {
      ModernMemory.of(kind, new int[][] {{1}}, parameter);
      if (sizes == null || sizes.isEmpty()) throw new IllegalArgumentException("hopfield.modern-capacity: a memory without sizes");
      for (int n : sizes) if (n < 2) throw new IllegalArgumentException("hopfield.modern-capacity: size " + n + " (expected N ≥ 2)");
      sizes = List.copyOf(sizes);
    }

    /** "softmax β = 1", "exponential β = 1", "power n = 3". */
    public String label() {
      return kind == ModernMemory.Kind.POWER ? (parameter == 2 ? "classic (xⁿ, n = 2)" : "xⁿ, n = " + (int) parameter) : kind + " β = " + parameter;
    }
  }

  public ModernCapacityExperiment {
    if (memories == null || memories.isEmpty()) throw new IllegalArgumentException("hopfield.modern-capacity.memories empty (expected at least one)");
    memories = List.copyOf(memories);
    if (!(corruption >= 0 && corruption < 0.5)) throw new IllegalArgumentException("hopfield.modern-capacity.corruption " + corruption + " (expected in [0, 0.5))");
    if (probes < 1) throw new IllegalArgumentException("hopfield.modern-capacity.probes " + probes + " (expected ≥ 1)");
    if (!(retrievedFraction > 0 && retrievedFraction <= 1)) {
      throw new IllegalArgumentException("hopfield.modern-capacity.retrieved-fraction " + retrievedFraction + " (expected in (0, 1])");
    }
    if (maxPatterns < 2) throw new IllegalArgumentException("hopfield.modern-capacity.max-patterns " + maxPatterns + " (expected ≥ 2)");
    if (maxSteps < 1) throw new IllegalArgumentException("hopfield.modern-capacity.max-steps " + maxSteps + " (expected ≥ 1)");
    if (threads < 1) throw new IllegalArgumentException("hopfield.modern-capacity.threads " + threads + " (expected ≥ 1)");
  }

  /** Reads memories (a list of {kind, beta | power, sizes}), corruption, probes, retrieved-fraction, max-patterns, max-steps, seed, threads. */
  public static ModernCapacityExperiment fromConfig(Config c) {
    List<Memory> ms = new ArrayList<>();
    for (Config m : c.getConfigList("memories")) {
      ModernMemory.Kind kind = ModernMemory.Kind.parse(m.getString("kind"));
      String key = kind == ModernMemory.Kind.POWER ? "power" : "beta";
      if (!m.hasPath(key)) throw new IllegalArgumentException("hopfield.modern-capacity: a " + kind + " memory without " + key);
      ms.add(new Memory(kind, m.getDouble(key), m.getIntList("sizes")));
    }
    return new ModernCapacityExperiment(ms, c.getDouble("corruption"), c.getInt("probes"), c.getDouble("retrieved-fraction"),
        c.getInt("max-patterns"), c.getInt("max-steps"), c.getLong("seed"), c.getInt("threads"));
  }

  /** K_max of one memory at one N, with the theory for it (NaN where there is none). */
  public record Point(Memory memory, int n, int kMax, boolean capped, double theory) {}

  /** The points, memory by memory, and the run time. */
  public record Result(ModernCapacityExperiment settings, List<Point> points, double seconds) {}

  /** Runs every memory at every size. */
  public Result run() {
    return run(new PrintStream(java.io.OutputStream.nullOutputStream()));
  }

  /** Runs every memory at every size, a line on {@code progress} as each K_max is found. */
  public Result run(PrintStream progress) {
    long t0 = System.nanoTime();
    SplittableRandom root = new SplittableRandom(seed);
    List<Point> points = new ArrayList<>();
    for (Memory m : memories) {
      for (int n : m.sizes()) {
        SplittableRandom rng = root.split();
        int k = DenseCapacityExperiment.largestHolding(kk -> retrieved(m, n, kk, rng.split()) >= retrievedFraction, maxPatterns, RESOLUTION);
        points.add(new Point(m, n, k, k >= maxPatterns, theory(m, n)));
        progress.printf("  %s, N = %d: K_max = %d (%.0f s)%n", m.label(), n, k, (System.nanoTime() - t0) / 1e9);
      }
    }
    return new Result(this, List.copyOf(points), (System.nanoTime() - t0) / 1e9);
  }

  /** The fraction of {@code probes} corrupted probes retrieved in a memory of K fresh random patterns. */
  double retrieved(Memory m, int n, int k, SplittableRandom rng) {
    int[][] xi = Patterns.random(k, n, rng);
    ModernMemory memory = ModernMemory.of(m.kind(), xi, m.parameter());
    double[][] states = new double[probes][];
    int[] targets = new int[probes];
    for (int j = 0; j < probes; j++) {
      targets[j] = j % k;
      states[j] = Patterns.corrupt(xi[targets[j]], corruption, rng);
    }
    Update u = m.kind() == ModernMemory.Kind.SOFTMAX ? Update.SYNC : Update.ASYNC;
    RecallSettings rs = new RecallSettings(u, Engine.BATCH, Mode.EXACT, 0, null, maxSteps, threads, rng.nextLong(),
        RecallSettings.DEFAULT_RETRIEVAL_OVERLAP);
    List<io.glauber.hopfield.RecallResult> out = ModernRecall.relax(memory, new RecallProbes(states, targets), rs);
    int retrieved = 0;
    for (int j = 0; j < probes; j++) if (Patterns.overlap(xi[targets[j]], out.get(j).state()) >= rs.retrievalOverlap()) retrieved++;
    return retrieved / (double) probes;
  }

  /** The theory drawn beside a memory: 0.138N (n = 2), N^{n−1}/(2(2n−3)!! ln N), or the nearest-pattern bound. */
  public double theory(Memory m, int n) {
    if (m.kind() != ModernMemory.Kind.POWER) return CapacityTheory.nearestPattern(n, corruption, retrievedFraction);
    int p = (int) m.parameter();
    return p == 2 ? CapacityTheory.classic(n) : CapacityTheory.power(p, n);
  }

  /**
   * Checks the outputs may be written, runs, writes the CSV and the plot into {@code dir}, prints a
   * table on {@code log} and returns the summary for metrics.jsonl.
   */
  public Map<String, Object> runAndWrite(Path dir, boolean force, PrintStream log) {
    for (String f : FILES) AtomicFiles.checkWritable(dir.resolve(f), force);
    Result r = run(log);
    StringBuilder csv = new StringBuilder("memory,kind,parameter,n,k_max,capped,theory\n");
    log.printf("modern capacity: corruption %.2f, %d probes per K, K_max = largest K with ≥ %.2f retrieved (overlap ≥ %.2f), %.1f s%n",
        corruption, probes, retrievedFraction, RecallSettings.DEFAULT_RETRIEVAL_OVERLAP, r.seconds());
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Point p : r.points()) {
      csv.append(String.format(java.util.Locale.ROOT, "\"%s\",%s,%s,%d,%d,%b,%.6g%n", p.memory().label(), p.memory().kind(), p.memory().parameter(),
          p.n(), p.kMax(), p.capped(), p.theory()));
      log.printf("%-22s N = %3d  K_max = %7d%s  theory %.4g%n", p.memory().label(), p.n(), p.kMax(), p.capped() ? "+" : " ", p.theory());
      rows.add(Json.object("memory", p.memory().label(), "n", p.n(), "k_max", p.kMax(), "capped", p.capped(), "theory", p.theory()));
    }
    byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
    AtomicFiles.write(dir.resolve("modern-capacity.csv"), force, out -> out.write(bytes));
    plot(r, dir.resolve("modern-capacity.png"), force);
    Map<String, Object> summary = new LinkedHashMap<>(Json.object("experiment", "modern-capacity", "corruption", corruption, "probes", probes,
        "retrieved_fraction", retrievedFraction, "retrieval_overlap", RecallSettings.DEFAULT_RETRIEVAL_OVERLAP, "seconds", r.seconds()));
    summary.put("points", rows);
    return summary;
  }

  /** K_max against N on a logarithmic K axis: each memory's points and its theory on every N of its range. */
  public static void plot(Result r, Path png, boolean force) {
    Map<String, double[][]> series = new LinkedHashMap<>();
    for (Memory m : r.settings().memories()) {
      List<Point> pts = r.points().stream().filter(p -> p.memory().equals(m)).toList();
      series.put(m.label() + " measured", new double[][] {pts.stream().mapToDouble(Point::n).toArray(), pts.stream().mapToDouble(Point::kMax).toArray()});
    }
    for (Memory m : r.settings().memories()) {
      int lo = m.sizes().get(0), hi = m.sizes().get(m.sizes().size() - 1);
      String name = m.kind() != ModernMemory.Kind.POWER ? "nearest-pattern bound" : m.parameter() == 2 ? "0.138 N"
          : "N^" + ((int) m.parameter() - 1) + " / (2 (2n−3)!! ln N), n = " + (int) m.parameter();
      double[][] old = series.get(name);
      int from = old == null ? lo : Math.min(lo, (int) old[0][0]);
      int to = old == null ? hi : Math.max(hi, (int) old[0][old[0].length - 1]);
      // a fine grid (more than 60 points: drawn as a line without markers)
      int count = Math.max(61, to - from + 1);
      double[] x = new double[count], y = new double[count];
      for (int j = 0; j < count; j++) {
        x[j] = from + (to - from) * (double) j / (count - 1);
        // the theory is defined at integer N: geometric interpolation in between draws a smooth line
        int lower = (int) Math.floor(x[j]);
        double w = x[j] - lower, a = r.settings().theory(m, lower);
        y[j] = w == 0 ? a : Math.exp((1 - w) * Math.log(a) + w * Math.log(r.settings().theory(m, lower + 1)));
      }
      series.put(name, new double[][] {x, y});
    }
    Plots.semilog(png, "Capacity of modern memories: " + Math.round(100 * r.settings().corruption()) + "% of bits flipped, ≥ "
        + r.settings().retrievedFraction() + " retrieved", "units N", "patterns K_max (log scale)", series, force);
  }
}
