package io.glauber.engine.batch;

import io.glauber.kernel.ColourGibbs;
import io.glauber.kernel.Team;
import io.glauber.learn.PhaseSampler;
import io.glauber.learn.TwoPhaseSettings;
import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Phase;
import io.glauber.model.Schedule;
import io.glauber.model.Statistics;
import java.util.SplittableRandom;

/**
 * The batched engine's phases of the two-phase learning algorithm (Ackley, Hinton and Sejnowski
 * 1985; {@link TwoPhaseSettings}): every chain of a phase runs at once in one {@link ColourGibbs}
 * (heat-bath sweeps over colour classes, vectorised across chains), one time unit being one sweep.
 *
 * <ul>
 *   <li>clamped phase: one group of {@code clampedChains} chains per training vector, the visible
 *       units of each chain clamped to its own noisy copy of the vector ({@code NoisyClamping}: one copy per annealing, or
 *       a fresh one before every sweep), the hidden units started at random;</li>
 *   <li>free phase: {@code freeChains} chains, every unit free, started at random, or, when
 *       persistent, from the states the previous free phase ended in.</li>
 * </ul>
 *
 * Each phase anneals along the schedule through the kernel's temperature ({@link ColourGibbs#anneal})
 * and then sums ⟨s_i⟩ and ⟨s_i s_j⟩ over its chains and the {@code window} sweeps at the last
 * temperature ({@link ColourGibbs#addMoments}). The heat-bath sweep leaves e^{−E/T}/Z invariant, so
 * as window and chains grow the moments converge to the exact clamped and free expectations.
 *
 * <p>Every draw derives from the run's seed: each phase's chains from the next seed of one
 * generator, the noise from another, so a run is reproduced by its seed (the number of threads of
 * the {@link Team} does not change it). Not thread-safe: one instance per run.
 */
public final class AnnealedPhases implements PhaseSampler {
  private final TwoPhaseSettings settings;
  private final Team team;
  private final SplittableRandom seeds;
  private final SplittableRandom noise;
  private final int n;
  private final int nVisible;
  private final int pairCount;
  private final int[] pairLayout;
  private double[][] freeStates;

  /** The sampler of one run on the JVM's shared team of threads. */
  public AnnealedPhases(BoltzmannMachine initial, TwoPhaseSettings settings, long seed) {
    this(initial, settings, seed, Team.shared());
  }

  /**
   * @param initial the run's starting model (fixes the graph)
   * @param settings the run's settings
   * @param seed the run's seed
   * @param team the threads the chains are split over (a team of 1 for runs that are themselves run in parallel)
   */
  public AnnealedPhases(BoltzmannMachine initial, TwoPhaseSettings settings, long seed, Team team) {
    if (initial == null || settings == null || team == null) throw new IllegalArgumentException("model, settings and team are required");
    this.settings = settings;
    this.team = team;
    SplittableRandom root = new SplittableRandom(seed);
    this.seeds = root.split();
    this.noise = root.split();
    this.n = initial.size();
    this.nVisible = initial.nVisible();
    this.pairCount = initial.couplings().pairCount();
    this.pairLayout = initial.couplings().pairs();
  }

  /** The factory of {@link PhaseSampler.Factory} for the batched engine. */
  public static PhaseSampler create(BoltzmannMachine initial, TwoPhaseSettings settings, long seed) {
    return new AnnealedPhases(initial, settings, seed);
  }

  @Override
  public Statistics clamped(BoltzmannMachine model, double[][] data) {
    check(model);
    if (data == null || data.length == 0) throw new IllegalArgumentException("no training vectors to clamp (expected ≥ 1)");
    int per = settings.clampedChains();
    ColourGibbs gibbs = new ColourGibbs(model, Math.multiplyExact(data.length, per), seeds.nextLong(), team);
    double[] s = new double[n];
    for (int c = 0; c < gibbs.chains(); c++) {
      double[] v = data[c / per];
      if (v.length != nVisible) throw new IllegalArgumentException("training vector of length " + v.length + " (expected " + nVisible + " visible units)");
      gibbs.state(c, s);
      settings.noise().apply(v, model.units(), noise, s);
      gibbs.setState(c, s);
    }
    boolean[] mask = new boolean[n];
    for (int i = 0; i < nVisible; i++) mask[i] = true;
    gibbs.clamp(mask);
    return measure(gibbs, Phase.CLAMPED, settings.noise().everyTimeUnit() ? data : null, model);
  }

  @Override
  public Statistics free(BoltzmannMachine model) {
    check(model);
    ColourGibbs gibbs = new ColourGibbs(model, settings.freeChains(), seeds.nextLong(), team);
    if (settings.persistent() && freeStates != null) {
      for (int c = 0; c < freeStates.length; c++) gibbs.setState(c, freeStates[c]);
    }
    Statistics out = measure(gibbs, Phase.FREE, null, model);
    if (settings.persistent()) {
      if (freeStates == null) freeStates = new double[settings.freeChains()][n];
      for (int c = 0; c < freeStates.length; c++) gibbs.state(c, freeStates[c]);
    }
    return out;
  }

  /**
   * Anneals, then averages the moments over the chains and the window's sweeps. With {@code data}
   * (the noise redrawn every time unit) each chain's clamped units get a fresh noisy copy of its
   * training vector before every sweep of the schedule and the window.
   */
  private Statistics measure(ColourGibbs gibbs, Phase phase, double[][] data, BoltzmannMachine model) {
    if (data == null) {
      gibbs.anneal(settings.schedule()); // leaves the kernel at the schedule's last temperature
    } else {
      for (Schedule.Step step : settings.schedule().steps()) {
        gibbs.setTemperature(step.temperature());
        for (long t = 0; t < step.duration(); t++) {
          redraw(gibbs, data, model);
          gibbs.sweep();
        }
      }
      gibbs.setTemperature(settings.temperature());
    }
    double[] units = new double[n];
    double[] pairs = new double[pairCount];
    for (int w = 0; w < settings.window(); w++) {
      if (data != null) redraw(gibbs, data, model);
      gibbs.sweep();
      gibbs.addMoments(pairLayout, units, pairs);
    }
    long count = (long) gibbs.chains() * settings.window();
    for (int i = 0; i < n; i++) units[i] /= count;
    for (int m = 0; m < pairCount; m++) pairs[m] /= count;
    return new Statistics(units, pairs, count, phase);
  }

  /** A fresh noisy copy of each chain's training vector (chain c clamps row c / clampedChains) on its clamped units. */
  private void redraw(ColourGibbs gibbs, double[][] data, BoltzmannMachine model) {
    double[] s = new double[n];
    for (int c = 0; c < gibbs.chains(); c++) {
      gibbs.state(c, s);
      settings.noise().apply(data[c / settings.clampedChains()], model.units(), noise, s);
      gibbs.setState(c, s);
    }
  }

  private void check(BoltzmannMachine model) {
    if (model.size() != n || model.nVisible() != nVisible || model.couplings().pairCount() != pairCount) {
      throw new IllegalArgumentException("model " + model + " with " + model.couplings().pairCount() + " pairs (expected the run's graph: n = " + n
          + ", " + nVisible + " visible, " + pairCount + " pairs)");
    }
  }
}
