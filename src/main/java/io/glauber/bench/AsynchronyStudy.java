package io.glauber.bench;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.Props;
import akka.actor.typed.javadsl.AskPattern;
import akka.actor.typed.javadsl.Behaviors;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.glauber.engine.actor.ActorConfig;
import io.glauber.engine.actor.Dynamics;
import io.glauber.engine.actor.Mode;
import io.glauber.engine.actor.Timing;
import io.glauber.engine.actor.neuron.Network;
import io.glauber.exact.AsyncBounds;
import io.glauber.exact.ExactBoltzmann;
import io.glauber.io.AtomicFiles;
import io.glauber.io.Json;
import io.glauber.io.Plots;
import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Units;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * What asynchrony does to sampling, as a grid: for every model, mode ({@code exact},
 * {@code exclusive}, {@code async}), staleness ratio (message delay ÷ mean update interval) and
 * delay distribution ({@link Timing}), the total-variation distance TV = ½ Σ_s |p̂(s) − p(s)|
 * between the sampled state frequencies and the exact Boltzmann distribution
 * ({@link ExactBoltzmann}), beside the expected TV of as many independent exact draws,
 * ½ Σ_s √(2 p(s)(1 − p(s)) / (π n)) (sampling noise alone), and the rates: updates and informed
 * updates (the first after a unit has heard a change) per second, and the updates per unit between
 * two samples (few of them make successive samples nearly equal: TV then measures autocorrelation
 * more than bias — exclusive mode, exact but slowed down by long delays, shows it).
 *
 * <p>Exact mode has no clock and no delay (a colour barrier per step): it is run once per model
 * and its row repeated at every ratio, marked {@code "delay_applies": false}, as the reference.
 * Each model also gets its Dobrushin total influence α = max_i Σ_j C_ij, with C_ij the largest
 * change of P(s_i = high | rest) when s_j alone changes: tanh(|w_ij|/T) for spins, tanh(|w_ij|/(4T))
 * for binary units (Dobrushin 1970; the condition α &lt; 1 of De Sa, Olukotun and Ré 2016;
 * {@link AsyncBounds#totalInfluence}), and each async row of a model with α &lt; 1 the bias and
 * mixing-time bounds of {@link AsyncBounds} at its measured staleness ({@link #putBounds}).
 *
 * <p>{@code bin/glauber study asynchrony --config config/study-asynchrony.conf} runs it
 * ({@link Settings#from} reads the keys); {@link #write} writes {@code asynchrony.csv},
 * {@code asynchrony.jsonl}, {@code asynchrony-tv.png}, {@code asynchrony-rate.png},
 * {@code asynchrony-bias.png} and the coupled-trajectory files; {@link #replot} rewrites them from
 * an earlier run's CSV ({@code --from-csv}).
 */
public final class AsynchronyStudy {
  private AsynchronyStudy() {}

  /**
   * A model of the study: a dense BM with couplings uniform in [−scale, scale] and biases in
   * [−scale/2, scale/2] ({@code dense}), or a ferromagnetic ring of spins with coupling J
   * ({@code ring}).
   */
  public record StudyModel(String name, BoltzmannMachine machine) {
    public StudyModel {
      if (machine.size() > 16) throw new IllegalArgumentException("study model '" + name + "' of " + machine.size() + " units (expected ≤ 16: TV needs exact enumeration)");
    }

    /** Reads {name, kind = dense|ring, n, units, scale | coupling, temperature, seed}. */
    static StudyModel from(Config c) {
      String name = c.getString("name");
      int n = c.getInt("n");
      double t = c.hasPath("temperature") ? c.getDouble("temperature") : 1.0;
      return switch (c.getString("kind")) {
        case "dense" -> new StudyModel(name, io.glauber.model.RandomMachines.uniform(n,
            Units.valueOf(c.hasPath("units") ? c.getString("units").toUpperCase(Locale.ROOT) : "SPIN"),
            c.getDouble("scale"), 0.5 * c.getDouble("scale"), n, t, c.hasPath("seed") ? c.getLong("seed") : 1));
        case "ring" -> new StudyModel(name, ring(n, c.hasPath("coupling") ? c.getDouble("coupling") : 1.0, t));
        default -> throw new IllegalArgumentException("study model '" + name + "': kind " + c.getString("kind") + " (expected dense or ring)");
      };
    }
  }

  /**
   * The grid and the sampling.
   *
   * @param models the models, each small enough for exact enumeration
   * @param modes the modes to run
   * @param ratios staleness ratios, ≥ 0
   * @param delays delay distributions (with clock shapes) to run each asynchronous mode with
   * @param interval mean update interval of the clocked modes, &gt; 0
   * @param samples samples per grid point, ≥ 10
   * @param burnIn sweeps before the first sample, ≥ 0
   * @param thin sweeps (sweep times) between samples of the clocked modes, ≥ 1
   * @param exactThin sweeps between samples of exact mode, ≥ 1
   * @param seed run seed
   * @param hamming the coupled-trajectory grid ({@link CoupledTrajectories}), or null for none
   */
  public record Settings(List<StudyModel> models, List<Mode> modes, double[] ratios, List<Timing> delays,
      Duration interval, int samples, int burnIn, int thin, int exactThin, long seed, Hamming hamming) {
    public Settings {
      if (models.isEmpty()) throw new IllegalArgumentException("no study models (expected at least one)");
      if (modes.isEmpty()) throw new IllegalArgumentException("no modes (expected some of exact, exclusive, async)");
      if (ratios.length == 0) throw new IllegalArgumentException("no staleness ratios (expected at least one)");
      for (double r : ratios) if (!(r >= 0) || Double.isInfinite(r)) throw new IllegalArgumentException("staleness ratio " + r + " (expected finite ≥ 0)");
      if (delays.isEmpty()) throw new IllegalArgumentException("no delay distributions (expected at least one)");
      if (interval.isNegative() || interval.isZero()) throw new IllegalArgumentException("update interval " + interval + " (expected > 0)");
      if (samples < 10) throw new IllegalArgumentException("samples " + samples + " (expected ≥ 10)");
      if (burnIn < 0 || thin < 1 || exactThin < 1) {
        throw new IllegalArgumentException("burn-in " + burnIn + ", thin " + thin + ", exact thin " + exactThin + " (expected ≥ 0, ≥ 1, ≥ 1)");
      }
      models = List.copyOf(models);
      modes = List.copyOf(modes);
      ratios = ratios.clone();
      delays = List.copyOf(delays);
    }

    /**
     * Reads {@code study.models} (list of objects, see {@link StudyModel#from}), {@code study.modes},
     * {@code study.ratios}, {@code study.delays} (list of {@link Timing#from} objects; default one
     * fixed delay), {@code study.interval}, {@code study.samples}, {@code study.burn-in},
     * {@code study.thin}, {@code study.exact-thin}, {@code study.seed}; a missing or mistyped key
     * is named in the error.
     */
    public static Settings from(Config root) {
      try {
        Config c = root.getConfig("study");
        List<StudyModel> models = new ArrayList<>();
        for (Config m : c.getConfigList("models")) models.add(StudyModel.from(m));
        List<Mode> modes = c.getStringList("modes").stream().map(Mode::parse).toList();
        double[] ratios = c.getDoubleList("ratios").stream().mapToDouble(Double::doubleValue).toArray();
        List<Timing> delays = new ArrayList<>();
        if (c.hasPath("delays")) for (Config d : c.getConfigList("delays")) delays.add(Timing.from(d));
        else delays.add(Timing.DEFAULT);
        Hamming hamming = null;
        if (c.hasPath("hamming")) {
          Config h = c.getConfig("hamming");
          hamming = new Hamming(h.getIntList("sides").stream().mapToInt(Integer::intValue).toArray(),
              h.getIntList("taus").stream().mapToInt(Integer::intValue).toArray(), h.getDouble("temperature"), h.getInt("sweeps"), h.getInt("runs"));
        }
        return new Settings(models, modes, ratios, delays, c.getDuration("interval"), c.getInt("samples"),
            c.hasPath("burn-in") ? c.getInt("burn-in") : 50, c.hasPath("thin") ? c.getInt("thin") : 1,
            c.hasPath("exact-thin") ? c.getInt("exact-thin") : 10, c.hasPath("seed") ? c.getLong("seed") : 1, hamming);
      } catch (ConfigException e) {
        throw new IllegalArgumentException("config: " + e.getMessage());
      }
    }

    /** Rows the grid will produce: per model, per ratio, one exact row and one per asynchronous mode and delay distribution. */
    public int rows() {
      int perRatio = 0;
      for (Mode m : modes) perRatio += m == Mode.EXACT ? 1 : delays.size();
      return models.size() * ratios.length * perRatio + (hamming == null ? 0 : hamming.sides().length * hamming.taus().length);
    }
  }

  /**
   * The coupled-trajectory grid ({@code study.hamming}: sides, taus, temperature, sweeps, runs):
   * {@link CoupledTrajectories#grid}.
   */
  public record Hamming(int[] sides, int[] taus, double temperature, int sweeps, int runs) {
    public Hamming {
      if (sides.length == 0 || taus.length == 0) throw new IllegalArgumentException("hamming grid without sides or taus (expected at least one each)");
      for (int s : sides) if (s < 3) throw new IllegalArgumentException("hamming lattice side " + s + " (expected ≥ 3)");
      for (int t : taus) if (t < 0) throw new IllegalArgumentException("hamming delay τ = " + t + " (expected ≥ 0 steps)");
      if (!(temperature > 0) || sweeps < 1 || runs < 1) {
        throw new IllegalArgumentException("hamming T = " + temperature + ", " + sweeps + " sweeps, " + runs + " runs (expected > 0, ≥ 1, ≥ 1)");
      }
    }
  }

  /** A ferromagnetic ring of n spins with coupling J at temperature T. */
  public static BoltzmannMachine ring(int n, double j, double t) {
    double[] w = new double[n * n];
    for (int i = 0; i < n; i++) {
      int k = (i + 1) % n;
      w[i * n + k] = j;
      w[k * n + i] = j;
    }
    return BoltzmannMachine.dense(Units.SPIN, w, new double[n], n, t);
  }

  /** TV between the state frequencies of {@code samples} and {@code p} (state index: unit i in bit i). */
  static double tv(List<int[]> samples, double[] p, Units units) {
    double[] q = new double[p.length];
    for (int[] s : samples) {
      int k = 0;
      for (int i = 0; i < s.length; i++) if (s[i] == units.high()) k |= 1 << i;
      q[k] += 1.0 / samples.size();
    }
    double d = 0;
    for (int k = 0; k < p.length; k++) d += Math.abs(p[k] - q[k]);
    return d / 2;
  }

  /**
   * The sparse variation distance at ω = 2 between the samples' frequencies and {@code p}: the
   * largest |p̂(A) − p(A)| over events A that depend on at most two units, which is the largest TV
   * between the two-unit marginals, max_{i&lt;j} ½ Σ_{a,b} |p̂(s_i = a, s_j = b) − p(s_i = a, s_j = b)|
   * — the distance in which De Sa, Olukotun and Ré (2016) state their bias results ("events on a
   * small number of variables"), where TV is the distance over events on all n units.
   */
  static double sparseTvPairs(List<int[]> samples, double[] p, Units units) {
    int n = Integer.numberOfTrailingZeros(p.length);
    double[][] exact = new double[n * n][4];
    for (int k = 0; k < p.length; k++) {
      for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) exact[i * n + j][((k >> i) & 1) * 2 + ((k >> j) & 1)] += p[k];
      }
    }
    double[][] seen = new double[n * n][4];
    for (int[] x : samples) {
      for (int i = 0; i < n; i++) {
        int a = x[i] == units.high() ? 1 : 0;
        for (int j = i + 1; j < n; j++) seen[i * n + j][a * 2 + (x[j] == units.high() ? 1 : 0)] += 1.0 / samples.size();
      }
    }
    double worst = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double d = 0;
        for (int c = 0; c < 4; c++) d += Math.abs(seen[i * n + j][c] - exact[i * n + j][c]);
        worst = Math.max(worst, d / 2);
      }
    }
    return worst;
  }

  /**
   * The sparse variation distance at ω = 1: the largest error of an event on one unit,
   * max_i |p̂(s_i = high) − p(s_i = high)| — what the bias bound at ω = 1 covers
   * ({@code bias_bound_single}).
   */
  static double sparseTvSingle(List<int[]> samples, double[] p, Units units) {
    int n = Integer.numberOfTrailingZeros(p.length);
    double worst = 0;
    for (int i = 0; i < n; i++) {
      double exact = 0;
      for (int k = 0; k < p.length; k++) if (((k >> i) & 1) == 1) exact += p[k];
      double seen = 0;
      for (int[] x : samples) if (x[i] == units.high()) seen += 1.0 / samples.size();
      worst = Math.max(worst, Math.abs(seen - exact));
    }
    return worst;
  }

  /** The expected TV of n independent exact draws: ½ Σ_s √(2 p(s)(1 − p(s)) / (π n)). */
  static double iidTv(double[] p, int n) {
    double d = 0;
    for (double x : p) d += Math.sqrt(2 * x * (1 - x) / (Math.PI * n));
    return d / 2;
  }

  /**
   * Runs the grid on an actor system of its own; each row goes to {@code progress} with the number
   * of rows done so far.
   */
  public static List<Map<String, Object>> run(Settings s, BiConsumer<Integer, Map<String, Object>> progress) {
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "asynchrony-study", ActorConfig.config());
    List<Map<String, Object>> rows = new ArrayList<>();
    try {
      long run = 0;
      for (StudyModel model : s.models()) {
        double[] p = ExactBoltzmann.of(model.machine()).distribution();
        double alpha = AsyncBounds.totalInfluence(model.machine());
        Map<String, Object> exactRow = null;
        for (double ratio : s.ratios()) {
          for (Mode mode : s.modes()) {
            List<Timing> shapes = mode == Mode.EXACT ? List.of(Timing.DEFAULT) : s.delays();
            for (Timing timing : shapes) {
              Map<String, Object> row;
              if (mode == Mode.EXACT && exactRow != null) {
                row = new LinkedHashMap<>(exactRow);
                row.put("staleness_ratio", ratio);
              } else {
                Duration delay = mode == Mode.EXACT ? Duration.ZERO : Duration.ofNanos(Math.round(ratio * s.interval().toNanos()));
                Dynamics d = switch (mode) {
                  case EXACT -> Dynamics.exact();
                  case EXCLUSIVE -> Dynamics.exclusive(s.interval(), delay).withTiming(timing);
                  case ASYNC -> Dynamics.async(s.interval(), delay).withTiming(timing);
                };
                int thin = mode == Mode.EXACT ? s.exactThin() : s.thin();
                Measured r = measure(system, model.machine(), d, s.burnIn(), s.samples(), thin, s.seed() + 1000 * (++run), "run" + run);
                row = new LinkedHashMap<>();
                row.put("model", model.name());
                row.put("units", model.machine().size());
                row.put("mode", mode.name().toLowerCase(Locale.ROOT));
                row.put("staleness_ratio", ratio);
                row.put("delay_applies", mode != Mode.EXACT);
                row.put("delay_distribution", mode == Mode.EXACT ? "none" : timing.delayName());
                row.put("clock", mode == Mode.EXACT ? "barrier" : timing.clock().name().toLowerCase(Locale.ROOT));
                row.put("delay_ms", delay.toNanos() / 1e6);
                row.put("interval_ms", mode == Mode.EXACT ? 0.0 : s.interval().toNanos() / 1e6);
                row.put("samples", s.samples());
                row.put("thin", thin);
                double tv = tv(r.samples(), p, model.machine().units());
                row.put("tv", tv);
                row.put("tv_iid_expected", iidTv(p, s.samples()));
                row.put("updates_per_s", r.updatesPerSecond());
                row.put("informed_updates_per_s", r.informedPerSecond());
                // what a sample's spacing holds: with few updates per unit, successive samples are
                // nearly equal and TV measures autocorrelation more than bias
                row.put("updates_per_unit_per_sample", r.updatesPerSecond() * r.secondsPerSample() / model.machine().size());
                row.put("total_influence_alpha", alpha);
                // staleness in De Sa, Olukotun and Ré's unit: single-site updates of the whole network
                // made while one message is in flight (mean delay × measured update rate)
                double staleness = delay.toNanos() / 1e9 * r.updatesPerSecond();
                row.put("staleness_steps", staleness);
                row.put("staleness_over_n", staleness / model.machine().size());
                row.put("dobrushin_holds", alpha < 1);
                row.put("sequential_mixing_bound_sweeps", AsyncBounds.sequentialMixingBoundSweeps(model.machine().size(), alpha, EPSILON));
                row.put("tv_excess", Math.max(0, tv - iidTv(p, s.samples())));
                row.put("sparse_tv_pairs", sparseTvPairs(r.samples(), p, model.machine().units()));
                row.put("sparse_tv_single", sparseTvSingle(r.samples(), p, model.machine().units()));
                putBounds(row);
                if (mode == Mode.EXACT) exactRow = row;
              }
              rows.add(row);
              progress.accept(rows.size(), row);
            }
          }
        }
      }
    } finally {
      system.terminate();
      system.getWhenTerminated().toCompletableFuture().join();
    }
    return rows;
  }

  /** The coupled-trajectory rows of {@code s.hamming()} (none if null), each handed to {@code progress} with the count of rows done. */
  public static List<Map<String, Object>> hamming(Settings s, int done, BiConsumer<Integer, Map<String, Object>> progress) {
    List<Map<String, Object>> rows = new ArrayList<>();
    if (s.hamming() == null) return rows;
    Hamming h = s.hamming();
    for (int side : h.sides()) {
      for (int tau : h.taus()) {
        Map<String, Object> row = CoupledTrajectories.grid(new int[] {side}, new int[] {tau}, h.temperature(), h.sweeps(), h.runs(), s.seed()).get(0);
        rows.add(row);
        progress.accept(done + rows.size(), row);
      }
    }
    return rows;
  }

  /** Samples and rates of one grid point. */
  record Measured(List<int[]> samples, double updatesPerSecond, double informedPerSecond, double secondsPerSample) {}

  /** One network: burn-in, then {@code samples} samples {@code thin} sweeps apart; updates counted over the sampling. */
  static Measured measure(ActorSystem<?> system, BoltzmannMachine m, Dynamics d, int burnIn, int samples, int thin, long seed, String name) {
    ActorRef<Network.Command> net = system.systemActorOf(Network.create(m, d, null, null, seed), "study-" + name, Props.empty());
    try {
      ask(system, net, r -> new Network.Sample(Math.max(1, burnIn), r));
      Network.Counted c0 = (Network.Counted) ask(system, net, Network.Count::new);
      long t0 = System.nanoTime();
      List<int[]> out = new ArrayList<>(samples);
      for (int k = 0; k < samples; k++) out.add(((Network.Sampled) ask(system, net, r -> new Network.Sample(thin, r))).state());
      Network.Counted c1 = (Network.Counted) ask(system, net, Network.Count::new);
      double seconds = (System.nanoTime() - t0) / 1e9;
      return new Measured(out, (c1.updates() - c0.updates()) / seconds, (c1.informed() - c0.informed()) / seconds, seconds / samples);
    } finally {
      net.tell(new Network.Stop());
    }
  }

  private static Network.Reply ask(ActorSystem<?> system, ActorRef<Network.Command> net,
      akka.japi.function.Function<ActorRef<Network.Reply>, Network.Command> message) {
    Network.Reply r = AskPattern.ask(net, message, Duration.ofSeconds(120), system.scheduler()).toCompletableFuture().join();
    if (r instanceof Network.Failed f) throw new IllegalStateException(f.reason());
    return r;
  }

  /** The files {@link #write} writes into a directory. */
  public static final List<String> FILES = List.of("asynchrony.csv", "asynchrony.jsonl", "asynchrony-tv.png", "asynchrony-rate.png",
      "hamming.csv", "hamming.png", "asynchrony-bias.png");

  /** Checks, before any work, that {@link #write} may write into {@code dir}. */
  public static void checkWritable(Path dir, boolean force) {
    for (String f : FILES) AtomicFiles.checkWritable(dir.resolve(f), force);
  }

  /**
   * Writes the rows as CSV and JSON lines, and three plots: TV against the staleness ratio (a line
   * per model, mode and delay distribution, and the independent-draws floor per model), informed
   * updates per second against the staleness ratio (a line per model and mode), and the measured
   * bias on pairs against its bound ({@link #biasSeries}); with coupled-trajectory rows, those as
   * CSV and a plot too; each file atomically.
   */
  public static void write(List<Map<String, Object>> rows, List<Map<String, Object>> hamming, Path dir, boolean force) {
    checkWritable(dir, force);
    StringBuilder jsonl = new StringBuilder();
    for (Map<String, Object> r : rows) jsonl.append(Json.toLine(r)).append('\n');
    AtomicFiles.write(dir.resolve(FILES.get(0)), force, o -> o.write(csv(rows).getBytes(StandardCharsets.UTF_8)));
    AtomicFiles.write(dir.resolve(FILES.get(1)), force, o -> o.write(jsonl.toString().getBytes(StandardCharsets.UTF_8)));
    if (!hamming.isEmpty()) {
      AtomicFiles.write(dir.resolve(FILES.get(4)), force, o -> o.write(csv(hamming).getBytes(StandardCharsets.UTF_8)));
      Map<String, List<double[]>> byTau = new LinkedHashMap<>();
      for (Map<String, Object> r : hamming) {
        byTau.computeIfAbsent("τ = " + r.get("tau_steps") + " steps", k -> new ArrayList<>())
            .add(new double[] {((Number) r.get("n")).doubleValue(), ((Number) r.get("hamming_mean")).doubleValue()});
      }
      Map<String, double[][]> series = new LinkedHashMap<>();
      byTau.forEach((k, pts) -> series.put(k, new double[][] {pts.stream().mapToDouble(p -> p[0]).toArray(), pts.stream().mapToDouble(p -> p[1]).toArray()}));
      Plots.lines(dir.resolve(FILES.get(5)), "Coupled asynchronous vs sequential Glauber: Hamming distance", "sites n", "mean Hamming distance", series, true, force);
    }
    Plots.lines(dir.resolve(FILES.get(2)), "Distance to the exact distribution", "staleness ratio (message delay / mean update interval)",
        "total-variation distance", series(rows, "tv", true), force);
    Plots.lines(dir.resolve(FILES.get(3)), "Informed updates per second", "staleness ratio (message delay / mean update interval)",
        "informed updates / s", series(rows, "informed_updates_per_s", false), force);
    Plots.semilog(dir.resolve(FILES.get(6)), "Async bias on pairs against the bound 2 alpha tau / ((1 - alpha) n), models with alpha < 1",
        "staleness tau / n (mean delay x update rate / units)", "sparse variation distance over pairs", biasSeries(rows), force);
  }

  /**
   * The measured sparse variation distance over pairs against the bias bound at ω = 2
   * ({@link AsyncBounds#biasBound}) and the measured staleness ÷ n, for the async rows of models
   * with α &lt; 1 (a line each per model and delay distribution), with each model's exact-mode
   * distance (the sampling floor at this sample size) and the line y = 1, above which the bound is
   * vacuous. On a logarithmic y axis: the bound and the measurements differ by orders of magnitude.
   */
  static Map<String, double[][]> biasSeries(List<Map<String, Object>> rows) {
    Map<String, java.util.TreeMap<Double, Double>> points = new LinkedHashMap<>();
    Map<String, Double> floors = new LinkedHashMap<>();
    double xMax = 0;
    for (Map<String, Object> r : rows) {
      double a = num(r, "total_influence_alpha");
      if (!(a < 1)) continue;
      if ("exact".equals(r.get("mode"))) floors.put(r.get("model") + String.format(Locale.ROOT, " exact mode, sampling floor (alpha %.2f)", a), num(r, "sparse_tv_pairs"));
      if (!"async".equals(r.get("mode"))) continue;
      double x = num(r, "staleness_over_n");
      xMax = Math.max(xMax, x);
      String name = r.get("model") + " " + r.get("delay_distribution");
      points.computeIfAbsent(name + " measured", k -> new java.util.TreeMap<>()).put(x, num(r, "sparse_tv_pairs"));
      points.computeIfAbsent(name + " bound", k -> new java.util.TreeMap<>()).put(x, num(r, "bias_bound_pairs"));
    }
    Map<String, double[][]> out = new LinkedHashMap<>();
    points.forEach((name, byX) -> out.put(name, new double[][] {
        byX.keySet().stream().mapToDouble(Double::doubleValue).toArray(), byX.values().stream().mapToDouble(Double::doubleValue).toArray()}));
    double end = xMax;
    floors.forEach((name, y) -> out.put(name, new double[][] {{0, end}, {y, y}}));
    if (out.isEmpty()) out.put("no async rows with alpha < 1 in this grid", new double[][] {{0}, {0}});
    else out.put("1: the bound is vacuous above", new double[][] {{0, end}, {1, 1}});
    return out;
  }

  /** ε of the mixing bounds: the usual mixing time, to total-variation distance ¼. */
  static final double EPSILON = 0.25;

  /** The quantile of a message's staleness taken as the largest staleness τ* of the mixing bound. */
  static final double STALENESS_QUANTILE = 0.999;

  /** Φ⁻¹(0.999), the standard normal quantile at {@link #STALENESS_QUANTILE}. */
  private static final double Z_QUANTILE = 3.090232306167813;

  /**
   * Adds the bound columns to a row that has {@code mode}, {@code units}, {@code total_influence_alpha},
   * {@code staleness_steps} and {@code delay_distribution} ({@link AsyncBounds}, all NaN but for
   * async rows of models with α &lt; 1):
   * <ul>
   * <li>{@code bias_bound_single}, {@code bias_bound_pairs}: ω·ατ/((1 − α) n) at ω = 1 and 2 with
   * τ = {@code staleness_steps} (mean delay × measured update rate), beside {@code sparse_tv_pairs};
   * {@code bias_bound_pairs_vacuous} when the latter exceeds 1;
   * <li>{@code staleness_max_steps}: τ* for the mixing bound, the {@link #STALENESS_QUANTILE} quantile
   * of the Poisson count of network updates during a message delay at its own
   * {@link #STALENESS_QUANTILE} quantile (mean τ × {@link #delayQuantileOverMean}) — a high quantile,
   * not a sure maximum: the few reads staler than it are outside the bound's assumption;
   * <li>{@code async_mixing_bound_sweeps}: {@link AsyncBounds#asyncMixingBoundSweeps} at τ* and
   * ε = ¼, beside {@code sequential_mixing_bound_sweeps}.
   * </ul>
   */
  static void putBounds(Map<String, Object> row) {
    boolean async = "async".equals(row.get("mode"));
    int n = ((Number) row.get("units")).intValue();
    double alpha = num(row, "total_influence_alpha");
    double tau = num(row, "staleness_steps");
    boolean applies = async && alpha < 1;
    double pairs = applies ? AsyncBounds.biasBound(2, alpha, tau, n) : Double.NaN;
    row.put("bias_bound_single", applies ? AsyncBounds.biasBound(1, alpha, tau, n) : Double.NaN);
    row.put("bias_bound_pairs", pairs);
    row.put("bias_bound_pairs_vacuous", pairs > 1);
    double tauMax = async ? AsyncBounds.poissonQuantile(tau * delayQuantileOverMean(String.valueOf(row.get("delay_distribution"))), STALENESS_QUANTILE) : Double.NaN;
    row.put("staleness_max_steps", tauMax);
    row.put("async_mixing_bound_sweeps", applies ? AsyncBounds.asyncMixingBoundSweeps(n, alpha, tauMax, EPSILON) : Double.NaN);
  }

  /**
   * The {@link #STALENESS_QUANTILE} quantile of a message delay over its mean, from the delay's name
   * ({@link Timing#delayName}): 1 for fixed delays, −ln(1 − q) for exponential ones,
   * exp(σ Φ⁻¹(q) − σ²/2) for log-normal(σ) ones (per message or per synapse alike).
   */
  static double delayQuantileOverMean(String delayName) {
    String d = delayName.endsWith("/edge") ? delayName.substring(0, delayName.length() - "/edge".length()) : delayName;
    if (d.equals("fixed") || d.equals("none")) return 1;
    if (d.equals("exponential")) return -Math.log(1 - STALENESS_QUANTILE);
    if (d.startsWith("log-normal(") && d.endsWith(")")) {
      double sigma = Double.parseDouble(d.substring("log-normal(".length(), d.length() - 1));
      return Math.exp(sigma * Z_QUANTILE - sigma * sigma / 2);
    }
    throw new IllegalArgumentException("delay distribution '" + delayName + "' (expected fixed, exponential or log-normal(σ), optionally /edge)");
  }

  private static double num(Map<String, Object> row, String key) {
    Object v = row.get(key);
    if (!(v instanceof Number x)) throw new IllegalArgumentException("study row without a number in column " + key + " (got " + v + ")");
    return x.doubleValue();
  }

  /**
   * Rewrites the files of an earlier run from its {@code asynchrony.csv} (and {@code hamming.csv},
   * if there) in {@code from}, with the bound columns recomputed ({@link #putBounds}) and the plots
   * redrawn, into {@code dir} — without running anything.
   */
  public static void replot(Path from, Path dir, boolean force) {
    checkWritable(dir, force);
    List<Map<String, Object>> rows = readCsv(from.resolve(FILES.get(0)));
    for (Map<String, Object> r : rows) putBounds(r);
    Path h = from.resolve(FILES.get(4));
    write(rows, java.nio.file.Files.exists(h) ? readCsv(h) : List.of(), dir, force);
  }

  /** The rows of a CSV written by {@link #csv}: quoted cells are strings, true/false booleans, the rest numbers. */
  static List<Map<String, Object>> readCsv(Path csv) {
    List<String> lines;
    try {
      lines = java.nio.file.Files.readAllLines(csv, StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("cannot read " + csv + ": " + e.getMessage());
    }
    if (lines.isEmpty()) throw new IllegalArgumentException(csv + " is empty (expected a header and rows)");
    String[] header = lines.get(0).split(",");
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int k = 1; k < lines.size(); k++) {
      if (lines.get(k).isBlank()) continue;
      List<String> cells = cells(lines.get(k));
      if (cells.size() != header.length) throw new IllegalArgumentException(csv + " line " + (k + 1) + ": " + cells.size() + " cells (expected " + header.length + ")");
      Map<String, Object> row = new LinkedHashMap<>();
      for (int c = 0; c < header.length; c++) row.put(header[c], value(cells.get(c)));
      rows.add(row);
    }
    return rows;
  }

  private static List<String> cells(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted && ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
        cell.append('"');
        i++;
      } else if (ch == '"') {
        quoted = !quoted;
        if (quoted) cell.append('\0');
      } else if (ch == ',' && !quoted) {
        out.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(ch);
      }
    }
    out.add(cell.toString());
    return out;
  }

  /** A cell's value: a string if it was quoted (marked by a leading NUL), else a boolean or a number. */
  private static Object value(String cell) {
    if (!cell.isEmpty() && cell.charAt(0) == '\0') return cell.substring(1);
    if (cell.equals("true") || cell.equals("false")) return Boolean.parseBoolean(cell);
    try {
      if (cell.matches("-?\\d+")) return Integer.parseInt(cell);
      return Double.parseDouble(cell);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("CSV cell '" + cell + "' (expected a quoted string, true, false or a number)");
    }
  }

  private static String csv(List<Map<String, Object>> rows) {
    StringBuilder csv = new StringBuilder(String.join(",", rows.get(0).keySet())).append('\n');
    for (Map<String, Object> r : rows) {
      List<String> cells = new ArrayList<>();
      for (Object v : r.values()) cells.add(v instanceof String str ? '"' + str.replace("\"", "\"\"") + '"' : String.valueOf(v));
      csv.append(String.join(",", cells)).append('\n');
    }
    return csv.toString();
  }

  private static Map<String, double[][]> series(List<Map<String, Object>> rows, String key, boolean floor) {
    Map<String, List<double[]>> points = new LinkedHashMap<>();
    for (Map<String, Object> r : rows) {
      String name = r.get("model") + " " + r.get("mode") + (Boolean.TRUE.equals(r.get("delay_applies")) ? " " + r.get("delay_distribution") : "");
      points.computeIfAbsent(name, k -> new ArrayList<>()).add(new double[] {(double) r.get("staleness_ratio"), ((Number) r.get(key)).doubleValue()});
      if (floor) {
        points.computeIfAbsent(r.get("model") + " independent draws", k -> new ArrayList<>())
            .add(new double[] {(double) r.get("staleness_ratio"), (double) r.get("tv_iid_expected")});
      }
    }
    Map<String, double[][]> out = new LinkedHashMap<>();
    points.forEach((name, pts) -> {
      // one point per ratio (the floor is added once per row)
      Map<Double, Double> byX = new java.util.TreeMap<>();
      for (double[] xy : pts) byX.put(xy[0], xy[1]);
      double[] x = byX.keySet().stream().mapToDouble(Double::doubleValue).toArray();
      double[] y = byX.values().stream().mapToDouble(Double::doubleValue).toArray();
      out.put(name, new double[][] {x, y});
    });
    return out;
  }
}
