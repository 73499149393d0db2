package io.glauber.bench;

import io.glauber.kernel.Blas;
import io.glauber.kernel.ColourGibbs;
import io.glauber.kernel.FastMath;
import io.glauber.kernel.Team;
import io.glauber.model.BoltzmannMachine;
import io.glauber.model.RandomMachines;
import io.glauber.model.SparseCouplings;
import io.glauber.model.Units;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The benchmark of {@code glauber bench gibbs}: single-unit updates per nanosecond of wall time of
 * the batched Gibbs kernel ({@link ColourGibbs}) on a periodic L×L Ising lattice (spins, J = 1, no
 * field, T = 2.5), beside a plain sequential heat-bath loop in the same JVM — one chain, a neighbour
 * table, p(+1 | neighbours) = σ(2·Σ_j s_j / T) looked up among the five values the neighbour sum
 * takes: the baseline a user would write. With {@code dense}, also a fully connected spin BM of N
 * units with random couplings, against the bound set by its products: a dense sweep costs 2N flops
 * per update (one row of W times the chains' states, {@link Blas#gemm} over runs of units), so with
 * the rate R of those same products measured alone, on the same threads and shapes, the bound is
 * R / 2N updates per second; {@code fraction_of_bound} is the measured rate over it.
 *
 * <p>How it measures: each figure is first warmed up in windows until two successive windows agree
 * within {@link #SETTLED} (the JIT has finished with it), for at most the measuring time; then the
 * two figures of a comparison (kernel and sequential loop; dense sweep and its products alone) are
 * measured in turns, {@link #ROUNDS} windows each, and each figure reported is the median of its
 * windows, each ratio the median of the per-round ratios — so that a stretch in which another
 * process takes a core shifts one round, not the figure, and both sides of a ratio see the same
 * machine. Beside the medians: the slowest and fastest window, the cores the kernel's process used
 * during its windows (CPU time over wall time: below the thread count when other processes held a
 * core), and the JIT's and collector's milliseconds during the measurement.
 */
public final class GibbsBench {
  private GibbsBench() {}

  /**
   * @param side lattice side L (L² sites)
   * @param chains chains of the batched kernel
   * @param seconds measuring time of each figure, after a warm-up of a quarter of it
   * @param dense units N of the dense machine, or 0 for none
   * @param seed seed
   */
  public record Settings(int side, int chains, double seconds, int dense, long seed) {
    public Settings {
      if (side < 3) throw new IllegalArgumentException("--side " + side + " (expected ≥ 3)");
      if (chains < 1) throw new IllegalArgumentException("--chains " + chains + " (expected ≥ 1)");
      if (!(seconds > 0)) throw new IllegalArgumentException("--seconds " + seconds + " (expected > 0)");
      if (dense < 0 || dense == 1) throw new IllegalArgumentException("--dense " + dense + " (expected ≥ 2 units)");
    }
  }

  static final double TEMPERATURE = 2.5;
  /** Measured windows per figure. */
  static final int ROUNDS = 5;
  /** Two successive warm-up windows within this relative difference: warm. */
  static final double SETTLED = 0.03;

  /** Runs the benchmark; the map is one JSON object. */
  public static Map<String, Object> run(Settings s) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("backend", Blas.backend());
    out.put("vector_width", ColourGibbs.vectorWidth());
    out.put("vector_api", FastMath.vectorized());
    out.put("load_average_before", Jvm.load());
    int n = s.side() * s.side();
    out.put("lattice", s.side() + "x" + s.side());
    out.put("temperature", TEMPERATURE);
    try (Team team = Team.ofCores(Runtime.getRuntime().availableProcessors())) {
      out.put("threads", team.size());
      out.put("chains", s.chains());
      BoltzmannMachine ising = new BoltzmannMachine(Units.SPIN, SparseCouplings.squareLattice(s.side(), 1.0), new double[n], n, TEMPERATURE);
      ColourGibbs g = new ColourGibbs(ising, s.chains(), s.seed(), team);
      out.put("lookup_units", g.lookupUnits());
      out.put("state_mb", 4.0 * n * s.chains() / (1 << 20));
      out.put("heap_max_mb", Runtime.getRuntime().maxMemory() / (1 << 20));
      Pair p = pair(g::sweep, (double) n * s.chains(), new SequentialIsing(s.side(), TEMPERATURE, s.seed())::sweep, n, s.seconds());
      out.put("flips_per_ns", p.a.median());
      out.put("flips_per_ns_range", p.a.range());
      out.put("sequential_flips_per_ns", p.b.median());
      out.put("sequential_flips_per_ns_range", p.b.range());
      out.put("ratio_to_sequential", p.ratio.median());
      out.put("ratio_to_sequential_range", p.ratio.range());
      out.put("cores_used", p.coresUsed);
      out.put("rounds", ROUNDS);
      out.put("window_seconds", s.seconds() / ROUNDS);
      out.put("warmup_seconds", p.warmupSeconds);
      out.put("warmup_settled", p.settled);
      out.put("jit_ms_during", p.jitMillis);
      out.put("gc_ms_during", p.gcMillis);
      if (s.dense() > 0) out.put("dense", dense(s, team));
    }
    out.put("load_average_after", Jvm.load());
    return out;
  }

  /** Medians and extremes of a figure's windows. */
  record Windows(double[] values) {
    double median() {
      double[] v = values.clone();
      java.util.Arrays.sort(v);
      return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** [slowest, fastest] (a list, so that it prints alike at the top level and nested). */
    java.util.List<Double> range() {
      double[] v = values.clone();
      java.util.Arrays.sort(v);
      return java.util.List.of(v[0], v[v.length - 1]);
    }
  }

  /** Two figures measured in turns, their per-round ratio, and what the JVM and machine did meanwhile. */
  record Pair(Windows a, Windows b, Windows ratio, double coresUsed, double warmupSeconds, boolean settled, long jitMillis, long gcMillis) {}

  /**
   * Units per nanosecond of {@code a} and {@code b} ({@code unitsA}, {@code unitsB} per call), each
   * warmed up until settled, then measured in {@link #ROUNDS} alternating windows of seconds/ROUNDS.
   */
  static Pair pair(Runnable a, double unitsA, Runnable b, double unitsB, double seconds) {
    double window = seconds / ROUNDS;
    long w0 = System.nanoTime();
    boolean settled = warmUp(a, unitsA, window, seconds) & warmUp(b, unitsB, window, seconds);
    double warmup = (System.nanoTime() - w0) / 1e9;
    long jit = Jvm.jitMillis();
    long gc = Jvm.gcMillis();
    double[] ra = new double[ROUNDS];
    double[] rb = new double[ROUNDS];
    double[] ratio = new double[ROUNDS];
    long cpu = 0;
    long wall = 0;
    for (int r = 0; r < ROUNDS; r++) {
      long c0 = Jvm.processCpuNanos();
      long t0 = System.nanoTime();
      ra[r] = perNanosecond(a, unitsA, window);
      wall += System.nanoTime() - t0;
      cpu += Jvm.processCpuNanos() - c0;
      rb[r] = perNanosecond(b, unitsB, window);
      ratio[r] = ra[r] / rb[r];
    }
    return new Pair(new Windows(ra), new Windows(rb), new Windows(ratio), (double) cpu / wall, warmup, settled, Jvm.jitMillis() - jit, Jvm.gcMillis() - gc);
  }

  /** Windows of {@code step} until two successive rates agree within {@link #SETTLED}, for at most {@code limit} seconds; whether they did. */
  static boolean warmUp(Runnable step, double units, double window, double limit) {
    long end = System.nanoTime() + (long) (limit * 1e9);
    double last = perNanosecond(step, units, window);
    while (System.nanoTime() < end) {
      double next = perNanosecond(step, units, window);
      if (Math.abs(next - last) <= SETTLED * Math.max(next, last)) return true;
      last = next;
    }
    return false;
  }

  /** Units per nanosecond: {@code units} per call of {@code step}, timed for about {@code seconds}. */
  static double perNanosecond(Runnable step, double units, double seconds) {
    return units / (Jvm.secondsPerCall(step, seconds) * 1e9);
  }

  private static Map<String, Object> dense(Settings s, Team team) {
    int nd = s.dense();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("units", nd);
    out.put("chains", s.chains());
    BoltzmannMachine m = RandomMachines.gaussian(nd, Units.SPIN, 1 / Math.sqrt(nd), 0.1, nd, 1.0, new SplittableRandom(s.seed()));
    ColourGibbs g = new ColourGibbs(m, s.chains(), s.seed(), team);
    Runnable sweep = g::sweep;
    // the same products alone: per block of chains, W[run, :] · S_block for every run of units
    int blocks = (s.chains() + ColourGibbs.BLOCK - 1) / ColourGibbs.BLOCK;
    float[] w = new float[nd * nd];
    float[] states = new float[s.chains() * nd];
    float[][] fields = new float[team.size()][ColourGibbs.BLOCK * ColourGibbs.BLOCK];
    SplittableRandom r = new SplittableRandom(s.seed());
    for (int i = 0; i < w.length; i++) w[i] = (float) r.nextGaussian();
    for (int i = 0; i < states.length; i++) states[i] = r.nextBoolean() ? 1f : -1f;
    int run = ColourGibbs.RUN;
    Team.Body products = (from, to, part) -> {
      for (int b = from; b < to; b++) {
        int len = Math.min(ColourGibbs.BLOCK, s.chains() - b * ColourGibbs.BLOCK);
        for (int r0 = 0; r0 < nd; r0 += run) {
          Blas.gemm(false, false, Math.min(run, nd - r0), len, nd, 1f, w, r0 * nd, nd, states, b * ColourGibbs.BLOCK * nd, len, 0f, fields[part], 0, ColourGibbs.BLOCK);
        }
      }
    };
    double units = (double) nd * s.chains();
    Pair p = pair(sweep, units, () -> team.run(blocks, products), units, s.seconds());
    out.put("updates_per_ns", p.a.median());
    out.put("product_gflops", p.b.median() * 2 * nd);
    out.put("bound_updates_per_ns", p.b.median());
    out.put("fraction_of_bound", p.ratio.median());
    out.put("fraction_of_bound_range", p.ratio.range());
    out.put("warmup_settled", p.settled);
    return out;
  }

  /**
   * The baseline: one chain of fixed-scan heat-bath updates on the periodic lattice, neighbours
   * from a table, p(+1) from the five values σ(2k/T), k ∈ {−4, −2, 0, 2, 4}.
   */
  static final class SequentialIsing {
    private final int[] neighbours;
    private final byte[] spin;
    private final double[] pUp = new double[9];
    private final SplittableRandom rng;

    SequentialIsing(int side, double t, long seed) {
      int n = side * side;
      neighbours = new int[4 * n];
      spin = new byte[n];
      rng = new SplittableRandom(seed);
      for (int y = 0; y < side; y++) {
        for (int x = 0; x < side; x++) {
          int i = y * side + x;
          neighbours[4 * i] = y * side + (x + 1) % side;
          neighbours[4 * i + 1] = y * side + (x + side - 1) % side;
          neighbours[4 * i + 2] = ((y + 1) % side) * side + x;
          neighbours[4 * i + 3] = ((y + side - 1) % side) * side + x;
          spin[i] = (byte) (rng.nextBoolean() ? 1 : -1);
        }
      }
      for (int k = -4; k <= 4; k += 2) pUp[k + 4] = 1 / (1 + Math.exp(-2 * k / t));
    }

    void sweep() {
      for (int i = 0; i < spin.length; i++) {
        int sum = spin[neighbours[4 * i]] + spin[neighbours[4 * i + 1]] + spin[neighbours[4 * i + 2]] + spin[neighbours[4 * i + 3]];
        spin[i] = (byte) (rng.nextDouble() < pUp[sum + 4] ? 1 : -1);
      }
    }
  }
}
