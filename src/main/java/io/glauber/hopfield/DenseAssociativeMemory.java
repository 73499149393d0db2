package io.glauber.hopfield;

import io.glauber.model.Interaction;
import io.glauber.model.Units;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A dense associative memory ("modern Hopfield network") on ±1 units (seed 003; Krotov and
 * Hopfield 2016; Demircigil et al. 2017): E(σ) = −Σ_μ F(m_μ), m_μ = ξ^μ·σ = Σ_i ξ_i^μ σ_i.
 *
 * <p>Dynamics. The energy gap of unit i, Δ_i = E(σ_i = −1) − E(σ_i = +1) = Σ_μ [F(m_μ^{i+}) −
 * F(m_μ^{i−})] with m_μ^{i±} = m_μ − ξ_i^μ σ_i ± ξ_i^μ, is computed in O(K) from the overlaps, which
 * are kept up to date in O(K) per flip. It enters the one Glauber rule as the effective field
 * h_i = Δ_i / 2 (spin units: p(σ_i = +1) = σ(2h_i/T) = σ(Δ_i/T)); at T = 0 this is "flip unit i if
 * that lowers the energy", Krotov and Hopfield's update. For F(x) = x² this h_i is 2N times the
 * Hebb field, so the classic network is the special case n = 2.
 */
public final class DenseAssociativeMemory {
  private final int[][] xi;
  private final int n;
  private final Interaction f;

  /**
   * @param patterns K ≥ 1 patterns of N ±1 units (validated, copied)
   * @param f the interaction function
   */
  public DenseAssociativeMemory(int[][] patterns, Interaction f) {
    this.n = Patterns.validate(patterns);
    if (f == null) throw new IllegalArgumentException("interaction function missing (expected Power or Exponential)");
    this.xi = new int[patterns.length][];
    for (int mu = 0; mu < patterns.length; mu++) xi[mu] = patterns[mu].clone();
    this.f = f;
  }

  /** Number of units N. */
  public int size() {
    return n;
  }

  /** Number of stored patterns K. */
  public int patternCount() {
    return xi.length;
  }

  /** E(σ) = −Σ_μ F(ξ^μ·σ). */
  public double energy(double[] s) {
    double e = 0;
    for (int[] p : xi) e -= f.value(dot(p, s));
    return e;
  }

  /** The effective field h_i = [E(σ_i = −1) − E(σ_i = +1)] / 2, from scratch. */
  public double field(int i, double[] s) {
    State st = new State(s);
    return st.field(i);
  }

  /**
   * Number of units that are not strictly stable in state s (σ_i h_i ≤ 0: flipping them would
   * lower the energy or leave it unchanged); 0 means s is a strict fixed point.
   */
  public int unstableUnits(double[] s) {
    if (s.length != n) throw new IllegalArgumentException("state of length " + s.length + " (expected N = " + n + ")");
    State st = new State(s);
    int count = 0;
    for (int i = 0; i < n; i++) if (st.field(i) * s[i] <= 0) count++;
    return count;
  }

  /** Asynchronous T = 0 recall (random order each sweep) until a sweep lowers nothing, or maxSweeps. */
  public RecallResult asynchronous(double[] probe, int maxSweeps, SplittableRandom rng) {
    return run(probe, 0.0, maxSweeps, true, rng);
  }

  /** {@code sweeps} asynchronous sweeps at temperature T. */
  public RecallResult stochastic(double[] probe, double temperature, int sweeps, SplittableRandom rng) {
    return run(probe, temperature, sweeps, false, rng);
  }

  private RecallResult run(double[] probe, double temperature, int sweeps, boolean stopAtFixedPoint, SplittableRandom rng) {
    if (probe.length != n) throw new IllegalArgumentException("probe of length " + probe.length + " (expected N = " + n + ")");
    State st = new State(probe);
    SplittableRandom orderRng = rng.split();
    SplittableRandom drawRng = rng.split();
    int[] order = UnitOrder.identity(n);
    double[] energies = new double[sweeps + 1];
    energies[0] = energy(st.s);
    double e = energies[0];
    for (int sweep = 1; sweep <= sweeps; sweep++) {
      UnitOrder.shuffle(order, orderRng);
      boolean lowered = false;
      for (int i : order) {
        double h = st.field(i);
        double next = HopfieldRecall.draw(Units.SPIN, h, temperature, drawRng);
        double d = next - st.s[i];
        if (d != 0) {
          st.set(i, next);
          double de = -d * h;
          e += de;
          if (de < 0) lowered = true;
        }
      }
      energies[sweep] = e;
      if (stopAtFixedPoint && !lowered) return new RecallResult(st.s, sweep, true, false, Arrays.copyOf(energies, sweep + 1));
    }
    return new RecallResult(st.s, sweeps, false, false, energies);
  }

  private static double dot(int[] p, double[] s) {
    double m = 0;
    for (int i = 0; i < p.length; i++) m += p[i] * s[i];
    return m;
  }

  /** A state with its overlaps m_μ and scratch buffers for the gap. */
  private final class State {
    final double[] s;
    final double[] m;
    final double[] up;
    final double[] down;

    State(double[] probe) {
      for (int i = 0; i < n; i++) {
        if (probe[i] != 1.0 && probe[i] != -1.0) {
          throw new IllegalArgumentException("probe unit " + i + " = " + probe[i] + " (expected -1 or +1)");
        }
      }
      s = probe.clone();
      m = new double[xi.length];
      for (int mu = 0; mu < xi.length; mu++) m[mu] = dot(xi[mu], s);
      up = new double[xi.length];
      down = new double[xi.length];
    }

    double field(int i) {
      for (int mu = 0; mu < xi.length; mu++) {
        double rest = m[mu] - xi[mu][i] * s[i];
        up[mu] = rest + xi[mu][i];
        down[mu] = rest - xi[mu][i];
      }
      return 0.5 * f.sumOfDifferences(up, down, xi.length);
    }

    void set(int i, double value) {
      double d = value - s[i];
      for (int mu = 0; mu < xi.length; mu++) m[mu] += d * xi[mu][i];
      s[i] = value;
    }
  }
}
