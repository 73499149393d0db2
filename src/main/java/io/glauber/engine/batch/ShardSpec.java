package io.glauber.engine.batch;

import java.util.Arrays;

/**
 * The fixed shape of one shard of a data-parallel training step: which rows of the mini-batch and
 * which persistent chains it computes, and everything the negative phase needs to be rebuilt
 * wherever the shard runs (method, k, temperatures, the run's seed, the RBM's size). A step of the
 * single-process trainer is the shard {@link #whole} of itself.
 *
 * <p>Rows are keyed by their place in the whole step, not in the shard: batch row i has key i,
 * chain n has key B + n (under CD the chains are the batch rows and have their keys), and every
 * row's draws come from the stream of its key ({@link io.glauber.kernel.BatchGibbs#reseedRows}).
 * That is what makes the shards' statistics, added, those of the whole step.
 *
 * @param method the negative phase
 * @param k Gibbs sweeps per step
 * @param temperatures replica temperatures (PT; one replica, T = 1, otherwise)
 * @param seed the run's seed
 * @param nVisible visible units
 * @param nHidden hidden units
 * @param batchRows B, rows of the whole mini-batch
 * @param chains C, chains (per replica) of the whole step (B under CD)
 * @param batchFrom first batch row of this shard
 * @param batchTo end (exclusive) of its batch rows
 * @param chainFrom first chain of this shard (= batchFrom under CD)
 * @param chainTo end (exclusive) of its chains (= batchTo under CD)
 */
public record ShardSpec(TrainConfig.Method method, int k, double[] temperatures, long seed, int nVisible, int nHidden,
    int batchRows, int chains, int batchFrom, int batchTo, int chainFrom, int chainTo) {

  public ShardSpec {
    if (method == null || temperatures == null || temperatures.length < 1) {
      throw new IllegalArgumentException("shard without a method or temperatures (expected both)");
    }
    if (k < 1 || nVisible < 1 || nHidden < 1 || batchRows < 1 || chains < 1) {
      throw new IllegalArgumentException("shard of k = " + k + ", " + nVisible + "×" + nHidden + " units, " + batchRows
          + " batch rows, " + chains + " chains (expected each ≥ 1)");
    }
    if (batchFrom < 0 || batchTo > batchRows || batchFrom >= batchTo || chainFrom < 0 || chainTo > chains || chainFrom >= chainTo) {
      throw new IllegalArgumentException("shard of batch rows [" + batchFrom + ", " + batchTo + ") and chains [" + chainFrom
          + ", " + chainTo + ") (expected non-empty ranges within " + batchRows + " rows and " + chains + " chains)");
    }
    if (method == TrainConfig.Method.CD && (chains != batchRows || chainFrom != batchFrom || chainTo != batchTo)) {
      throw new IllegalArgumentException("CD shard with chains [" + chainFrom + ", " + chainTo + ") of " + chains
          + " (expected the batch rows [" + batchFrom + ", " + batchTo + ") of " + batchRows + ")");
    }
    if (method != TrainConfig.Method.PT && temperatures.length != 1) {
      throw new IllegalArgumentException(method + " shard with temperatures " + Arrays.toString(temperatures) + " (expected [1.0])");
    }
    temperatures = temperatures.clone();
  }

  /** The whole step of a run of {@code cfg} on an RBM of nv×nh with mini-batches of {@code b} rows. */
  public static ShardSpec whole(TrainConfig cfg, int nv, int nh, int b) {
    int c = cfg.method() == TrainConfig.Method.CD ? b : cfg.chains();
    double[] t = cfg.method() == TrainConfig.Method.PT ? cfg.temperatures() : new double[] {1.0};
    return new ShardSpec(cfg.method(), cfg.k(), t, cfg.seed(), nv, nh, b, c, 0, b, 0, c);
  }

  /**
   * Shard {@code s} of {@code n} of this (whole) step: contiguous, balanced ranges of the batch rows
   * and of the chains (sizes differ by at most one); n must not exceed the rows or the chains.
   */
  public ShardSpec part(int s, int n) {
    if (n < 1 || n > Math.min(batchRows, chains) || s < 0 || s >= n) {
      throw new IllegalArgumentException("shard " + s + " of " + n + " (expected 0 ≤ shard < shards ≤ min(batch rows "
          + batchRows + ", chains " + chains + "))");
    }
    int bf = start(batchRows, s, n);
    int bt = start(batchRows, s + 1, n);
    int cf = method == TrainConfig.Method.CD ? bf : start(chains, s, n);
    int ct = method == TrainConfig.Method.CD ? bt : start(chains, s + 1, n);
    return new ShardSpec(method, k, temperatures, seed, nVisible, nHidden, batchRows, chains, bf, bt, cf, ct);
  }

  private static int start(int total, int s, int n) {
    return (int) ((long) total * s / n);
  }

  /** Rows of the mini-batch in this shard. */
  public int shardRows() {
    return batchTo - batchFrom;
  }

  /** Chains (per replica) in this shard. */
  public int shardChains() {
    return chainTo - chainFrom;
  }

  /** Temperature replicas. */
  public int replicas() {
    return temperatures.length;
  }

  /** Whether the chains persist from step to step (PCD, PT). */
  public boolean persistent() {
    return method != TrainConfig.Method.CD;
  }

  /** The rows of the negative statistics of the whole step, N₋: C, or B under CD. */
  public int negativeRows() {
    return chains;
  }

  /**
   * The key of row {@code row} of a pass over {@code rows} rows of this shard: under CD the batch
   * row's; otherwise a pass over batch and chain rows stacked (PCD's last half-step) keys its first
   * rows as batch rows and the rest as chains, and any other pass runs over chains.
   */
  public long key(int rows, int row) {
    if (method == TrainConfig.Method.CD) return batchFrom + row;
    int n = shardRows();
    if (rows == n + shardChains()) return row < n ? batchFrom + row : (long) batchRows + chainFrom + row - n;
    return (long) batchRows + chainFrom + row;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ShardSpec s && s.method == method && s.k == k && Arrays.equals(s.temperatures, temperatures)
        && s.seed == seed && s.nVisible == nVisible && s.nHidden == nHidden && s.batchRows == batchRows
        && s.chains == chains && s.batchFrom == batchFrom && s.batchTo == batchTo && s.chainFrom == chainFrom
        && s.chainTo == chainTo;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(new long[] {method.ordinal(), k, Arrays.hashCode(temperatures), seed, nVisible, nHidden,
        batchRows, chains, batchFrom, batchTo, chainFrom, chainTo});
  }

  @Override
  public String toString() {
    return "ShardSpec[" + method + ", k=" + k + ", T=" + Arrays.toString(temperatures) + ", seed=" + seed + ", " + nVisible + "×"
        + nHidden + ", batch [" + batchFrom + ", " + batchTo + ") of " + batchRows + ", chains [" + chainFrom + ", " + chainTo
        + ") of " + chains + "]";
  }
}
