package io.glauber.hopfield;

import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Glauber;
import io.glauber.model.Schedule;
import io.glauber.model.Units;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Recall in a Hopfield network (or any {@link BoltzmannMachine}) from one probe, by Glauber
 * dynamics: unit i takes the value drawn from p(σ_i = +1) = σ(2h_i/T), h_i = Σ_j J_ij σ_j + θ_i
 * ({@link Glauber#update}; seed 000), which at T = 0 is σ_i = sgn(h_i) (seed 003), a fair coin at a
 * tie h_i = 0.
 *
 * <ul>
 *   <li>{@link #asynchronous}: T = 0, one unit at a time in a fresh random order each sweep, until a
 *       sweep changes nothing that lowers the energy. E never increases (Hopfield 1982).
 *   <li>{@link #synchronous}: T = 0, all units at once from the previous state; ends in a fixed
 *       point or a 2-cycle (the only possible limit cycles for symmetric J; Goles et al. 1985).
 *   <li>{@link #stochastic}: a fixed number of asynchronous sweeps at temperature T.
 *   <li>{@link #anneal}: a {@link Schedule} of (T, sweeps), then asynchronous T = 0 to a fixed point.
 * </ul>
 *
 * The energy E = −Σ_{i&lt;j} J_ij σ_i σ_j − Σ_i θ_i σ_i is taken from
 * {@link BoltzmannMachine#energy} at the start; after that it is carried along by the exact
 * identity ΔE = −(σ_i' − σ_i) h_i for a single-unit change (J symmetric, zero diagonal).
 */
public final class HopfieldRecall {
  private HopfieldRecall() {}

  /**
   * Updates unit i of s in place by the Glauber rule at temperature T and returns the change of
   * energy, −(σ_i' − σ_i) h_i. A uniform number is drawn from {@code rng} only when the outcome is
   * uncertain (0 &lt; p &lt; 1), so deterministic updates consume no randomness.
   */
  public static double update(BoltzmannMachine net, double[] s, int i, double temperature, SplittableRandom rng) {
    double h = net.field(i, s);
    double next = draw(net.units(), h, temperature, rng);
    double d = next - s[i];
    s[i] = next;
    return -d * h;
  }

  /**
   * Whether s is a fixed point of T = 0 asynchronous dynamics: no unit's field points against its
   * state (σ_i h_i ≥ 0 for every i; a zero field leaves a coin toss, counted as stable). Fields
   * that are zero in exact arithmetic come out as ±1e−16 when summed in another order (Hebb
   * weights are multiples of 1/N), so |h| below 1e−9 counts as zero.
   */
  public static boolean isFixedPoint(BoltzmannMachine net, double[] s) {
    for (int i = 0; i < s.length; i++) if (s[i] * net.field(i, s) < -1e-9) return false;
    return true;
  }

  /** Asynchronous T = 0 recall; order and tie-breaking from {@code rng} (split in two). */
  public static RecallResult asynchronous(BoltzmannMachine net, double[] probe, int maxSweeps, SplittableRandom rng) {
    SplittableRandom order = rng.split();
    return asynchronous(net, probe, maxSweeps, order, rng.split());
  }

  /**
   * Asynchronous T = 0 recall with separate streams for the unit order ({@code orderRng}, one
   * shuffle per sweep) and for tie-breaking draws ({@code drawRng}).
   */
  public static RecallResult asynchronous(
      BoltzmannMachine net, double[] probe, int maxSweeps, SplittableRandom orderRng, SplittableRandom drawRng) {
    double[] s = checkedCopy(net, probe);
    Trace trace = new Trace(net.energy(s), maxSweeps);
    int[] order = UnitOrder.identity(s.length);
    return quench(net, s, maxSweeps, order, orderRng, drawRng, trace);
  }

  /**
   * Synchronous T = 0 recall: σ(t+1)_i = sgn(h_i(σ(t))) for all i at once, until σ(t+1) = σ(t)
   * (converged) or σ(t+1) = σ(t−1) ≠ σ(t) (a 2-cycle, reported with {@code cycle = true}), or
   * {@code maxSteps}. Ties h_i = 0 are broken by a coin from {@code rng}.
   */
  public static RecallResult synchronous(BoltzmannMachine net, double[] probe, int maxSteps, SplittableRandom rng) {
    double[] s = checkedCopy(net, probe);
    double[] prev = null;
    double[] next = new double[s.length];
    double[] energies = new double[maxSteps + 1];
    energies[0] = net.energy(s);
    for (int t = 1; t <= maxSteps; t++) {
      for (int i = 0; i < s.length; i++) next[i] = draw(net.units(), net.field(i, s), 0.0, rng);
      energies[t] = net.energy(next);
      if (Arrays.equals(next, s)) return new RecallResult(next, t, true, false, Arrays.copyOf(energies, t + 1));
      if (prev != null && Arrays.equals(next, prev)) {
        return new RecallResult(next, t, false, true, Arrays.copyOf(energies, t + 1));
      }
      prev = s.clone();
      System.arraycopy(next, 0, s, 0, s.length);
    }
    return new RecallResult(s, maxSteps, false, false, energies);
  }

  /** {@code sweeps} asynchronous sweeps at temperature T (random order each sweep). */
  public static RecallResult stochastic(
      BoltzmannMachine net, double[] probe, double temperature, int sweeps, SplittableRandom rng) {
    return anneal(net, probe, Schedule.constant(temperature, sweeps), 0, rng);
  }

  /**
   * Simulated annealing: each step of the schedule is that many asynchronous sweeps at its
   * temperature (seed 003: start near T_c = 1 and cool slowly), then asynchronous T = 0 sweeps
   * until a fixed point or {@code maxQuenchSweeps}. {@code converged} refers to that final quench
   * (false when it is 0 sweeps long).
   */
  public static RecallResult anneal(
      BoltzmannMachine net, double[] probe, Schedule schedule, int maxQuenchSweeps, SplittableRandom rng) {
    SplittableRandom orderRng = rng.split();
    return anneal(net, probe, schedule, maxQuenchSweeps, orderRng, rng.split());
  }

  /** {@link #anneal} with separate streams for the unit orders and for the Glauber draws. */
  public static RecallResult anneal(BoltzmannMachine net, double[] probe, Schedule schedule, int maxQuenchSweeps,
      SplittableRandom orderRng, SplittableRandom drawRng) {
    double[] s = checkedCopy(net, probe);
    long total = schedule.totalDuration();
    Trace trace = new Trace(net.energy(s), Math.toIntExact(total + maxQuenchSweeps));
    int[] order = UnitOrder.identity(s.length);
    for (Schedule.Step step : schedule.steps()) {
      for (long k = 0; k < step.duration(); k++) {
        UnitOrder.shuffle(order, orderRng);
        for (int i : order) trace.energy += update(net, s, i, step.temperature(), drawRng);
        trace.endSweep();
      }
    }
    if (maxQuenchSweeps == 0) return trace.result(s, false);
    return quench(net, s, maxQuenchSweeps, order, orderRng, drawRng, trace);
  }

  private static RecallResult quench(
      BoltzmannMachine net, double[] s, int maxSweeps, int[] order,
      SplittableRandom orderRng, SplittableRandom drawRng, Trace trace) {
    for (int sweep = 0; sweep < maxSweeps; sweep++) {
      UnitOrder.shuffle(order, orderRng);
      boolean lowered = false;
      for (int i : order) {
        double de = update(net, s, i, 0.0, drawRng);
        trace.energy += de;
        if (de < 0) lowered = true;
      }
      trace.endSweep();
      if (!lowered) return trace.result(s, true);
    }
    return trace.result(s, false);
  }

  /** Glauber.update, drawing the uniform only when the outcome is uncertain. */
  static double draw(Units units, double field, double temperature, SplittableRandom rng) {
    return Glauber.update(units, field, temperature, rng);
  }

  private static double[] checkedCopy(BoltzmannMachine net, double[] probe) {
    if (probe.length != net.size()) {
      throw new IllegalArgumentException("probe of length " + probe.length + " (expected N = " + net.size() + ")");
    }
    for (int i = 0; i < probe.length; i++) {
      if (!net.units().admits(probe[i])) {
        throw new IllegalArgumentException("probe unit " + i + " = " + probe[i] + " (expected "
            + net.units().low() + " or " + net.units().high() + ")");
      }
    }
    return probe.clone();
  }

  /** The energy carried along a run, recorded once per sweep. */
  private static final class Trace {
    double energy;
    private final double[] energies;
    private int sweeps;

    Trace(double e0, int maxSweeps) {
      energy = e0;
      energies = new double[maxSweeps + 1];
      energies[0] = e0;
    }

    void endSweep() {
      energies[++sweeps] = energy;
    }

    RecallResult result(double[] s, boolean converged) {
      return new RecallResult(s, sweeps, converged, false, Arrays.copyOf(energies, sweeps + 1));
    }
  }
}
