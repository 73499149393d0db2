package io.glauber.engine.batch;

import io.glauber.learn.PhaseSampler;
import io.glauber.learn.TwoPhaseSettings;
import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Couplings;
import io.glauber.model.Glauber;
import io.glauber.model.Phase;
import io.glauber.model.Schedule;
import io.glauber.model.Statistics;
import java.util.SplittableRandom;

/**
 * The phases of the two-phase algorithm with the time unit of Ackley, Hinton and Sejnowski (1985):
 * one time unit is n <em>random probes</em> (a unit of the free ones, drawn uniformly with
 * replacement, set on with p = σ(h_i/T), {@link Glauber#pOn}), so that each unit is probed once on
 * average, instead of the fixed-order colour sweep of {@link AnnealedPhases}. One chain at a time,
 * in plain scalar code: this sampler exists to compare the paper's asynchronous time unit with the
 * sweep on the encoder problems (docs/BOLTZMANN.md), not for speed. Otherwise it does what
 * {@link AnnealedPhases} does: the same chains, noise, schedule and window (the moments are taken
 * after each time unit of the window; the clamping noise is drawn per annealing or per time unit,
 * {@link io.glauber.learn.NoisyClamping.Redraw}). Each probe leaves e^{−E/T}/Z invariant, so the moments
 * converge to the same exact expectations. Not thread-safe: one instance per run.
 */
public final class RandomProbePhases implements PhaseSampler {
  private final TwoPhaseSettings settings;
  private final SplittableRandom random;
  private final SplittableRandom noise;
  private final int n;
  private final int nVisible;
  private final int[] pairs;

  /**
   * @param initial the run's starting model (fixes the graph)
   * @param settings the run's settings (persistent free chains are not supported)
   * @param seed the run's seed
   */
  public RandomProbePhases(BoltzmannMachine initial, TwoPhaseSettings settings, long seed) {
    if (initial == null || settings == null) throw new IllegalArgumentException("model and settings are required");
    if (settings.persistent()) throw new IllegalArgumentException("random-probe phases with persistent free chains (expected persistent = false)");
    this.settings = settings;
    SplittableRandom root = new SplittableRandom(seed);
    this.random = root.split();
    this.noise = root.split();
    this.n = initial.size();
    this.nVisible = initial.nVisible();
    this.pairs = initial.couplings().pairs();
  }

  /** The factory of {@link PhaseSampler.Factory}. */
  public static PhaseSampler create(BoltzmannMachine initial, TwoPhaseSettings settings, long seed) {
    return new RandomProbePhases(initial, settings, seed);
  }

  @Override
  public Statistics clamped(BoltzmannMachine model, double[][] data) {
    if (data == null || data.length == 0) throw new IllegalArgumentException("no training vectors to clamp (expected ≥ 1)");
    double[] units = new double[n];
    double[] pairMeans = new double[pairs.length / 2];
    double[] s = new double[n];
    int per = settings.clampedChains();
    for (double[] v : data) {
      if (v.length != nVisible) throw new IllegalArgumentException("training vector of length " + v.length + " (expected " + nVisible + " visible units)");
      for (int c = 0; c < per; c++) {
        randomState(model, s);
        settings.noise().apply(v, model.units(), noise, s);
        chain(model, s, nVisible, settings.noise().everyTimeUnit() ? v : null, units, pairMeans);
      }
    }
    return finish(units, pairMeans, (long) data.length * per * settings.window(), Phase.CLAMPED);
  }

  @Override
  public Statistics free(BoltzmannMachine model) {
    double[] units = new double[n];
    double[] pairMeans = new double[pairs.length / 2];
    double[] s = new double[n];
    for (int c = 0; c < settings.freeChains(); c++) {
      randomState(model, s);
      chain(model, s, 0, null, units, pairMeans);
    }
    return finish(units, pairMeans, (long) settings.freeChains() * settings.window(), Phase.FREE);
  }

  private void randomState(BoltzmannMachine model, double[] s) {
    for (int i = 0; i < n; i++) s[i] = model.units().value(random.nextBoolean());
  }

  /**
   * Anneals one chain whose units [from, n) are free, then adds its moments after each time unit of
   * the window; with {@code clean} (the training vector, when the noise is redrawn every time unit)
   * the clamped units get a fresh noisy copy of it before each time unit.
   */
  private void chain(BoltzmannMachine model, double[] s, int from, double[] clean, double[] units, double[] pairMeans) {
    for (Schedule.Step step : settings.schedule().steps()) {
      for (long t = 0; t < step.duration(); t++) {
        if (clean != null) settings.noise().apply(clean, model.units(), noise, s);
        timeUnit(model, s, from, step.temperature());
      }
    }
    for (int w = 0; w < settings.window(); w++) {
      if (clean != null) settings.noise().apply(clean, model.units(), noise, s);
      timeUnit(model, s, from, settings.temperature());
      for (int i = 0; i < n; i++) units[i] += s[i];
      for (int m = 0; m < pairMeans.length; m++) pairMeans[m] += s[pairs[2 * m]] * s[pairs[2 * m + 1]];
    }
  }

  /** n − from random probes of the free units [from, n), with replacement. */
  private void timeUnit(BoltzmannMachine model, double[] s, int from, double temperature) {
    Couplings cp = model.couplings();
    double[] bias = model.bias();
    int free = n - from;
    for (int p = 0; p < free; p++) {
      int i = from + random.nextInt(free);
      double h = cp.sum(i, s) + bias[i];
      s[i] = model.units().value(random.nextDouble() < Glauber.pOn(model.units(), h, temperature));
    }
  }

  private static Statistics finish(double[] units, double[] pairMeans, long count, Phase phase) {
    for (int i = 0; i < units.length; i++) units[i] /= count;
    for (int m = 0; m < pairMeans.length; m++) pairMeans[m] /= count;
    return new Statistics(units, pairMeans, count, phase);
  }
}
