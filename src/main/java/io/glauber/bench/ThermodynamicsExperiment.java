package io.glauber.bench;

import com.typesafe.config.Config;
import io.glauber.engine.actor.Dynamics;
import io.glauber.engine.actor.Granularity;
import io.glauber.engine.actor.neuron.ActorRelaxation;
import io.glauber.hopfield.HopfieldBatchRecall;
import io.glauber.hopfield.HopfieldStorage;
import io.glauber.hopfield.MeanField;
import io.glauber.hopfield.Patterns;
import io.glauber.hopfield.RecallResult;
import io.glauber.io.AtomicFiles;
import io.glauber.io.Json;
import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Schedule;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Hopfield thermodynamics (seed 003, "Thermodynamics of the Hopfield Network"): the overlap m(T)
 * of a Hebb network with the pattern it retrieves, measured by stochastic dynamics on the batched
 * engine ({@link HopfieldBatchRecall#anneal}: Glauber updates p(σ_i = +1) = σ(2h_i/T), random
 * asynchronous order), beside the theory of {@link MeanField}: m = tanh(βm) with T_c = 1 for
 * p/N → 0, the replica-symmetric equations of Amit, Gutfreund and Sompolinsky at α = p/N, and the
 * retrieval boundary T_M(α) (≈ 1 − 1.95√α for small α).
 *
 * <p>Protocol, for each stored count p (one Hebb network of N units holding p random patterns) and
 * each temperature T: {@code chains} independent chains, chain c started at pattern c mod p, run
 * {@code sweeps} sweeps at T; m is the absolute overlap |(1/N) Σ_i ξ_i σ_i| of each chain's final
 * state with its starting pattern (ξ and −ξ are one state up to the global flip symmetry, which a
 * finite network crosses near T_c; where there is no retrieval the absolute value leaves a floor,
 * for p = 1 about √(2χ/(πN)) with χ = 1/(1 − 1/T), 0.06 at T = 1.1 and N = 2000, and of order N^{−1/4}
 * at T_c), reported as the mean over chains with its standard error
 * sd/√chains. The
 * measured T_M is the midpoint between the highest grid temperature, scanning up, at which the mean
 * overlap is still ≥ {@code retrieval-overlap} and the next grid temperature (NaN when the grid
 * never drops below).
 *
 * <p>Mixtures (optional): for each n of {@code mixtures}, a network of n + 2 random patterns, chains
 * started at the symmetric mixture sgn(ξ¹ + … + ξⁿ) and run {@code sweeps} sweeps at each of
 * {@code mixture-temperatures}; a chain is still in the mixture when each of its n overlaps exceeds
 * half the largest. Beside it the mean-field threshold T_n below which the mixture is a stable state
 * ({@link MeanField#mixtureThreshold}; seed 003: T_3 ≈ 0.461, T_5 ≈ 0.385, T_7 ≈ 0.345). The measured
 * threshold (fraction kept below ½, located as T_M is) is a finite-N figure: a mixture stable in mean
 * field is protected only by a barrier proportional to N, so small networks leave it below T_n.
 *
 * <p>Actor engine (optional, {@code actor { ... }}): for each of its stored counts (a subset of
 * {@code patterns}, on the same network as the batched points), the same protocol on patch actors in
 * exact mode ({@link ActorRelaxation} with {@link Granularity#patches}: one network for all chains,
 * restarted at each start; the actor form of {@code recall --engine actor --granularity patch
 * --update stochastic}), at its own temperatures, chains and sweeps, the overlap read from each
 * chain's final state by the same {@link #point} as the batched chains, and the retrieval boundary
 * T_M located on the actor grid by the same rule as the batched one ({@link #boundary}). A load's
 * actor scan ends at its first temperature whose mean overlap is below {@code retrieval-overlap}.
 */
public final class ThermodynamicsExperiment {
  private ThermodynamicsExperiment() {}

  /**
   * @param n units N
   * @param patterns stored counts p, each a separate network (α = p/N; p = 1 is the p/N → 0 case)
   * @param temperatures the grid, each ≥ 0, ascending
   * @param chains chains per (p, T)
   * @param sweeps sweeps at T before the overlap is read
   * @param retrievalOverlap the mean overlap below which a point counts as not retrieving
   * @param seed root seed
   * @param threads recall threads
   * @param mixtures symmetric mixtures n to start from (empty: none), each in a network of n + 2 patterns
   * @param mixtureTemperatures the grid of the mixture runs, ascending
   */
  public record Settings(int n, List<Integer> patterns, List<Double> temperatures, int chains, int sweeps,
      double retrievalOverlap, long seed, int threads, List<Integer> mixtures, List<Double> mixtureTemperatures, Actor actor) {
    public Settings {
      if (n < 2) throw new IllegalArgumentException("hopfield.thermo.n " + n + " (expected ≥ 2)");
      patterns = List.copyOf(patterns);
      temperatures = List.copyOf(temperatures);
      if (patterns.isEmpty()) throw new IllegalArgumentException("hopfield.thermo.patterns is empty (expected stored counts p ≥ 1)");
      for (int p : patterns) {
        if (p < 1 || p > n) throw new IllegalArgumentException("hopfield.thermo.patterns: " + p + " (expected 1 ≤ p ≤ n = " + n + ")");
      }
      if (temperatures.isEmpty()) throw new IllegalArgumentException("hopfield.thermo.temperatures is empty (expected T ≥ 0, ascending)");
      requireGrid("temperatures", temperatures, true);
      if (chains < 2) throw new IllegalArgumentException("hopfield.thermo.chains " + chains + " (expected ≥ 2, for a standard error)");
      if (sweeps < 1) throw new IllegalArgumentException("hopfield.thermo.sweeps " + sweeps + " (expected ≥ 1)");
      if (!(retrievalOverlap > 0 && retrievalOverlap < 1)) {
        throw new IllegalArgumentException("hopfield.thermo.retrieval-overlap " + retrievalOverlap + " (expected in (0, 1))");
      }
      if (threads < 1) throw new IllegalArgumentException("hopfield.thermo.threads " + threads + " (expected ≥ 1)");
      mixtures = List.copyOf(mixtures);
      mixtureTemperatures = List.copyOf(mixtureTemperatures);
      for (int m : mixtures) {
        if (m < 2 || m + 2 > n) throw new IllegalArgumentException("hopfield.thermo.mixtures: " + m + " (expected 2 ≤ n_mix ≤ n − 2 = " + (n - 2) + ")");
      }
      if (!mixtures.isEmpty() && mixtureTemperatures.isEmpty()) {
        throw new IllegalArgumentException("hopfield.thermo.mixture-temperatures is empty (expected T > 0, ascending, for the mixtures)");
      }
      requireGrid("mixture-temperatures", mixtureTemperatures, false);
      if (actor != null) {
        for (int p : actor.patterns()) {
          if (!patterns.contains(p)) throw new IllegalArgumentException("hopfield.thermo.actor.patterns: " + p + " (expected one of patterns " + patterns + ")");
        }
      }
    }

    /** Each T finite and ≥ 0 (or &gt; 0 unless {@code zeroAllowed}), strictly ascending; else a one-line error naming the key. */
    static void requireGrid(String key, List<Double> grid, boolean zeroAllowed) {
      for (int k = 0; k < grid.size(); k++) {
        double t = grid.get(k);
        if (!(zeroAllowed ? t >= 0 : t > 0) || Double.isInfinite(t)) {
          throw new IllegalArgumentException("hopfield.thermo." + key + ": " + t + " (expected a finite T " + (zeroAllowed ? "≥" : ">") + " 0)");
        }
        if (k > 0 && t <= grid.get(k - 1)) {
          throw new IllegalArgumentException("hopfield.thermo." + key + ": " + t + " after " + grid.get(k - 1) + " (expected ascending)");
        }
      }
    }

    /** The settings without actor points. */
    public Settings(int n, List<Integer> patterns, List<Double> temperatures, int chains, int sweeps, double retrievalOverlap, long seed, int threads,
        List<Integer> mixtures, List<Double> mixtureTemperatures) {
      this(n, patterns, temperatures, chains, sweeps, retrievalOverlap, seed, threads, mixtures, mixtureTemperatures, null);
    }

    /** The settings without mixture runs or actor points. */
    public Settings(int n, List<Integer> patterns, List<Double> temperatures, int chains, int sweeps, double retrievalOverlap, long seed, int threads) {
      this(n, patterns, temperatures, chains, sweeps, retrievalOverlap, seed, threads, List.of(), List.of());
    }

    /**
     * Reads n, patterns, temperatures, chains, sweeps, retrieval-overlap, seed, threads, and optionally
     * mixtures, mixture-temperatures and actor (patterns, temperatures, chains, sweeps, patch-size).
     */
    public static Settings fromConfig(Config c) {
      Actor actor = null;
      if (c.hasPath("actor")) {
        Config a = c.getConfig("actor");
        actor = new Actor(a.getIntList("patterns"), a.getDoubleList("temperatures"), a.getInt("chains"), a.getInt("sweeps"),
            a.hasPath("patch-size") ? a.getInt("patch-size") : Granularity.DEFAULT_PATCH_SIZE);
      }
      return new Settings(c.getInt("n"), c.getIntList("patterns"), c.getDoubleList("temperatures"), c.getInt("chains"),
          c.getInt("sweeps"), c.getDouble("retrieval-overlap"), c.getLong("seed"), c.getInt("threads"),
          c.hasPath("mixtures") ? c.getIntList("mixtures") : List.of(),
          c.hasPath("mixture-temperatures") ? c.getDoubleList("mixture-temperatures") : List.of(), actor);
    }
  }

  /**
   * The actor engine's points: patch actors of about {@code patchSize} units, exact mode.
   *
   * @param patterns stored counts p to measure on actors, each one of the batched {@code patterns}
   * @param temperatures the actor grid, each ≥ 0, ascending
   * @param chains chains per (p, T), chain c started at pattern c mod p
   * @param sweeps sweeps at T before the overlap is read
   * @param patchSize units per patch actor
   */
  public record Actor(List<Integer> patterns, List<Double> temperatures, int chains, int sweeps, int patchSize) {
    public Actor {
      patterns = List.copyOf(patterns);
      temperatures = List.copyOf(temperatures);
      if (patterns.isEmpty()) throw new IllegalArgumentException("hopfield.thermo.actor.patterns is empty (expected stored counts p ≥ 1)");
      if (temperatures.isEmpty()) throw new IllegalArgumentException("hopfield.thermo.actor.temperatures is empty (expected T ≥ 0, ascending)");
      Settings.requireGrid("actor.temperatures", temperatures, true);
      if (chains < 2) throw new IllegalArgumentException("hopfield.thermo.actor.chains " + chains + " (expected ≥ 2, for a standard error)");
      if (sweeps < 1) throw new IllegalArgumentException("hopfield.thermo.actor.sweeps " + sweeps + " (expected ≥ 1)");
      if (patchSize < 1) throw new IllegalArgumentException("hopfield.thermo.actor.patch-size " + patchSize + " (expected ≥ 1)");
    }
  }

  /**
   * One measured point: mean overlap and its standard error at (p, T), with the theory: the Mattis
   * solution m = tanh(βm) and the AGS replica-symmetric overlap at α = p/N.
   */
  public record Point(int patterns, double alpha, double temperature, double overlap, double stderr, double mattis, double ags) {}

  /** The retrieval boundary at one load: measured on the grid, the RS solution and the small-α form. */
  public record Boundary(int patterns, double alpha, double measured, double ags, double approx) {}

  /**
   * A mixture run at one temperature: the fraction of chains still in the mixture (every one of its
   * n overlaps above half the largest), the mean of each chain's smallest and largest overlap among
   * the n, the mean-field m_n and whether the theory calls the mixture stable there.
   */
  public record MixturePoint(int mixture, double temperature, double keptFraction, double meanSmallest, double meanLargest,
      double theoryOverlap, boolean theoryStable) {}

  /** Where the mixture stops holding: measured on the grid (as for T_M) and T_n of {@link MeanField#mixtureThreshold}. */
  public record MixtureThreshold(int mixture, double measured, double theory) {}

  /**
   * All points and boundaries (batched, and on patch actors when configured), the mixture runs, the
   * run's seconds and the actor points' share of them.
   */
  public record Result(Settings settings, List<Point> points, List<Boundary> boundaries, List<MixturePoint> mixturePoints,
      List<MixtureThreshold> mixtureThresholds, List<Point> actorPoints, List<Boundary> actorBoundaries, double seconds, double actorSeconds) {}

  /** Runs every (p, T) of the settings. */
  public static Result run(Settings s) {
    long t0 = System.nanoTime();
    SplittableRandom root = new SplittableRandom(s.seed());
    List<Point> points = new ArrayList<>();
    List<Boundary> boundaries = new ArrayList<>();
    List<Point> actorPoints = new ArrayList<>();
    List<Boundary> actorBoundaries = new ArrayList<>();
    double actorSeconds = 0;
    for (int p : s.patterns()) {
      SplittableRandom rng = root.split();
      int[][] xi = Patterns.random(p, s.n(), rng);
      BoltzmannMachine net = HopfieldStorage.hebb(xi);
      HopfieldBatchRecall recall = new HopfieldBatchRecall(net, s.threads());
      double[][] starts = new double[s.chains()][];
      for (int c = 0; c < starts.length; c++) starts[c] = Patterns.state(xi[c % p]);
      double alpha = p / (double) s.n();
      List<List<RecallResult>> runs = atEach(recall, starts, s.temperatures(), s.sweeps(), rng);
      List<Point> atP = new ArrayList<>();
      for (int k = 0; k < runs.size(); k++) {
        List<double[]> ends = new ArrayList<>();
        for (RecallResult end : runs.get(k)) ends.add(end.state());
        atP.add(point(xi, s.n(), s.temperatures().get(k), ends));
      }
      points.addAll(atP);
      boundaries.add(boundary(p, s.n(), atP, s.retrievalOverlap()));
      if (s.actor() != null && s.actor().patterns().contains(p)) {
        long a0 = System.nanoTime();
        Actor a = s.actor();
        List<double[]> actorStarts = new ArrayList<>();
        for (int c = 0; c < a.chains(); c++) actorStarts.add(Patterns.state(xi[c % p]));
        List<Point> actorAtP = new ArrayList<>();
        for (double t : a.temperatures()) {
          List<double[]> ends = new ArrayList<>();
          for (double[][] afterEach : ActorRelaxation.relax(net.withTemperature(t), actorStarts, Dynamics.exact(), a.sweeps(), rng.nextLong(),
              state -> false, Granularity.patches(a.patchSize()))) {
            ends.add(afterEach[afterEach.length - 1]);
          }
          Point point = point(xi, s.n(), t, ends);
          actorAtP.add(point);
          // the boundary is decided: the points above it are paramagnetic (every unit flips often,
          // the dearest sweeps on actors) and change nothing that is reported about T_M
          if (point.overlap() < s.retrievalOverlap()) break;
        }
        actorPoints.addAll(actorAtP);
        actorBoundaries.add(boundary(p, s.n(), actorAtP, s.retrievalOverlap()));
        actorSeconds += (System.nanoTime() - a0) / 1e9;
      }
    }
    List<MixturePoint> mixturePoints = new ArrayList<>();
    List<MixtureThreshold> thresholds = new ArrayList<>();
    for (int n : s.mixtures()) {
      SplittableRandom rng = root.split();
      int[][] xi = Patterns.random(n + 2, s.n(), rng);   // two patterns outside the mixture
      HopfieldBatchRecall recall = new HopfieldBatchRecall(HopfieldStorage.hebb(xi), s.threads());
      double[][] starts = new double[s.chains()][s.n()];
      for (double[] start : starts) {
        for (int i = 0; i < s.n(); i++) {
          int z = 0;
          for (int mu = 0; mu < n; mu++) z += xi[mu][i];
          start[i] = z != 0 ? Math.signum(z) : (rng.nextBoolean() ? 1 : -1);   // sgn(ξ¹ + … + ξⁿ), ties (even n) at random
        }
      }
      double measured = Double.NaN;
      int k = 0;
      for (List<RecallResult> ends : atEach(recall, starts, s.mixtureTemperatures(), s.sweeps(), rng)) {
        double t = s.mixtureTemperatures().get(k);
        int kept = 0;
        double smallest = 0;
        double largest = 0;
        for (RecallResult end : ends) {
          double lo = Double.POSITIVE_INFINITY;
          double hi = Double.NEGATIVE_INFINITY;
          for (int mu = 0; mu < n; mu++) {
            double m = Patterns.overlap(xi[mu], end.state());
            lo = Math.min(lo, m);
            hi = Math.max(hi, m);
          }
          if (lo > 0.5 * hi) kept++;
          smallest += lo;
          largest += hi;
        }
        double fraction = kept / (double) s.chains();
        mixturePoints.add(new MixturePoint(n, t, fraction, smallest / s.chains(), largest / s.chains(), MeanField.mixtureOverlap(n, t),
            t < 1 && MeanField.mixtureOverlap(n, t) > 0 && MeanField.mixtureStability(n, t) > 0));
        if (Double.isNaN(measured) && fraction < 0.5) measured = crossing(s.mixtureTemperatures(), k);
        k++;
      }
      thresholds.add(new MixtureThreshold(n, measured, MeanField.mixtureThreshold(n)));
    }
    return new Result(s, points, boundaries, mixturePoints, thresholds, actorPoints, actorBoundaries, (System.nanoTime() - t0) / 1e9, actorSeconds);
  }

  /**
   * The retrieval boundary of one load from its points (ascending T, either engine): measured where
   * the mean overlap first falls below {@code retrievalOverlap} ({@link #crossing}; NaN when it never
   * does), beside the AGS T_M(α) of {@link MeanField#retrievalBoundary} (1 for p = 1, α → 0) and
   * 1 − 1.95√α.
   */
  static Boundary boundary(int p, int n, List<Point> atP, double retrievalOverlap) {
    double alpha = p / (double) n;
    List<Double> grid = new ArrayList<>();
    for (Point point : atP) grid.add(point.temperature());
    double measured = Double.NaN;
    for (int k = 0; k < atP.size() && Double.isNaN(measured); k++) {
      if (atP.get(k).overlap() < retrievalOverlap) measured = crossing(grid, k);
    }
    double ags = p == 1 ? 1.0 : MeanField.retrievalBoundary(alpha);
    return new Boundary(p, alpha, measured, ags, MeanField.retrievalBoundaryApprox(p == 1 ? 0 : alpha));
  }

  /**
   * One (p, T) point from the chains' final states, chain c started at pattern c mod p: the mean over
   * chains of |(1/N) Σ_i ξ_i σ_i| ({@link Patterns#overlap}) and its standard error sd/√chains, with
   * the Mattis and AGS values. Both engines' points are read here.
   */
  static Point point(int[][] xi, int n, double t, List<double[]> ends) {
    int p = xi.length;
    int chains = ends.size();
    double alpha = p / (double) n;
    double sum = 0;
    double sumSq = 0;
    for (int c = 0; c < chains; c++) {
      double m = Math.abs(Patterns.overlap(xi[c % p], ends.get(c)));
      sum += m;
      sumSq += m * m;
    }
    double mean = sum / chains;
    double sd = Math.sqrt(Math.max(0, (sumSq - chains * mean * mean) / (chains - 1)));
    return new Point(p, alpha, t, mean, sd / Math.sqrt(chains), MeanField.overlap(t), t == 0 ? Double.NaN : MeanField.overlap(t, p == 1 ? 0 : alpha));
  }

  /** Each chain's final state after {@code sweeps} sweeps at each temperature of {@code grid}, every run started from {@code starts}. */
  private static List<List<RecallResult>> atEach(HopfieldBatchRecall recall, double[][] starts, List<Double> grid, int sweeps, SplittableRandom rng) {
    List<List<RecallResult>> runs = new ArrayList<>();
    for (double t : grid) runs.add(recall.anneal(starts, Schedule.constant(t, sweeps), 0, rng.nextLong()));
    return runs;
  }

  /** Where a measured figure fell below its threshold at grid point k: the midpoint of k − 1 and k (0 at k = 0). */
  private static double crossing(List<Double> grid, int k) {
    return k == 0 ? 0.0 : 0.5 * (grid.get(k) + grid.get(k - 1));
  }

  /** The file names {@link #write} produces in the output directory. */
  public static final List<String> FILES = List.of("thermo.json", "thermo-overlap.png", "thermo-phase.png", "thermo-mixtures.png");

  /**
   * What {@code train --config config/hopfield-thermo.conf} does: checks that {@link #FILES} may be
   * written into {@code dir}, runs the experiment, writes the files ({@link #write}), prints a table
   * of the points and boundaries on {@code log}, and returns the {@link #summary} for metrics.jsonl.
   */
  public static Map<String, Object> runAndWrite(Settings s, Path dir, boolean force, PrintStream log) {
    for (String file : FILES) AtomicFiles.checkWritable(dir.resolve(file), force);
    Result r = run(s);
    write(r, dir, force);
    log.printf("Hopfield thermodynamics, N = %d, %d chains × %d sweeps per point (batched engine), %.1f s%n", s.n(), s.chains(), s.sweeps(), r.seconds());
    log.println("    p      alpha      T   m measured ± se   m = tanh(m/T)   m AGS (RS)");
    for (Point p : r.points()) {
      log.printf("%5d  %9.5f  %5.3f   %7.4f ± %.4f   %13.4f   %10.4f%n", p.patterns(), p.alpha(), p.temperature(), p.overlap(), p.stderr(), p.mattis(), p.ags());
    }
    if (!r.actorPoints().isEmpty()) {
      Actor a = s.actor();
      log.printf("patch actors (exact mode, %d units per patch), %d chains × %d sweeps per point, %.1f s%n", a.patchSize(), a.chains(), a.sweeps(), r.actorSeconds());
      log.println("    p      alpha      T   m actors ± se    m batched   m = tanh(m/T)   m AGS (RS)");
      for (Point p : r.actorPoints()) {
        log.printf("%5d  %9.5f  %5.3f   %7.4f ± %.4f   %9.4f   %13.4f   %10.4f%n", p.patterns(), p.alpha(), p.temperature(), p.overlap(), p.stderr(),
            batched(r, p), p.mattis(), p.ags());
      }
    }
    for (Boundary b : r.boundaries()) {
      log.printf("T_M at alpha %.5f (p = %d): measured %.3f, AGS (RS) %.4f, 1 - 1.95 sqrt(alpha) %.4f%n", b.alpha(), b.patterns(), b.measured(), b.ags(), b.approx());
    }
    for (Boundary b : r.actorBoundaries()) {
      log.printf("T_M at alpha %.5f (p = %d) on patch actors: measured %.3f, AGS (RS) %.4f%n", b.alpha(), b.patterns(), b.measured(), b.ags());
    }
    if (!r.mixturePoints().isEmpty()) log.println("    n      T   kept   smallest/largest overlap   m_n mean field   stable (mean field)");
    for (MixturePoint p : r.mixturePoints()) {
      log.printf("%5d  %5.3f   %4.2f   %7.4f / %7.4f        %14.4f   %s%n", p.mixture(), p.temperature(), p.keptFraction(), p.meanSmallest(), p.meanLargest(), p.theoryOverlap(), p.theoryStable());
    }
    for (MixtureThreshold t : r.mixtureThresholds()) {
      log.printf("T_%d: measured %.3f, mean field %.4f%n", t.mixture(), t.measured(), t.theory());
    }
    log.println("wrote " + FILES + " into " + dir);
    return summary(r);
  }

  /**
   * Writes {@code thermo.json} (settings, every point and boundary with measured and theoretical
   * values), {@code thermo-overlap.png} (m against T: measured points with their standard errors,
   * the Mattis curve, the AGS curve of each load) and {@code thermo-phase.png} (T against α: the
   * RS boundary T_M(α), 1 − 1.95√α, and the measured boundaries) into {@code dir}, each atomically.
   */
  public static void write(Result r, Path dir, boolean force) {
    byte[] json = (Json.toLine(summary(r)) + "\n").getBytes(StandardCharsets.UTF_8);
    AtomicFiles.write(dir.resolve("thermo.json"), force, out -> out.write(json));
    save(overlapChart(r), dir.resolve("thermo-overlap.png"), force);
    save(phaseChart(r), dir.resolve("thermo-phase.png"), force);
    if (!r.mixturePoints().isEmpty()) save(mixtureChart(r), dir.resolve("thermo-mixtures.png"), force);
  }

  private static XYChart mixtureChart(Result r) {
    XYChart chart = chart("Symmetric mixtures started at sgn(ξ¹ + … + ξⁿ), N = " + r.settings().n() + ", " + r.settings().sweeps() + " sweeps",
        "temperature T", "fraction of chains still in the mixture");
    java.awt.Color[] colours = {java.awt.Color.BLUE, java.awt.Color.RED, new java.awt.Color(0, 140, 0), java.awt.Color.MAGENTA, java.awt.Color.ORANGE};
    int k = 0;
    for (MixtureThreshold t : r.mixtureThresholds()) {
      java.awt.Color colour = colours[k++ % colours.length];   // each mixture's points and its T_n line in one colour
      List<Double> x = new ArrayList<>();
      List<Double> y = new ArrayList<>();
      for (MixturePoint p : r.mixturePoints()) {
        if (p.mixture() != t.mixture()) continue;
        x.add(p.temperature());
        y.add(p.keptFraction());
      }
      XYSeries measured = chart.addSeries("measured, n = " + t.mixture(), x, y);
      measured.setLineColor(colour);
      measured.setMarkerColor(colour);
      if (!Double.isNaN(t.theory())) {
        XYSeries line = chart.addSeries(String.format("T_%d = %.3f (mean field)", t.mixture(), t.theory()), List.of(t.theory(), t.theory()),
            List.of(0.0, 1.0));
        line.setMarker(SeriesMarkers.NONE);
        line.setLineColor(colour);
        line.setLineStyle(new java.awt.BasicStroke(2f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
      }
    }
    return chart;
  }

  /** The JSON summary as a map (also one line of metrics.jsonl). */
  public static Map<String, Object> summary(Result r) {
    Settings s = r.settings();
    List<Map<String, Object>> points = new ArrayList<>();
    for (Point p : r.points()) {
      points.add(Json.object("patterns", p.patterns(), "alpha", p.alpha(), "temperature", p.temperature(), "m_measured", p.overlap(),
          "m_stderr", p.stderr(), "m_mean_field", p.mattis(), "m_ags", p.ags()));
    }
    List<Map<String, Object>> boundaries = boundaries(r.boundaries());
    Map<String, Object> m = new LinkedHashMap<>(Json.object("experiment", "thermo", "engine", "batch", "n", s.n(), "chains", s.chains(),
        "sweeps", s.sweeps(), "retrieval_overlap", s.retrievalOverlap(), "seed", s.seed(), "t_c", 1.0));
    m.put("points", points);
    if (s.actor() != null) {
      Actor a = s.actor();
      List<Map<String, Object>> actorPoints = new ArrayList<>();
      for (Point p : r.actorPoints()) {
        actorPoints.add(Json.object("patterns", p.patterns(), "alpha", p.alpha(), "temperature", p.temperature(), "m_measured", p.overlap(),
            "m_stderr", p.stderr(), "m_batch", batched(r, p), "m_mean_field", p.mattis(), "m_ags", p.ags()));
      }
      List<Map<String, Object>> actorBoundaries = boundaries(r.actorBoundaries());
      for (int k = 0; k < actorBoundaries.size(); k++) {
        actorBoundaries.get(k).put("t_m_batch", batchedBoundary(r, r.actorBoundaries().get(k).patterns()));
      }
      m.put("actor", Json.object("engine", "actor", "granularity", "patch", "patch_size", a.patchSize(), "mode", "exact", "chains", a.chains(),
          "sweeps", a.sweeps(), "seconds", r.actorSeconds(), "points", actorPoints, "boundaries", actorBoundaries));
    }
    m.put("boundaries", boundaries);
    List<Map<String, Object>> mixtures = new ArrayList<>();
    for (MixturePoint p : r.mixturePoints()) {
      mixtures.add(Json.object("mixture", p.mixture(), "temperature", p.temperature(), "kept_fraction", p.keptFraction(),
          "mean_smallest_overlap", p.meanSmallest(), "mean_largest_overlap", p.meanLargest(), "m_mean_field", p.theoryOverlap(),
          "stable_mean_field", p.theoryStable()));
    }
    List<Map<String, Object>> thresholds = new ArrayList<>();
    for (MixtureThreshold t : r.mixtureThresholds()) thresholds.add(Json.object("mixture", t.mixture(), "t_n_measured", t.measured(), "t_n_mean_field", t.theory()));
    m.put("mixtures", mixtures);
    m.put("mixture_thresholds", thresholds);
    m.put("seconds", r.seconds());
    return m;
  }

  private static List<Map<String, Object>> boundaries(List<Boundary> of) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Boundary b : of) {
      out.add(Json.object("patterns", b.patterns(), "alpha", b.alpha(), "t_m_measured", b.measured(), "t_m_ags", b.ags(),
          "t_m_small_alpha", b.approx()));
    }
    return out;
  }

  /** The batched engine's measured T_M at stored count p. */
  private static double batchedBoundary(Result r, int p) {
    for (Boundary b : r.boundaries()) if (b.patterns() == p) return b.measured();
    return Double.NaN;
  }

  /** The batched engine's overlap at the actor point's (p, T), NaN when the batched grid has no such point. */
  private static double batched(Result r, Point actor) {
    for (Point p : r.points()) {
      if (p.patterns() == actor.patterns() && p.temperature() == actor.temperature()) return p.overlap();
    }
    return Double.NaN;
  }

  private static XYChart overlapChart(Result r) {
    XYChart chart = chart("Hopfield overlap m(T), N = " + r.settings().n() + " (batched engine, " + r.settings().chains() + " chains"
        + (r.actorPoints().isEmpty() ? "" : "; patch actors, " + r.settings().actor().chains()) + ")",
        "temperature T", "overlap m");
    double tMax = r.settings().temperatures().get(r.settings().temperatures().size() - 1);
    List<Double> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    for (int k = 0; k <= 400; k++) {
      x.add(tMax * k / 400);
      y.add(MeanField.overlap(tMax * k / 400));
    }
    chart.addSeries("m = tanh(m/T) (p/N → 0)", x, y).setMarker(SeriesMarkers.NONE);
    for (int p : r.settings().patterns()) {
      double alpha = p / (double) r.settings().n();
      String load = String.format("α = %.4f", alpha);
      double tm = MeanField.retrievalBoundary(alpha);
      if (p > 1 && !Double.isNaN(tm)) {   // the RS retrieval branch up to T_M, then its jump to m = 0
        List<Double> ax = new ArrayList<>();
        List<Double> ay = new ArrayList<>();
        for (int k = 1; k <= 40; k++) {
          ax.add(tm * k / 40);
          ay.add(MeanField.overlap(tm * k / 40 * (1 - 1e-9), alpha));
        }
        ax.add(tm);
        ay.add(0.0);
        ax.add(tMax);
        ay.add(0.0);
        chart.addSeries("AGS (RS), " + load, ax, ay).setMarker(SeriesMarkers.NONE);
      }
      scatter(chart, "measured, p = " + p + ", " + load, r.points(), p);
      if (r.settings().actor() != null && r.settings().actor().patterns().contains(p)) {
        scatter(chart, "patch actors, p = " + p + ", " + load, r.actorPoints(), p).setMarker(SeriesMarkers.DIAMOND);
      }
    }
    return chart;
  }

  /** The points of stored count p as a scatter series with their standard errors as error bars. */
  private static XYSeries scatter(XYChart chart, String name, List<Point> points, int p) {
    List<Double> tx = new ArrayList<>();
    List<Double> my = new ArrayList<>();
    List<Double> err = new ArrayList<>();
    for (Point pt : points) {
      if (pt.patterns() != p) continue;
      tx.add(pt.temperature());
      my.add(pt.overlap());
      err.add(pt.stderr());
    }
    XYSeries series = chart.addSeries(name, tx, my, err);
    series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    return series;
  }

  private static XYChart phaseChart(Result r) {
    XYChart chart = chart("Hopfield retrieval boundary T_M(α)", "load α = p / N", "temperature T");
    double aMax = 0;
    for (Boundary b : r.boundaries()) aMax = Math.max(aMax, b.alpha());
    aMax = Math.min(0.138, Math.max(0.02, 1.2 * aMax));
    List<Double> ax = new ArrayList<>();
    List<Double> rs = new ArrayList<>();
    List<Double> approx = new ArrayList<>();
    for (int k = 0; k <= 12; k++) {   // each RS boundary takes a bisection of fixed-point solves
      double a = aMax * k / 12;
      ax.add(a);
      rs.add(MeanField.retrievalBoundary(a));
      approx.add(MeanField.retrievalBoundaryApprox(a));
    }
    chart.addSeries("T_M(α), AGS replica-symmetric", ax, rs).setMarker(SeriesMarkers.NONE);
    chart.addSeries("1 − 1.95√α", ax, approx).setMarker(SeriesMarkers.NONE);
    boundarySeries(chart, "measured, batched (mean m < " + r.settings().retrievalOverlap() + " above)", r.boundaries());
    XYSeries actors = boundarySeries(chart, "measured, patch actors", r.actorBoundaries());
    if (actors != null) actors.setMarker(SeriesMarkers.DIAMOND);
    return chart;
  }

  /** The measured boundaries as a scatter series (null when none was measured). */
  private static XYSeries boundarySeries(XYChart chart, String name, List<Boundary> measured) {
    List<Double> mx = new ArrayList<>();
    List<Double> my = new ArrayList<>();
    for (Boundary b : measured) {
      if (Double.isNaN(b.measured())) continue;
      mx.add(b.alpha());
      my.add(b.measured());
    }
    if (mx.isEmpty()) return null;
    XYSeries series = chart.addSeries(name, mx, my);
    series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    return series;
  }

  /** A 900×560 chart with the y axis from 0 to 1.05 (overlaps, fractions and temperatures up to T_c all fit). */
  private static XYChart chart(String title, String xLabel, String yLabel) {
    XYChart chart = new XYChartBuilder().width(900).height(560).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisMax(1.05);
    return chart;
  }

  private static void save(XYChart chart, Path png, boolean force) {
    AtomicFiles.write(png, force, out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
  }
}
