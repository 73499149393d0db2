package io.glauber.hopfield;

import io.glauber.engine.actor.Mode;
import io.glauber.engine.actor.memory.DenseFeatureLayer;
import io.glauber.engine.actor.memory.MemoryRecall;
import io.glauber.hopfield.RecallSettings.Engine;
import io.glauber.hopfield.RecallSettings.Update;
import io.glauber.kernel.Blas;
import io.glauber.model.SoftmaxMemory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Recall in a {@link ModernMemory} from many probes, scored like {@link RecallRun}: what
 * {@code glauber recall} runs on a modern memory file.
 *
 * <ul>
 *   <li>Softmax, {@code sync} (its only update), batch engine: ξ ← Xᵀ softmax(β X ξ) for a tile of
 *       probes at once — the scores Z = β Ξ Xᵀ and the new states Ξ' = P X by two BLAS products,
 *       the softmax of each row by {@link SoftmaxMemory} — until no unit moves by more than
 *       {@link #TOLERANCE} (a probe that has converged is frozen) or {@code maxSweeps} updates. The
 *       energy trace is {@link SoftmaxMemory#energyOfNormaliser} of each state, from the same
 *       shift and normaliser as its weights.
 *   <li>Softmax, actor engine ({@code sync}, mode exact): {@link MemoryRecall}, one actor per
 *       memory, which computes the same update as {@link SoftmaxMemory#update} to the last bit.
 *   <li>Power and exponential, batch engine: {@code async} (T = 0, a fresh random order each sweep,
 *       until a sweep lowers nothing) or {@code stochastic} ({@code maxSweeps} sweeps at T) by
 *       {@link DenseAssociativeMemory}, probe k on {@code new SplittableRandom(seed_k)} with seed_k the
 *       k-th {@code nextLong()} of {@code new SplittableRandom(seed)}, probes shared among the threads.
 *   <li>Power and exponential, actor engine (mode exact): {@link MemoryRecall#relaxDense}, one actor
 *       per memory and a feature layer, on the same per-probe seeds: the same dynamics to the last bit.
 * </ul>
 *
 * Anything else (an update the kind does not have, the asynchronous actor mode) is a one-line error.
 */
public final class ModernRecall {
  private ModernRecall() {}

  /** A softmax probe has converged when one update moves no unit by more than this. */
  public static final double TOLERANCE = 1e-9;

  /** Probes per tile of the batched softmax update, at most; the score tile (tile × K) is kept within {@link #TILE_SCORES}. */
  static final int TILE = 64;

  /** The most scores a tile holds (16 MB of doubles per thread), so that K in the millions still fits. */
  static final int TILE_SCORES = 1 << 21;

  /**
   * Relaxes every probe and scores it against the stored patterns.
   *
   * @throws IllegalArgumentException if a probe does not fit, or the kind has no such update or engine
   */
  public static RecallReport run(ModernMemory m, RecallProbes probes, RecallSettings s) {
    long t0 = System.nanoTime();
    List<RecallResult> results = relax(m, probes, s);
    double seconds = (System.nanoTime() - t0) / 1e9;
    List<RecallReport.Score> scores = new ArrayList<>();
    for (int k = 0; k < results.size(); k++) {
      scores.add(RecallReport.score(results.get(k), m.patterns(), probes.targets() == null ? -1 : probes.targets()[k]));
    }
    return new RecallReport(results, scores, seconds, s);
  }

  /**
   * The relaxation alone, without scoring every final state against all K patterns (which costs as
   * much as the recall when K is large): what a capacity sweep needs.
   */
  public static List<RecallResult> relax(ModernMemory m, RecallProbes probes, RecallSettings s) {
    check(m, probes, s);
    if (m.kind() != ModernMemory.Kind.SOFTMAX) return s.engine() == Engine.ACTOR ? denseWithActors(m, probes.states(), s) : dense(m, probes.states(), s);
    return s.engine() == Engine.ACTOR ? withActors(m, probes.states(), s.maxSweeps()) : softmax(m, probes.states(), s.maxSweeps(), s.threads());
  }

  private static void check(ModernMemory m, RecallProbes probes, RecallSettings s) {
    for (int k = 0; k < probes.states().length; k++) {
      if (probes.states()[k].length != m.size()) {
        throw new IllegalArgumentException("probe " + k + " has " + probes.states()[k].length + " units (expected N = " + m.size() + ")");
      }
    }
    if (m.kind() == ModernMemory.Kind.SOFTMAX) {
      if (s.update() != Update.SYNC) {
        throw new IllegalArgumentException("update " + s.update() + " of a softmax memory (expected sync: ξ ← Xᵀ softmax(β X ξ) moves all units at once)");
      }
      if (s.engine() == Engine.ACTOR && s.mode() != Mode.EXACT) {
        throw new IllegalArgumentException("mode " + s.mode() + " of the memory actors (expected exact: they run the synchronous update step by step)");
      }
    } else {
      if (s.engine() == Engine.ACTOR && s.mode() != Mode.EXACT) {
        throw new IllegalArgumentException("mode " + s.mode() + " of the memory actors (expected exact: they run single flips one after another)");
      }
      if (s.update() != Update.ASYNC && s.update() != Update.STOCHASTIC) {
        throw new IllegalArgumentException("update " + s.update() + " of a " + m.kind() + " memory (expected async or stochastic)");
      }
    }
  }

  /** The batched softmax update, tiles of probes on {@code threads} threads. */
  static List<RecallResult> softmax(ModernMemory m, double[][] probes, int maxSteps, int threads) {
    double[][] rows = m.rows();
    int n = m.size(), k = m.count();
    double[] x = new double[k * n];
    for (int mu = 0; mu < k; mu++) System.arraycopy(rows[mu], 0, x, mu * n, n);
    double constant = SoftmaxMemory.constant(rows, m.beta());
    RecallResult[] out = new RecallResult[probes.length];
    int tile = Math.max(1, Math.min(TILE, TILE_SCORES / k));
    int tiles = (probes.length + tile - 1) / tile;
    AtomicInteger next = new AtomicInteger();
    Runnable worker = () -> {
      for (int t = next.getAndIncrement(); t < tiles; t = next.getAndIncrement()) {
        int from = t * tile;
        softmaxTile(probes, from, Math.min(probes.length, from + tile), x, n, k, m.beta(), constant, maxSteps, out);
      }
    };
    HopfieldBatchRecall.runOnThreads(worker, Math.min(threads, tiles));
    return List.of(out);
  }

  private static void softmaxTile(double[][] probes, int from, int to, double[] x, int n, int k, double beta, double constant,
      int maxSteps, RecallResult[] out) {
    int b = to - from;
    double[] s = new double[b * n];
    double[] next = new double[b * n];
    double[] z = new double[b * k];
    double[] row = new double[k];
    double[][] energies = new double[b][maxSteps + 1];
    int[] steps = new int[b];
    boolean[] done = new boolean[b];
    for (int r = 0; r < b; r++) System.arraycopy(probes[from + r], 0, s, r * n, n);
    int active = b;
    for (int t = 0; ; t++) {
      Blas.gemm(false, true, b, k, n, beta, s, x, 0.0, z); // Z = β S Xᵀ: the scores of every state t
      for (int r = 0; r < b; r++) {
        System.arraycopy(z, r * k, row, 0, k);
        double c = SoftmaxMemory.shift(row);
        double sum = SoftmaxMemory.normaliser(row, c);
        // a probe that converged at the last step gets the energy of its final state here
        if (!done[r] || steps[r] == t) energies[r][t] = SoftmaxMemory.energyOfNormaliser(c, sum, beta, norm2(s, r * n, n), constant);
        for (int mu = 0; mu < k; mu++) z[r * k + mu] = SoftmaxMemory.weight(row[mu], c, sum);
      }
      if (active == 0 || t == maxSteps) break;
      Blas.gemm(false, false, b, n, k, 1.0, z, x, 0.0, next); // S' = P X
      for (int r = 0; r < b; r++) {
        if (done[r]) continue;
        double moved = 0;
        for (int i = r * n; i < (r + 1) * n; i++) moved = Math.max(moved, Math.abs(next[i] - s[i]));
        System.arraycopy(next, r * n, s, r * n, n);
        steps[r] = t + 1;
        if (moved <= TOLERANCE) {
          done[r] = true;
          active--;
        }
      }
    }
    for (int r = 0; r < b; r++) {
      double[] state = Arrays.copyOfRange(s, r * n, (r + 1) * n);
      out[from + r] = new RecallResult(state, steps[r], done[r], false, Arrays.copyOf(energies[r], steps[r] + 1));
    }
  }

  private static double norm2(double[] s, int offset, int n) {
    double q = 0;
    for (int i = offset; i < offset + n; i++) q += s[i] * s[i];
    return q;
  }

  private static List<RecallResult> withActors(ModernMemory m, double[][] probes, int maxSteps) {
    double[][] rows = m.rows();
    List<double[][]> runs = MemoryRecall.relax(rows, m.beta(), Arrays.asList(probes), maxSteps, TOLERANCE);
    List<RecallResult> out = new ArrayList<>();
    for (int k = 0; k < runs.size(); k++) {
      double[][] states = runs.get(k); // states[0] is the probe
      double[] energies = new double[states.length];
      for (int t = 0; t < states.length; t++) energies[t] = SoftmaxMemory.energy(rows, m.beta(), states[t]);
      boolean converged = states.length > 1 && maxMove(states[states.length - 2], states[states.length - 1]) <= TOLERANCE;
      out.add(new RecallResult(states[states.length - 1], states.length - 1, converged, false, energies));
    }
    return out;
  }

  private static double maxMove(double[] a, double[] b) {
    double d = 0;
    for (int i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
    return d;
  }

  /** The seed of each probe's dynamics: the k-th {@code nextLong()} of {@code new SplittableRandom(seed)} (a long, so that actors can be sent it). */
  private static long[] probeSeeds(long seed, int count) {
    SplittableRandom root = new SplittableRandom(seed);
    long[] seeds = new long[count];
    for (int k = 0; k < count; k++) seeds[k] = root.nextLong();
    return seeds;
  }

  private static List<RecallResult> denseWithActors(ModernMemory m, double[][] probes, RecallSettings s) {
    List<DenseFeatureLayer.Done> ends = MemoryRecall.relaxDense(m.rows(), m.interaction(), Arrays.asList(probes),
        s.update() == Update.ASYNC ? 0.0 : s.temperature(), s.maxSweeps(), s.update() == Update.ASYNC, probeSeeds(s.seed(), probes.length));
    List<RecallResult> out = new ArrayList<>();
    for (DenseFeatureLayer.Done d : ends) out.add(new RecallResult(d.state(), d.sweeps(), d.converged(), false, d.energies()));
    return out;
  }

  private static List<RecallResult> dense(ModernMemory m, double[][] probes, RecallSettings s) {
    DenseAssociativeMemory d = m.dense();
    long[] seeds = probeSeeds(s.seed(), probes.length);
    SplittableRandom[] rng = new SplittableRandom[probes.length];
    for (int k = 0; k < probes.length; k++) rng[k] = new SplittableRandom(seeds[k]);
    RecallResult[] out = new RecallResult[probes.length];
    AtomicInteger next = new AtomicInteger();
    Runnable worker = () -> {
      for (int k = next.getAndIncrement(); k < probes.length; k = next.getAndIncrement()) {
        out[k] = s.update() == Update.ASYNC ? d.asynchronous(probes[k], s.maxSweeps(), rng[k])
            : d.stochastic(probes[k], s.temperature(), s.maxSweeps(), rng[k]);
      }
    };
    HopfieldBatchRecall.runOnThreads(worker, Math.min(s.threads(), probes.length));
    return List.of(out);
  }
}
