package io.glauber.engine.batch;

import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Glauber;
import io.glauber.model.Units;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Samples of a Boltzmann machine's visible units from many independent chains. Each chain runs
 * random-scan Gibbs sweeps: every unit once per sweep, in a fresh uniformly random order (Fisher–
 * Yates), s_i ← on with probability σ(gap(h_i)/T) ({@link Glauber#update}). Each single-unit update
 * leaves p(s) ∝ e^{−E(s)/T} invariant (detailed balance of the heat-bath rule; Geman &amp; Geman
 * 1984), so after burn-in every chain samples the Boltzmann distribution at the machine's
 * temperature.
 *
 * <p>Chain c draws from its own stream, seeded by the c-th {@code nextLong()} of
 * {@code new SplittableRandom(seed)}, and starts from a uniform random state drawn from it: chain c
 * is exactly the reference chain {@code SequentialGibbs(machine, RANDOM, that seed)}, which is how
 * it is tested. A plain loop over chains for now; the sweep within a chain is sequential because
 * each unit's field sees the units updated before it.
 */
public final class BoltzmannSampler {
  private final BoltzmannMachine machine;
  private final double[][] states;
  private final int[][] orders;
  private final SplittableRandom[] random;

  /**
   * @param machine the model, at the temperature to sample
   * @param chains independent chains, ≥ 1
   * @param seed the run's seed
   */
  public BoltzmannSampler(BoltzmannMachine machine, int chains, long seed) {
    if (chains < 1) throw new IllegalArgumentException("chains " + chains + " (expected ≥ 1)");
    this.machine = machine;
    int n = machine.size();
    states = new double[chains][n];
    orders = new int[chains][n];
    random = new SplittableRandom[chains];
    SplittableRandom seeds = new SplittableRandom(seed);
    for (int c = 0; c < chains; c++) {
      random[c] = new SplittableRandom(seeds.nextLong());
      for (int i = 0; i < n; i++) {
        states[c][i] = machine.units().value(random[c].nextBoolean());
        orders[c][i] = i;
      }
    }
  }

  /**
   * Runs {@code burnIn} sweeps of every chain, then emits {@code samples} visible states in total,
   * round-robin over the chains, each after {@code thin} further sweeps of its chain.
   */
  public void run(int burnIn, long samples, int thin, Consumer<int[]> out) {
    if (burnIn < 0 || thin < 1 || samples < 0) {
      throw new IllegalArgumentException("burn-in " + burnIn + ", thin " + thin + ", samples " + samples + " (expected ≥ 0, ≥ 1, ≥ 0)");
    }
    for (int c = 0; c < states.length; c++) {
      for (int s = 0; s < burnIn; s++) sweep(c);
    }
    for (long emitted = 0; emitted < samples; ) {
      for (int c = 0; c < states.length && emitted < samples; c++, emitted++) {
        for (int s = 0; s < thin; s++) sweep(c);
        int[] row = new int[machine.nVisible()];
        for (int i = 0; i < row.length; i++) row[i] = (int) states[c][i];
        out.accept(row);
      }
    }
  }

  /** One random-scan sweep of chain c. */
  private void sweep(int c) {
    double[] s = states[c];
    int[] order = orders[c];
    SplittableRandom rng = random[c];
    for (int k = order.length - 1; k > 0; k--) {
      int j = rng.nextInt(k + 1);
      int t = order[k];
      order[k] = order[j];
      order[j] = t;
    }
    Units units = machine.units();
    double temperature = machine.temperature();
    for (int i : order) s[i] = Glauber.update(units, machine.field(i, s), temperature, rng.nextDouble());
  }
}
