package io.glauber.engine.actor.layer;

import io.glauber.learn.LearningRule;
import java.time.Duration;

/**
 * The settings of one layer-actor training run, validated up front.
 *
 * @param k Gibbs sweeps (visible updates) of the negative phase: CD-k, or PCD-k when persistent
 * @param epochs passes over the data
 * @param batchSize data vectors per mini-batch (and persistent chains under PCD)
 * @param rule the learning rule handed to the shared {@link io.glauber.learn.Learner}
 * @param seed the run seed; every layer's and the data order's random source is split from it
 * @param persistent PCD (negative chains persist across updates) instead of CD (restart at the data)
 * @param phaseTimeout the longest any phase may take before the run fails with a clear error
 */
public record LayerSettings(int k, int epochs, int batchSize, LearningRule rule, long seed, boolean persistent, Duration phaseTimeout,
    java.util.List<LearningRule> schedule) {

  public LayerSettings {
    if (k < 1) throw new IllegalArgumentException("k = " + k + " (expected ≥ 1 Gibbs sweep in the negative phase)");
    if (epochs < 1) throw new IllegalArgumentException("epochs = " + epochs + " (expected ≥ 1)");
    if (batchSize < 1) throw new IllegalArgumentException("batch size " + batchSize + " (expected ≥ 1)");
    if (rule == null) throw new IllegalArgumentException("learning rule missing (expected e.g. LearningRule.plain(0.1))");
    if (phaseTimeout == null || phaseTimeout.isNegative() || phaseTimeout.isZero()) {
      throw new IllegalArgumentException("phase timeout " + phaseTimeout + " (expected a positive duration)");
    }
    schedule = schedule == null ? java.util.List.of() : java.util.List.copyOf(schedule);
  }

  /** Settings with one rule for every epoch. */
  public LayerSettings(int k, int epochs, int batchSize, LearningRule rule, long seed, boolean persistent, Duration phaseTimeout) {
    this(k, epochs, batchSize, rule, seed, persistent, phaseTimeout, java.util.List.of());
  }

  /**
   * The rule of epoch {@code epoch} (0-based): the schedule's entry (its last one past its end), or
   * {@link #rule} when there is no schedule. Momentum and learning-rate schedules of a training
   * configuration arrive here as one rule per epoch ({@link io.glauber.learn.RuleSchedule#rules}).
   */
  public LearningRule ruleAt(int epoch) {
    if (schedule.isEmpty()) return rule;
    return schedule.get(Math.min(Math.max(epoch, 0), schedule.size() - 1));
  }

  /** These settings with a rule per epoch (the first also becomes {@link #rule}). */
  public LayerSettings withSchedule(java.util.List<LearningRule> rules) {
    if (rules.isEmpty()) throw new IllegalArgumentException("empty learning-rule schedule (expected one rule per epoch)");
    return new LayerSettings(k, epochs, batchSize, rules.get(0), seed, persistent, phaseTimeout, rules);
  }

  /** CD-k with a 30 s phase timeout. */
  public static LayerSettings cd(int k, int epochs, int batchSize, LearningRule rule, long seed) {
    return new LayerSettings(k, epochs, batchSize, rule, seed, false, Duration.ofSeconds(30));
  }

  /** PCD-k with a 30 s phase timeout. */
  public static LayerSettings pcd(int k, int epochs, int batchSize, LearningRule rule, long seed) {
    return new LayerSettings(k, epochs, batchSize, rule, seed, true, Duration.ofSeconds(30));
  }

  /** These settings with another phase timeout. */
  public LayerSettings withPhaseTimeout(Duration timeout) {
    return new LayerSettings(k, epochs, batchSize, rule, seed, persistent, timeout, schedule);
  }

  /** These settings with another number of epochs. */
  public LayerSettings withEpochs(int n) {
    return new LayerSettings(k, n, batchSize, rule, seed, persistent, phaseTimeout, schedule);
  }
}
