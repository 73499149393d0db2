package io.glauber.engine.batch;

import io.glauber.learn.LearningRule;

/**
 * Settings of a contrastive-divergence run.
 *
 * @param hidden number of hidden units
 * @param k Gibbs steps in the negative phase (CD-k)
 * @param epochs passes over the data
 * @param batchSize examples per update
 * @param rule the learning rule (rate, momentum, decay, sparsity)
 * @param initStd standard deviation of the initial weights (Hinton's guide: 0.01)
 * @param seed the run's one seed
 */
public record RbmTrainingSettings(int hidden, int k, int epochs, int batchSize, LearningRule rule, double initStd, long seed) {
  public RbmTrainingSettings {
    if (hidden < 1) throw new IllegalArgumentException("hidden units " + hidden + " (expected ≥ 1)");
    if (k < 1) throw new IllegalArgumentException("CD steps k = " + k + " (expected ≥ 1)");
    if (epochs < 0) throw new IllegalArgumentException("epochs " + epochs + " (expected ≥ 0)");
    if (batchSize < 1) throw new IllegalArgumentException("batch size " + batchSize + " (expected ≥ 1)");
    if (!(initStd >= 0)) throw new IllegalArgumentException("initial weight std " + initStd + " (expected ≥ 0)");
    if (rule == null) throw new IllegalArgumentException("learning rule missing");
  }
}
