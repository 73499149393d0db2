package io.glauber.hopfield;

import io.glauber.model.BoltzmannMachine;
import io.glauber.model.DenseCouplings;
import io.glauber.model.Schedule;
import io.glauber.model.Units;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Recall of many probes at once in a dense Hopfield network: the same dynamics as
 * {@link HopfieldRecall#asynchronous} and {@link HopfieldRecall#anneal}, vectorised across probes.
 *
 * <p>How: probes are cut into tiles of {@value #TILE} (small enough that their fields stay in
 * cache). For a tile with states S (B×N), the fields H = S·J + θ are formed once by one BLAS
 * product; then units are visited one at a time, and unit i is updated in every probe of the tile
 * by {@link io.glauber.model.Glauber#update} (through {@link HopfieldRecall#draw}); a probe whose
 * σ_i changes by d adds d·J_i· to its row of H. Energy: E = −½ σ·(SJ)_b − θ·σ at the start (the
 * formula of {@link BoltzmannMachine#energy}, tested against it), then ΔE = −d·h_i per change.
 *
 * <p>The schedule choice: in each sweep all probes visit the units in the same random order,
 * drawn from the seed. For each single probe this is still an asynchronous schedule with a fresh
 * uniformly random order per sweep, so the dynamics of each probe is exactly that of
 * {@link HopfieldRecall}; only the orders of different probes are correlated, which no per-probe
 * statistic can see. Random streams: with root = new SplittableRandom(seed), the order stream is
 * root.split() and probe b's draws (tie-breaks, T &gt; 0) come from the (b+2)-th split, so probe b
 * reproduces {@code HopfieldRecall.asynchronous(net, probe_b, maxSweeps, orderRng, drawRng_b)}
 * (for probe 0, simply {@code HopfieldRecall.asynchronous(net, probe_0, maxSweeps, new
 * SplittableRandom(seed))}) up to the rounding of fields (identical decisions unless a field is
 * exactly 0). A probe stops at its own first T = 0 sweep that lowers nothing.
 *
 * <p>Tiles are shared among {@code threads} worker threads. A tile holds at most {@value #TILE}
 * probes and at most ⌈probes/threads⌉, so that a few probes still keep every thread busy; which
 * tile a probe lands in does not change its run (every tile replays the same order stream).
 *
 * <p>{@link #stochastic} is {@link #anneal} with the one-step schedule (T, sweeps) and no quench:
 * per probe exactly {@link HopfieldRecall#stochastic}'s random-order Gibbs sweeps. Its cost per
 * sweep is N draws per probe plus N per flip, where the single-probe form recomputes every field
 * from the state (N² per sweep).
 */
public final class HopfieldBatchRecall {
  static final int TILE = 128;

  private final BoltzmannMachine net;
  private final double[] j;
  private final double[] theta;
  private final int n;
  private final int threads;

  /**
   * @param net a dense machine (spin or binary units)
   * @param threads worker threads, ≥ 1
   */
  public HopfieldBatchRecall(BoltzmannMachine net, int threads) {
    if (!(net.couplings() instanceof DenseCouplings dense)) {
      throw new IllegalArgumentException("batched recall needs dense couplings (got " + net.couplings().getClass().getSimpleName() + ")");
    }
    if (threads < 1) throw new IllegalArgumentException("threads " + threads + " (expected ≥ 1)");
    this.net = net;
    this.j = dense.matrix();
    this.theta = net.bias();
    this.n = net.size();
    this.threads = threads;
  }

  /** The BLAS implementation used for the field products. */
  public static String backend() {
    return io.glauber.kernel.Blas.backend();
  }

  /** Asynchronous T = 0 recall of every probe (see the class comment for the random streams). */
  public List<RecallResult> asynchronous(double[][] probes, int maxSweeps, long seed) {
    return run(probes, null, maxSweeps, seed);
  }

  /**
   * {@code sweeps} asynchronous sweeps at temperature T of every probe, each as
   * {@link HopfieldRecall#stochastic} (probe 0 with {@code new SplittableRandom(seed)} exactly;
   * the others on the streams of the class comment); {@code converged} is false, as there.
   */
  public List<RecallResult> stochastic(double[][] probes, double temperature, int sweeps, long seed) {
    return run(probes, Schedule.constant(temperature, sweeps), 0, seed);
  }

  /** Annealing by the schedule, then T = 0 sweeps until a fixed point or {@code maxQuenchSweeps}. */
  public List<RecallResult> anneal(double[][] probes, Schedule schedule, int maxQuenchSweeps, long seed) {
    return run(probes, schedule, maxQuenchSweeps, seed);
  }

  private List<RecallResult> run(double[][] probes, Schedule schedule, int maxQuench, long seed) {
    for (int b = 0; b < probes.length; b++) {
      if (probes[b].length != n) {
        throw new IllegalArgumentException("probe " + b + " of length " + probes[b].length + " (expected N = " + n + ")");
      }
      for (int i = 0; i < n; i++) {
        if (!net.units().admits(probes[b][i])) {
          throw new IllegalArgumentException("probe " + b + ", unit " + i + " = " + probes[b][i] + " (expected "
              + net.units().low() + " or " + net.units().high() + ")");
        }
      }
    }
    SplittableRandom root = new SplittableRandom(seed);
    root.split(); // the order stream; each tile re-derives it
    SplittableRandom[] draws = new SplittableRandom[probes.length];
    for (int b = 0; b < probes.length; b++) draws[b] = root.split();
    RecallResult[] out = new RecallResult[probes.length];
    int tileSize = Math.max(1, Math.min(TILE, (probes.length + threads - 1) / threads));
    int tiles = (probes.length + tileSize - 1) / tileSize;
    AtomicInteger next = new AtomicInteger();
    Runnable worker = () -> {
      Tile tile = new Tile();
      for (int t = next.getAndIncrement(); t < tiles; t = next.getAndIncrement()) {
        int from = t * tileSize;
        int to = Math.min(probes.length, from + tileSize);
        tile.run(probes, from, to, draws, schedule, maxQuench, new SplittableRandom(seed).split(), out);
      }
    };
    runOnThreads(worker, Math.min(threads, tiles));
    return List.of(out);
  }

  /** Runs {@code worker} on {@code count} threads (inline when one) and waits for them; a failure in any is rethrown. */
  static void runOnThreads(Runnable worker, int count) {
    if (count <= 1) {
      worker.run();
      return;
    }
    List<Thread> started = new ArrayList<>();
    Throwable[] failure = new Throwable[1];
    for (int k = 0; k < count; k++) {
      Thread t = new Thread(worker, "hopfield-batch-" + k);
      t.setUncaughtExceptionHandler((th, e) -> failure[0] = e);
      t.start();
      started.add(t);
    }
    for (Thread t : started) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for recall threads", e);
      }
    }
    if (failure[0] != null) throw new IllegalStateException("recall thread failed", failure[0]);
  }

  /** Per-thread buffers for one tile of probes, reused from tile to tile. */
  private final class Tile {
    private final double[] s = new double[TILE * n];
    private final double[] h = new double[TILE * n];
    private final double[] energy = new double[TILE];
    private final boolean[] lowered = new boolean[TILE];
    private final int[] active = new int[TILE];
    private final int[] order = UnitOrder.identity(n);

    void run(double[][] probes, int from, int to, SplittableRandom[] draws, Schedule schedule, int maxQuench,
        SplittableRandom orderRng, RecallResult[] out) {
      int m = to - from;
      for (int i = 0; i < n; i++) order[i] = i; // every tile replays the same order stream from the identity
      for (int b = 0; b < m; b++) System.arraycopy(probes[from + b], 0, s, b * n, n);
      io.glauber.kernel.Blas.gemm(false, false, m, n, n, 1.0, s, j, 0.0, h); // h = S·J, without thresholds
      int steps = (schedule == null ? 0 : Math.toIntExact(schedule.totalDuration())) + maxQuench;
      double[][] energies = new double[m][steps + 1];
      int[] sweeps = new int[m];
      for (int b = 0; b < m; b++) {
        double e = 0;
        int row = b * n;
        for (int i = 0; i < n; i++) e -= s[row + i] * (0.5 * h[row + i] + theta[i]);
        energy[b] = e;
        energies[b][0] = e;
        active[b] = b;
      }
      int nActive = m;
      Units units = net.units();
      if (schedule != null) {
        for (Schedule.Step step : schedule.steps()) {
          for (long k = 0; k < step.duration(); k++) {
            sweep(units, step.temperature(), nActive, from, draws, orderRng);
            for (int b = 0; b < m; b++) energies[b][++sweeps[b]] = energy[b];
          }
        }
      }
      for (int sweep = 0; sweep < maxQuench && nActive > 0; sweep++) {
        sweep(units, 0.0, nActive, from, draws, orderRng);
        int kept = 0;
        for (int a = 0; a < nActive; a++) {
          int b = active[a];
          energies[b][++sweeps[b]] = energy[b];
          if (lowered[b]) {
            active[kept++] = b;
          } else {
            out[from + b] = result(b, sweeps[b], true, energies[b]);
          }
        }
        nActive = kept;
      }
      for (int a = 0; a < nActive; a++) {
        int b = active[a];
        out[from + b] = result(b, sweeps[b], false, energies[b]);
      }
    }

    private void sweep(Units units, double temperature, int nActive, int from, SplittableRandom[] draws,
        SplittableRandom orderRng) {
      UnitOrder.shuffle(order, orderRng);
      for (int a = 0; a < nActive; a++) lowered[active[a]] = false;
      for (int i : order) {
        int jRow = i * n;
        for (int a = 0; a < nActive; a++) {
          int b = active[a];
          int row = b * n;
          double field = h[row + i] + theta[i];
          double next = HopfieldRecall.draw(units, field, temperature, draws[from + b]);
          double d = next - s[row + i];
          if (d != 0) {
            s[row + i] = next;
            double de = -d * field;
            energy[b] += de;
            if (de < 0) lowered[b] = true;
            for (int k = 0; k < n; k++) h[row + k] += d * j[jRow + k];
          }
        }
      }
    }

    private RecallResult result(int b, int sweeps, boolean converged, double[] energies) {
      return new RecallResult(Arrays.copyOfRange(s, b * n, (b + 1) * n), sweeps, converged, false,
          Arrays.copyOf(energies, sweeps + 1));
    }
  }
}
