package io.glauber.engine.reference;

import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Glauber;
import io.glauber.model.Schedule;
import java.util.SplittableRandom;

/**
 * A single chain of sequential Gibbs (Glauber) updates on a Boltzmann machine.
 *
 * <p>One sweep visits every free unit once, in fixed order 0..n−1 or in a fresh random permutation,
 * and sets s_i ← on with probability {@link Glauber#pOn} at the current temperature. Each single-unit
 * update leaves p(s) ∝ e^{−E(s)/T} invariant (detailed balance of the heat-bath rule), so both scans
 * sample the Boltzmann distribution. Clamped units are never updated. Not thread-safe.
 */
public final class SequentialGibbs {
  /** Order in which a sweep visits the units. */
  public enum Scan { FIXED, RANDOM }

  private final BoltzmannMachine machine;
  private final Scan scan;
  private final SplittableRandom rng;
  private final double[] state;
  private final boolean[] clamped;
  private final int[] order;
  private double temperature;

  /**
   * @param machine the model; its temperature is the starting temperature
   * @param scan fixed or random order
   * @param seed the chain's seed; the initial state is drawn uniformly from it
   */
  public SequentialGibbs(BoltzmannMachine machine, Scan scan, long seed) {
    this.machine = machine;
    this.scan = scan;
    this.rng = new SplittableRandom(seed);
    int n = machine.size();
    this.state = new double[n];
    for (int i = 0; i < n; i++) state[i] = machine.units().value(rng.nextBoolean());
    this.clamped = new boolean[n];
    this.order = new int[n];
    for (int i = 0; i < n; i++) order[i] = i;
    this.temperature = machine.temperature();
  }

  /** Clamps the first values.length units (the visible ones) to the given values. */
  public void clampVisible(double[] values) {
    for (int i = 0; i < values.length; i++) {
      if (!machine.units().admits(values[i])) {
        throw new IllegalArgumentException("clamp value " + values[i] + " at unit " + i + " (expected " + machine.units().low() + " or " + machine.units().high() + ")");
      }
      state[i] = values[i];
      clamped[i] = true;
    }
  }

  /** Releases all clamped units. */
  public void release() {
    java.util.Arrays.fill(clamped, false);
  }

  /** Sets the temperature used by the following sweeps. */
  public void setTemperature(double t) {
    if (!(t >= 0)) throw new IllegalArgumentException("temperature " + t + " (expected T ≥ 0)");
    this.temperature = t;
  }

  /** One sweep over all free units. */
  public void sweep() {
    if (scan == Scan.RANDOM) shuffle();
    for (int k = 0; k < order.length; k++) {
      int i = order[k];
      if (clamped[i]) continue;
      state[i] = Glauber.update(machine.units(), machine.field(i, state), temperature, rng.nextDouble());
    }
  }

  /** Runs the sweeps of an annealing schedule, each step at its temperature. */
  public void anneal(Schedule schedule) {
    for (Schedule.Step step : schedule.steps()) {
      setTemperature(step.temperature());
      for (long s = 0; s < step.duration(); s++) sweep();
    }
  }

  /** The current state (a copy). */
  public double[] state() {
    return state.clone();
  }

  /** The current state's energy. */
  public double energy() {
    return machine.energy(state);
  }

  private void shuffle() {
    io.glauber.data.Shuffle.shuffle(order, rng);
  }

}
