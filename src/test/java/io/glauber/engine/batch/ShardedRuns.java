package io.glauber.engine.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glauber.data.DataSpecs;
import io.glauber.data.Dataset;
import io.glauber.learn.LearningRule;
import io.glauber.model.Rbm;
import java.util.function.IntConsumer;

/**
 * A data-parallel run beside the single-process run, step by step, on bars and stripes 4×4: after
 * every step the parameters of the two must agree within a bound carried from float32 rounding
 * (unit roundoff u = 2⁻²⁴, γ_n = nu/(1 − nu), Higham 2002 §3.1).
 *
 * <p>A step's statistics differ by at most e = 2·γ_{R+N+1}·2 ({@link #statisticsTolerance}: R
 * stacked rows, N shards; see {@link ShardedStatisticsTest}). The difference δ of the parameters
 * feeds back: |Δp(h_j)| ≤ ¼(Σ_i v_i|δW_ij| + |δb_j|) ≤ ¼(nv + 1)δ, so the statistics differ by at
 * most e + ½(nv + 1)δ; the learner (velocity v' = μv + η(g − λw), w' = w + v') carries it on, and
 * {@link #bound} iterates that worst case, with the learner's own float rounding on both sides.
 * The draws are the same on both sides (every row on the stream of its key), so the chains must
 * agree exactly.
 */
public final class ShardedRuns {
  static final double U = 0x1.0p-24;

  private ShardedRuns() {}

  static double gamma(int n) {
    return n * U / (1 - n * U);
  }

  /** The bound e on an entry of a step's statistics, R stacked rows in N shards against one. */
  public static double statisticsTolerance(int rows, int shards) {
    return 2 * gamma(rows + shards + 1) * 2;
  }

  /** A small run of {@code m}: 16×8, k = 2, batches of 10, 7 chains, 3 replicas under PT. */
  public static TrainConfig config(TrainConfig.Method m) {
    return TrainConfig.parse("seed = 3, model.hidden = 8, train { method = " + m.name().toLowerCase()
        + ", k = 2, epochs = 4, batch-size = 10, chains = 7, learning-rate = 0.05, momentum = 0.5, weight-decay = 0.001,"
        + " pt.temperatures = [1, 1.5, 2.2], monitor-rows = 30 }");
  }

  /** Bars and stripes 4×4, the data of these runs. */
  public static Dataset data() {
    return DataSpecs.load("bas:4x4");
  }

  /**
   * Runs {@code steps} steps of {@code cfg} in one process and on {@code shards} (at most
   * {@code maxShards} shards) side by side, calling {@code beforeStep} before each, and asserts the
   * bound after each and equal chains at the end. Returns the sharded trainer's snapshot.
   */
  public static TrainingCheckpoint.State lockstep(TrainConfig cfg, StepStatistics shards, int maxShards, int steps, IntConsumer beforeStep) {
    try (Lockstep run = new Lockstep(cfg, shards, maxShards)) {
      for (int step = 0; step < steps; step++) {
        beforeStep.accept(step);
        run.step();
      }
      assertArrayEquals(run.single.snapshot().chainH(), run.sharded.snapshot().chainH(), cfg.method() + " on " + maxShards + " shards: chains");
      return run.sharded.snapshot();
    }
  }

  /** A single-process trainer and a data-parallel one on the same steps, with the bound on their difference. */
  public static final class Lockstep implements AutoCloseable {
    private final Dataset bas = data();
    private final TrainConfig cfg;
    private final int maxShards;
    /** The single-process run. */
    public final RbmTrainer single;
    /** The data-parallel run. */
    public final RbmTrainer sharded;
    private final double e;
    private double d; // bound on |δθ|
    private double dv; // bound on |δ velocity|
    private final float[] batch;

    /** The two runs of {@code cfg}, the second on {@code shards} (at most {@code maxShards}). */
    public Lockstep(TrainConfig cfg, StepStatistics shards, int maxShards) {
      this.cfg = cfg;
      this.maxShards = maxShards;
      int nv = bas.cols();
      single = new RbmTrainer(cfg, bas.values(), bas.rows(), nv);
      sharded = new RbmTrainer(cfg, bas.values(), bas.rows(), nv).dataParallel(shards);
      int b = cfg.batchSize();
      e = statisticsTolerance(b + ShardSpec.whole(cfg, nv, cfg.hidden(), b).negativeRows(), maxShards);
      batch = new float[b * nv];
    }

