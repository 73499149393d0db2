package io.glauber.engine.batch;

import static org.junit.jupiter.api.Assertions.*;

import io.glauber.data.DataSpecs;
import io.glauber.data.Dataset;
import io.glauber.learn.LearningRule;
import io.glauber.model.Rbm;
import org.junit.jupiter.api.Test;

/**
 * Data-parallel training in one process: a step split into N = 1, 2, 3 shards ({@link LocalShards})
 * sums to the single process's step, and a sharded run follows the single run, for CD, PCD and PT
 * on bars and stripes 4×4.
 *
 * <p>Tolerances, from float32 rounding (unit roundoff u = 2⁻²⁴, γ_n = nu/(1 − nu), Higham 2002
 * §3.1): an entry of ΔW (or Δa, Δb) is a sum over the R = N₊ + N₋ stacked rows of terms
 * w_r·v·p with |w_r| = 1/N₊ or 1/N₋ and v, p ∈ [0, 1], so Σ|terms| ≤ 2. One product over all rows
 * errs by at most (γ_R + u)·2 (the weighting of P by w_r rounds once); N shards err by as much
 * each and their sum adds γ_N. Their difference is at most e = 2·γ_{R+N+1}·2. The draws are the
 * same on both sides (every row on the stream of its key), so the chains agree exactly unless a
 * probability that differs in its last bit straddles a uniform draw (chance about 10⁻⁷ per draw).
 *
 * <p>Over a run the difference δ of the parameters feeds back: |Δp(h_j)| ≤ ¼(Σ_i v_i|δW_ij| + |δb_j|)
 * ≤ ¼(nv + 1)δ, so the statistics differ by at most e + ½(nv + 1)δ, and the learner (velocity
 * v' = μv + η(g − λw), w' = w + v') carries it on; {@link #bound} iterates that worst case step by
 * step, with the learner's own float rounding on both sides.
 */
class ShardedStatisticsTest {
  static final double U = 0x1.0p-24;

  static double gamma(int n) {
    return n * U / (1 - n * U);
  }

  static TrainConfig config(TrainConfig.Method m) {
    return TrainConfig.parse("seed = 3, model.hidden = 8, train { method = " + m.name().toLowerCase()
        + ", k = 2, epochs = 4, batch-size = 10, chains = 7, learning-rate = 0.05, momentum = 0.5, weight-decay = 0.001,"
        + " pt.temperatures = [1, 1.5, 2.2], monitor-rows = 30 }");
  }

  @Test
  void shardsOfOneStepSumToTheWholeStep() {
    Dataset bas = DataSpecs.load("bas:4x4");
    for (TrainConfig.Method m : TrainConfig.Method.values()) {
      TrainConfig cfg = config(m);
      TrainingCheckpoint.State s;
      try (RbmTrainer t = new RbmTrainer(cfg, bas.values(), bas.rows(), bas.cols())) {
        t.train(null); // parameters and chains away from their start
        s = t.snapshot();
      }
      int nv = bas.cols();
      int nh = cfg.hidden();
      ShardSpec whole = ShardSpec.whole(cfg, nv, nh, cfg.batchSize());
      float[] batch = java.util.Arrays.copyOfRange(bas.values(), 7 * nv, (7 + cfg.batchSize()) * nv);
      ShardResult single;
      try (ShardWorker w = new ShardWorker()) {
        single = w.compute(new ShardWork(whole, 99, s.w(), s.bias(), batch, s.chainV().clone(), s.chainH().clone()));
      }
      for (int n = 1; n <= 3; n++) {
        ShardResult sharded;
        try (LocalShards shards = new LocalShards(n)) {
          sharded = shards.compute(new ShardWork(whole, 99, s.w(), s.bias(), batch, s.chainV().clone(), s.chainH().clone()));
        }
        int rows = whole.batchRows() + whole.negativeRows();
        double e = 2 * gamma(rows + n + 1) * 2;
        String what = m + " in " + n + " shards";
        assertArrayEquals(single.chainH(), sharded.chainH(), what + ": hidden chain states");
        assertArrayEquals(single.chainV(), sharded.chainV(), what + ": visible chain states");
        assertArrayEquals(single.swapAttempts(), sharded.swapAttempts(), what + ": swaps tried");
        assertArrayEquals(single.swapAccepts(), sharded.swapAccepts(), what + ": swaps accepted");
        assertClose(single.dW(), sharded.dW(), e, what + ": ΔW");
        assertClose(single.dBias(), sharded.dBias(), e, what + ": Δbias");
        assertClose(single.hiddenClamped(), sharded.hiddenClamped(), e, what + ": ⟨h⟩₊");
      }
    }
  }

  @Test
  void shardedRunsFollowTheSingleRun() {
    Dataset bas = DataSpecs.load("bas:4x4");
    int nv = bas.cols();
    for (TrainConfig.Method m : TrainConfig.Method.values()) {
      TrainConfig cfg = config(m);
      for (int n = 1; n <= 3; n++) {
        try (RbmTrainer single = new RbmTrainer(cfg, bas.values(), bas.rows(), nv);
            RbmTrainer sharded = new RbmTrainer(cfg, bas.values(), bas.rows(), nv);
            LocalShards shards = new LocalShards(n)) {
          sharded.dataParallel(shards);
          int b = cfg.batchSize();
          int rows = b + ShardSpec.whole(cfg, nv, cfg.hidden(), b).negativeRows();
          double e = 2 * gamma(rows + n + 1) * 2;
          double d = 0; // bound on |δθ|
          double dv = 0; // bound on |δ velocity|
          float[] batch = new float[b * nv];
          for (int step = 0; step < 24; step++) {
            for (int r = 0; r < b; r++) System.arraycopy(bas.values(), ((step * 7 + r * 11) % bas.rows()) * nv, batch, r * nv, nv);
            single.update(batch);
            sharded.update(batch);
            double[] next = bound(d, dv, e, nv, cfg.ruleAt(0), maxAbs(single.rbm()));
            d = next[0];
            dv = next[1];
            double diff = maxDiff(single.rbm(), sharded.rbm());
            assertTrue(diff <= d, m + " in " + n + " shards, step " + step + ": parameters differ by " + diff + " (bound " + d + ")");
          }
          assertArrayEquals(single.snapshot().chainH(), sharded.snapshot().chainH(), m + " in " + n + " shards: chains");
        }
      }
    }
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

  static double maxDiff(Rbm a, Rbm b) {
    double x = 0;
    for (int k = 0; k < a.w().length; k++) x = Math.max(x, Math.abs(a.w()[k] - b.w()[k]));
    for (int k = 0; k < a.nVisible(); k++) x = Math.max(x, Math.abs(a.visibleBias()[k] - b.visibleBias()[k]));
    for (int k = 0; k < a.nHidden(); k++) x = Math.max(x, Math.abs(a.hiddenBias()[k] - b.hiddenBias()[k]));
    return x;
  }

  static void assertClose(float[] expected, float[] actual, double tolerance, String what) {
    assertEquals(expected.length, actual.length, what + ": length");
    for (int k = 0; k < expected.length; k++) {
      assertEquals(expected[k], actual[k], tolerance, what + " entry " + k);
    }
  }
}
