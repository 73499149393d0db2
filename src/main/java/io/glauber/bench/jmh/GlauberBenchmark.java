package io.glauber.bench.jmh;

import io.glauber.model.Glauber;
import io.glauber.model.SparseCouplings;
import io.glauber.model.Units;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One Glauber update, s_i ← on with probability σ(Δ_i/T) ({@link Glauber#update}), alone and as a
 * neuron actor does it without the actor around it: the unit draws its new state from the local
 * field it keeps, and when it flips, each neighbour's field moves by w_ij·Δs_i — what the neuron's
 * {@code StateChanged} handler adds on receipt. On a periodic L×L Ising lattice (spins, J = 1, no
 * field) at the temperature of {@code bin/glauber bench actor} (T = 2.5), units taken in turn: the
 * arithmetic floor under {@code bench actor}'s ns per update, which adds the messages.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class GlauberBenchmark {
  @Param({"32", "316"})
  public int side;

  @Param({"2.5"})
  public double temperature;

  private int n;
  private int[] start;
  private int[] neighbour;
  private double[] weight;
  private double[] state;
  private double[] field;
  private SplittableRandom random;
  private int next;

  @Setup
  public void setup() {
    SparseCouplings lattice = SparseCouplings.squareLattice(side, 1.0);
    n = lattice.size();
    start = new int[n + 1];
    for (int i = 0; i < n; i++) start[i + 1] = start[i] + lattice.degree(i);
    neighbour = new int[start[n]];
    weight = new double[start[n]];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < lattice.degree(i); k++) {
        neighbour[start[i] + k] = lattice.neighbour(i, k);
        weight[start[i] + k] = lattice.weight(i, k);
      }
    }
    random = new SplittableRandom(1);
    state = new double[n];
    for (int i = 0; i < n; i++) state[i] = Units.SPIN.value(random.nextBoolean());
    field = new double[n];
    for (int i = 0; i < n; i++) field[i] = lattice.sum(i, state);
  }

  /** The rule alone: unit i's new value from its field, T and one uniform draw. */
  @Benchmark
  public double update() {
    int i = next;
    next = i + 1 == n ? 0 : i + 1;
    return Glauber.update(Units.SPIN, field[i], temperature, random.nextDouble());
  }

  /** The rule, the committed state and, on a flip, the neighbours' fields: one unit's local update. */
  @Benchmark
  public double localUpdate() {
    int i = next;
    next = i + 1 == n ? 0 : i + 1;
    double s = Glauber.update(Units.SPIN, field[i], temperature, random.nextDouble());
    double delta = s - state[i];
    if (delta != 0) {
      state[i] = s;
      for (int k = start[i]; k < start[i + 1]; k++) field[neighbour[k]] += weight[k] * delta;
    }
    return s;
  }
}
