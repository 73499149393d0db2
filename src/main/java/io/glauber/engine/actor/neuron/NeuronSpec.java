package io.glauber.engine.actor.neuron;

import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Couplings;
import io.glauber.model.Units;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * What a neuron actor starts from: its row of the couplings, its bias, its own state and its view
 * of its neighbours' states. A factory argument, never a message (it holds the neuron's random
 * source).
 *
 * @param id unit index i
 * @param units convention of the states
 * @param bias b_i
 * @param neighbours neighbour indices j, ascending
 * @param weights w_ij in the order of {@code neighbours}
 * @param state initial s_i
 * @param neighbourStates initial s_j in the order of {@code neighbours}
 * @param hidden whether i is a hidden unit (its bias receives the learning rule's sparsity term)
 * @param random the neuron's own generator, split from the run seed
 */
public record NeuronSpec(
    int id, Units units, double bias, int[] neighbours, double[] weights, double state,
    double[] neighbourStates, boolean hidden, SplittableRandom random) {

  public NeuronSpec {
    if (neighbours.length != weights.length || neighbours.length != neighbourStates.length) {
      throw new IllegalArgumentException("neuron " + id + ": " + neighbours.length + " neighbours, " + weights.length
          + " weights, " + neighbourStates.length + " neighbour states (expected equal counts)");
    }
    for (int k = 1; k < neighbours.length; k++) {
      if (neighbours[k] <= neighbours[k - 1]) {
        throw new IllegalArgumentException("neuron " + id + ": neighbour ids not ascending at " + k);
      }
    }
    if (!units.admits(state)) throw new IllegalArgumentException("neuron " + id + ": state " + state + " (expected " + units + " value)");
  }

  /** The spec of unit i of a machine, neighbours sorted by id, from the joint state s. */
  public static NeuronSpec of(BoltzmannMachine machine, int i, double[] s, SplittableRandom random) {
    Couplings c = machine.couplings();
    int d = c.degree(i);
    long[] keyed = new long[d];
    for (int k = 0; k < d; k++) keyed[k] = ((long) c.neighbour(i, k) << 32) | k;
    Arrays.sort(keyed);
    int[] nb = new int[d];
    double[] w = new double[d];
    double[] ns = new double[d];
    for (int q = 0; q < d; q++) {
      int k = (int) keyed[q];
      nb[q] = (int) (keyed[q] >>> 32);
      w[q] = c.weight(i, k);
      ns[q] = s[nb[q]];
    }
    return new NeuronSpec(i, machine.units(), machine.bias()[i], nb, w, s[i], ns, i >= machine.nVisible(), random);
  }

  /** The local field h_i = Σ_j w_ij s_j + b_i from the neighbour states. */
  public double field() {
    double h = bias;
    for (int k = 0; k < weights.length; k++) h += weights[k] * neighbourStates[k];
    return h;
  }
}