    /** The mini-batch of the next step. */
    public float[] nextBatch() {
      batch(bas, (int) single.step(), batch, cfg.batchSize());
      return batch;
    }

    /** One step of both runs; asserts the bound. */
    public void step() {
      float[] x = nextBatch();
      single.update(x);
      sharded.update(x);
      double[] next = bound(d, dv, e, bas.cols(), cfg.ruleAt(0), maxAbs(single.rbm()));
      d = next[0];
      dv = next[1];
      assertWithinBound();
    }

    /** Asserts that the two runs' parameters differ by at most the bound of the steps taken. */
    public void assertWithinBound() {
      double diff = maxDiff(single.rbm(), sharded.rbm());
      assertTrue(diff <= d, cfg.method() + " on " + maxShards + " shards, step " + single.step() + ": parameters differ by "
          + diff + " (bound " + d + ")");
    }

    @Override
    public void close() {
      single.close();
      sharded.close();
    }
  }

  /**
   * The bound after {@code steps} steps of rule {@code r} (its largest η; R = {@code rows} stacked
   * rows, N = {@code shards}) for a run that ended at {@code end}: with every parameter at most
   * |θ_end| + steps·v_max in size along the way, since no step moves one by more than
   * v_max = η(2 + λ|θ|)/(1 − μ).
   */
  public static double boundAfter(int steps, int nv, int rows, int shards, LearningRule r, Rbm end) {
    double theta = maxAbs(end);
    double vMax = r.learningRate() * 2 / (1 - r.momentum());
    if (r.weightDecay() > 0) throw new IllegalArgumentException("boundAfter covers runs without weight decay");
    theta += steps * vMax;
    double e = statisticsTolerance(rows, shards);
    double d = 0;
    double dv = 0;
    for (int t = 0; t < steps; t++) {
      double[] next = bound(d, dv, e, nv, r, theta);
      d = next[0];
      dv = next[1];
    }
    return d;
  }

  /** The mini-batch of step {@code step} of these runs: rows 7·step + 11·r mod 30. */
  public static void batch(Dataset bas, int step, float[] batch, int b) {
    int nv = bas.cols();
    for (int r = 0; r < b; r++) System.arraycopy(bas.values(), ((step * 7 + r * 11) % bas.rows()) * nv, batch, r * nv, nv);
  }

  /**
   * The worst case of one step: statistics off by e + ½(nv + 1)δ; velocity μv + η(g − λw) and
   * w + v each rounded on both sides (4 and 1 roundings of terms at most |θ|max + 2η + |v|max).
   */
  static double[] bound(double d, double dv, double e, int nv, LearningRule r, double thetaMax) {
    double g = e + 0.5 * (nv + 1) * d;
    double vMax = r.learningRate() * (2 + r.weightDecay() * thetaMax) / (1 - r.momentum());
    double dvNext = r.momentum() * dv + r.learningRate() * (g + r.weightDecay() * d) + 2 * 4 * U * (vMax + 2 * r.learningRate() + thetaMax);
    double dNext = d + dvNext + 2 * U * (thetaMax + vMax);
    return new double[] {dNext, dvNext};
  }

  static double maxAbs(Rbm m) {
    double x = 0;
    for (double v : m.w()) x = Math.max(x, Math.abs(v));
    for (double v : m.visibleBias()) x = Math.max(x, Math.abs(v));
    for (double v : m.hiddenBias()) x = Math.max(x, Math.abs(v));
    return x;
  }

  /** The largest difference of any parameter. */
  public static double maxDiff(Rbm a, Rbm b) {
    double x = 0;
    for (int k = 0; k < a.w().length; k++) x = Math.max(x, Math.abs(a.w()[k] - b.w()[k]));
    for (int k = 0; k < a.nVisible(); k++) x = Math.max(x, Math.abs(a.visibleBias()[k] - b.visibleBias()[k]));
    for (int k = 0; k < a.nHidden(); k++) x = Math.max(x, Math.abs(a.hiddenBias()[k] - b.hiddenBias()[k]));
    return x;
  }
}
