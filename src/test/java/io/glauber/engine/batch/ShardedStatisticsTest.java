package io.glauber.engine.batch;

import static org.junit.jupiter.api.Assertions.*;

import io.glauber.data.DataSpecs;
import io.glauber.data.Dataset;
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
 * Over a run, {@link ShardedRuns#lockstep} carries the bound on.
 */
class ShardedStatisticsTest {
  @Test
  void shardsOfOneStepSumToTheWholeStep() {
    Dataset bas = DataSpecs.load("bas:4x4");
    for (TrainConfig.Method m : TrainConfig.Method.values()) {
      TrainConfig cfg = ShardedRuns.config(m);
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
        double e = ShardedRuns.statisticsTolerance(rows, n);
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
    for (TrainConfig.Method m : TrainConfig.Method.values()) {
      for (int n = 1; n <= 3; n++) {
        try (LocalShards shards = new LocalShards(n)) {
          ShardedRuns.lockstep(ShardedRuns.config(m), shards, n, 24, step -> {});
        }
      }
    }
  }

  static void assertClose(float[] expected, float[] actual, double tolerance, String what) {
    assertEquals(expected.length, actual.length, what + ": length");
    for (int k = 0; k < expected.length; k++) {
      assertEquals(expected[k], actual[k], tolerance, what + " entry " + k);
    }
  }
}
