package io.glauber.engine.batch;

/**
 * What one shard of a training step returns: its part of the step's statistics, weighted by the
 * whole step's row counts ({@link io.glauber.learn.StackedGradient#normalisers}), so that the parts
 * added are the statistics of the step,
 *
 * <pre>
 *   dW = Σ_shard rows  v pᵀ/N₊ − v pᵀ/N₋,   dBias = the same of [v, p],   hiddenClamped = Σ p₊/N₊
 * </pre>
 *
 * (positive rows: the shard's batch rows; negative: its chains at T = 1), its chains after the
 * step and its tempering swaps.
 *
 * @param dW nVisible×nHidden
 * @param dBias nVisible + nHidden
 * @param hiddenClamped nHidden
 * @param chainV the shard's chains' visible states after the step (as in {@link ShardWork})
 * @param chainH their hidden states
 * @param swapAttempts swaps tried per neighbouring pair of replicas in this step (empty unless PT)
 * @param swapAccepts swaps accepted per pair
 */
public record ShardResult(float[] dW, float[] dBias, float[] hiddenClamped, float[] chainV, float[] chainH,
    long[] swapAttempts, long[] swapAccepts) {
  public ShardResult {
    if (dW == null || dBias == null || hiddenClamped == null || chainV == null || chainH == null || swapAttempts == null
        || swapAccepts == null || swapAttempts.length != swapAccepts.length) {
      throw new IllegalArgumentException("shard result with a part missing or swap counts of different lengths");
    }
  }

  /** Whether the arrays have the lengths {@code spec}'s shard returns. */
  public boolean fits(ShardSpec spec) {
    int nv = spec.nVisible();
    int nh = spec.nHidden();
    int chains = spec.replicas() * spec.shardChains();
    return dW.length == nv * nh && dBias.length == nv + nh && hiddenClamped.length == nh
        && chainV.length == (spec.method() == TrainConfig.Method.PT ? chains * nv : 0)
        && chainH.length == (spec.persistent() ? chains * nh : 0) && swapAttempts.length == spec.replicas() - 1;
  }
}
