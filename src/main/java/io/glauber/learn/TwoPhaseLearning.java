package io.glauber.learn;

import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Statistics;

/**
 * The learning loop of the two-phase algorithm (Ackley, Hinton and Sejnowski 1985; seed 003,
 * "Training the Boltzmann Machine"), whatever the engine: each {@link #cycle} asks the
 * {@link PhaseSampler} for the clamped statistics of the data and the free statistics, then applies
 * one step of the shared {@link Learner} with the settings' {@link Update} (ηβ(p⁺ − p⁻) or the
 * paper's ±η), so the rule has one home for every engine. Not thread-safe: one loop per run.
 *
 * <p>The model keeps its graph, units and visible count; its temperature is set to the settings'
 * measurement temperature T, the temperature whose distribution the rule fits.
 */
public final class TwoPhaseLearning {

  /**
   * One finished cycle.
   *
   * @param number cycles done so far, from 1
   * @param model the model after the cycle's step
   * @param clamped the cycle's ⟨·⟩₊
   * @param free the cycle's ⟨·⟩₋
   */
  public record Cycle(long number, BoltzmannMachine model, Statistics clamped, Statistics free) {}

  private final TwoPhaseSettings settings;
  private final PhaseSampler sampler;
  private final Learner learner;
  private final Update update;
  private final double[] weights;
  private final double[] bias;
  private BoltzmannMachine model;
  private long cycles;

  /**
   * @param initial the starting model (its temperature is replaced by the settings' T)
   * @param settings the algorithm's settings
   * @param sampler the engine's phases for this run
   */
  public TwoPhaseLearning(BoltzmannMachine initial, TwoPhaseSettings settings, PhaseSampler sampler) {
    if (initial == null || settings == null || sampler == null) throw new IllegalArgumentException("model, settings and sampler are required");
    this.settings = settings;
    this.sampler = sampler;
    this.model = initial.withTemperature(settings.temperature());
    this.weights = model.couplings().pairWeights();
    this.bias = model.bias().clone();
    this.learner = new Learner(settings.rule(), weights.length, bias.length, model.nVisible(), model.nHidden());
    this.update = settings.step();
  }

  /** One learning cycle on {@code data} (visible vectors in the model's unit values): both phases, one step. */
  public Cycle cycle(double[][] data) {
    if (data == null || data.length == 0) throw new IllegalArgumentException("no training vectors (expected ≥ 1)");
    Statistics clamped = sampler.clamped(model, data);
    Statistics free = sampler.free(model);
    learner.apply(clamped, free, weights, bias, update);
    model = model.withParameters(weights, bias);
    cycles++;
    return new Cycle(cycles, model, clamped, free);
  }

  /**
   * Runs {@code cycles} cycles on {@code data}, the learning rate falling linearly from the rule's η
   * at the first cycle to {@code finalRate} at the last (a decaying rate lets a sampled gradient
   * settle where a constant one keeps the weights wandering by about √η; Robbins and Monro 1951),
   * handing every cycle to {@code listener}, which stops the run early by returning false. The rule
   * is restored afterwards. Returns the model after the last cycle run.
   */
  public BoltzmannMachine train(double[][] data, long cycles, double finalRate, java.util.function.Predicate<Cycle> listener) {
    return train(k -> data, cycles, finalRate, listener);
  }

  /**
   * {@link #train(double[][], long, double, java.util.function.Predicate)} with the training vectors
   * of cycle k (from 0) given by {@code batches}: mini-batches, so that a large data set costs one
   * batch's clamped phase per cycle (a stochastic estimate of ⟨·⟩₊, as the sampled ⟨·⟩₋ already is).
   */
  public BoltzmannMachine train(java.util.function.LongFunction<double[][]> batches, long cycles, double finalRate,
      java.util.function.Predicate<Cycle> listener) {
    if (cycles < 0) throw new IllegalArgumentException("cycles " + cycles + " (expected ≥ 0)");
    LearningRule rule = learner.rule();
    if (!(finalRate > 0) || Double.isInfinite(finalRate)) throw new IllegalArgumentException("final learning rate " + finalRate + " (expected finite > 0)");
    try {
      for (long k = 0; k < cycles; k++) {
        double f = cycles == 1 ? 0 : (double) k / (cycles - 1);
        learner.setRule(rule.withLearningRate(rule.learningRate() + f * (finalRate - rule.learningRate())));
        if (!listener.test(cycle(batches.apply(k)))) break;
      }
    } finally {
      learner.setRule(rule);
    }
    return model;
  }

  /** The current model. */
  public BoltzmannMachine model() {
    return model;
  }

  /** Cycles done. */
  public long cycles() {
    return cycles;
  }

  /** The settings. */
  public TwoPhaseSettings settings() {
    return settings;
  }
}
