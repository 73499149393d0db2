package io.glauber.learn;

import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Statistics;

/**
 * What an engine provides to the two-phase learning algorithm ({@link TwoPhaseLearning}, settings
 * {@link TwoPhaseSettings}): the first and second moments of the clamped and of the free phase of a
 * Boltzmann machine, in the layout of {@link io.glauber.model.Statistics} (unit means ⟨s_i⟩ and
 * pair means ⟨s_i s_j⟩ for the pairs of the model's {@link io.glauber.model.Couplings#pairs()}).
 *
 * <p>An implementation is created for one training run ({@link Factory}) with the run's settings
 * and seed, and is handed the current model on every call: the graph (couplings layout, units,
 * visible count) stays that of the run, the weights and biases change from cycle to cycle. The
 * model's own temperature is not used: every phase follows the settings' schedule and measures at
 * its last temperature. Calls come from one thread, clamped then free, once per cycle.
 *
 * <p>Exactness is the contract: for a small enough model, as chains and window grow, each method's
 * result converges to {@code exact.ExactBoltzmann}'s clamped statistics of the data (without noisy
 * clamping) and free statistics at the schedule's last temperature; the engines' tests check this
 * with tolerances from the sample size.
 */
public interface PhaseSampler extends AutoCloseable {

  /**
   * ⟨·⟩₊: for every row of {@code data} (visible vectors in the model's unit values),
   * {@link TwoPhaseSettings#clampedChains()} chains with the visible units clamped to the row (made
   * noisy by {@link TwoPhaseSettings#noise()}, a fresh draw per chain and call) and the hidden units
   * started at random, annealed along the schedule, then measured over the window; the average over
   * rows, chains and time units, with phase CLAMPED.
   */
  Statistics clamped(BoltzmannMachine model, double[][] data);

  /**
   * ⟨·⟩₋: {@link TwoPhaseSettings#freeChains()} chains with every unit free, started at random (or,
   * when {@link TwoPhaseSettings#persistent()}, where the previous call left them), annealed along
   * the schedule, then measured over the window; phase FREE.
   */
  Statistics free(BoltzmannMachine model);

  /** Releases the engine's resources (threads, actors); the default holds none. */
  @Override
  default void close() {}

  /** Creates the sampler of one run. */
  @FunctionalInterface
  interface Factory {
    /**
     * @param initial the run's starting model (its graph is the run's graph)
     * @param settings the run's settings
     * @param seed the run's seed, from which every random draw of the sampler derives
     */
    PhaseSampler create(BoltzmannMachine initial, TwoPhaseSettings settings, long seed);
  }
}
