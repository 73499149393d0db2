package io.glauber.engine.batch;

import io.glauber.kernel.ColourGibbs;
import io.glauber.kernel.Team;
import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Phase;
import io.glauber.model.Statistics;
import java.util.function.Consumer;

/**
 * Many chains of a Boltzmann machine sampled together by {@link ColourGibbs}: each sweep updates
 * the colour classes of the graph in turn, every unit by the heat-bath rule s_i ← on with
 * probability σ(gap(h_i)/T) ({@link io.glauber.model.Glauber#pOn}), vectorised across chains and
 * split over the machine's cores. Each update leaves p(s) ∝ e^{−E(s)/T} invariant, so after burn-in
 * every chain samples the Boltzmann distribution (Geman &amp; Geman 1984).
 *
 * <p>Two uses: visible samples for {@code sample --engine batch} ({@link #run}), and the moments of
 * a learning phase ({@link #statistics}): ⟨s_i⟩ and ⟨s_i s_j⟩ over chains and sweeps, with the
 * visible units clamped to data (⟨·⟩₊) or free (⟨·⟩₋), for the learning rule. The chains persist
 * between calls (persistent chains, as in PCD). Chain states derive from the seed alone; the
 * number of threads does not change them.
 */
public final class BoltzmannSampler {
  private final BoltzmannMachine machine;
  private final ColourGibbs gibbs;
  private final int[] pairs;

  /**
   * @param machine the model, at the temperature to sample
   * @param chains independent chains, ≥ 1
   * @param seed the run's seed
   */
  public BoltzmannSampler(BoltzmannMachine machine, int chains, long seed) {
    this.machine = machine;
    this.gibbs = new ColourGibbs(machine, chains, seed, Team.shared());
    this.pairs = machine.couplings().pairs();
  }

  /** The kernel, for callers that anneal or clamp directly. */
  public ColourGibbs kernel() {
    return gibbs;
  }

  /**
   * Runs {@code burnIn} sweeps of every chain, then emits {@code samples} visible states in total:
   * after every {@code thin} further sweeps, one per chain in chain order (fewer in the last round).
   */
  public void run(int burnIn, long samples, int thin, Consumer<int[]> out) {
    if (burnIn < 0 || thin < 1 || samples < 0) {
      throw new IllegalArgumentException("burn-in " + burnIn + ", thin " + thin + ", samples " + samples + " (expected ≥ 0, ≥ 1, ≥ 0)");
    }
    gibbs.sweeps(burnIn);
    for (long emitted = 0; emitted < samples; ) {
      gibbs.sweeps(thin);
      for (int c = 0; c < gibbs.chains() && emitted < samples; c++, emitted++) {
        int[] row = new int[machine.nVisible()];
        for (int i = 0; i < row.length; i++) row[i] = (int) gibbs.value(c, i);
        out.accept(row);
      }
    }
  }

  /**
   * The statistics of one phase: with {@code visible} given, chain c's visible units are clamped to
   * visible[c mod rows] (the clamped phase, ⟨·⟩₊); with {@code visible} null every unit is free
   * (⟨·⟩₋). After {@code burnIn} sweeps, ⟨s_i⟩ and ⟨s_i s_j⟩ (for the pairs of
   * {@link io.glauber.model.Couplings#pairs()}) are averaged over all chains and the next
   * {@code sweeps} sweeps. The clamp is released at the end.
   */
  public Statistics statistics(double[][] visible, int burnIn, int sweeps) {
    if (burnIn < 0 || sweeps < 1) throw new IllegalArgumentException("burn-in " + burnIn + ", sweeps " + sweeps + " (expected ≥ 0, ≥ 1)");
    int n = machine.size();
    boolean[] mask = new boolean[n];
    if (visible != null) {
      if (visible.length == 0) throw new IllegalArgumentException("no data rows to clamp (expected ≥ 1)");
      double[] s = new double[n];
      for (int c = 0; c < gibbs.chains(); c++) {
        double[] v = visible[c % visible.length];
        if (v.length != machine.nVisible()) throw new IllegalArgumentException("data row of length " + v.length + " (expected " + machine.nVisible() + " visible units)");
        gibbs.state(c, s);
        System.arraycopy(v, 0, s, 0, v.length);
        gibbs.setState(c, s);
      }
      for (int i = 0; i < machine.nVisible(); i++) mask[i] = true;
    }
    gibbs.clamp(mask);
    double[] unitSums = new double[n];
    double[] pairSums = new double[pairs.length / 2];
    try {
      gibbs.sweeps(burnIn);
      for (int s = 0; s < sweeps; s++) {
        gibbs.sweep();
        gibbs.addMoments(pairs, unitSums, pairSums);
      }
    } finally {
      gibbs.clamp(new boolean[n]);
    }
    long count = (long) gibbs.chains() * sweeps;
    for (int i = 0; i < n; i++) unitSums[i] /= count;
    for (int m = 0; m < pairSums.length; m++) pairSums[m] /= count;
    return new Statistics(unitSums, pairSums, count, visible == null ? Phase.FREE : Phase.CLAMPED);
  }
}
