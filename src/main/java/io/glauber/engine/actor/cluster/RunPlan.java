package io.glauber.engine.actor.cluster;

import akka.actor.typed.Behavior;
import io.glauber.engine.actor.Granularity;
import io.glauber.engine.actor.Partition;
import io.glauber.engine.actor.neuron.Network;
import io.glauber.engine.actor.neuron.PatchNetwork;
import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Schedule;
import java.util.List;

/**
 * What every member needs to spawn its share of one run's actors: the machine, the schedule, the
 * initial state (null: drawn from the seed), the run seed, the partition into patches (patch
 * actors) and the dispatcher they run on. A member builds its actors with
 * {@link PatchNetwork#patches} or {@link Network#neurons} — the same specs and random sources that
 * the coordinator on the run's own member would have used — so that a run with a seed is the same
 * run in one JVM and in many.
 *
 * @param kind neuron or patch actors
 * @param machine the Boltzmann machine
 * @param schedule temperatures over sweeps (null: the machine's temperature)
 * @param initial starting state (null: uniform random from the seed)
 * @param seed run seed
 * @param patchOf each unit's patch (patch actors; empty for neuron actors)
 * @param patches number of patches (patch actors; 0 for neuron actors)
 * @param dispatcher the dispatcher of the actors ({@code ActorConfig.neuronDispatcher})
 */
public record RunPlan(Granularity.Kind kind, BoltzmannMachine machine, Schedule schedule, double[] initial, long seed,
    int[] patchOf, int patches, String dispatcher) {

  public RunPlan {
    if (kind != Granularity.Kind.NEURON && kind != Granularity.Kind.PATCH) {
      throw new IllegalArgumentException("granularity " + kind + " in a cluster run (expected neuron or patch actors)");
    }
    if (machine == null) throw new IllegalArgumentException("machine missing");
    if (initial != null && initial.length != machine.size()) {
      throw new IllegalArgumentException("initial state of " + initial.length + " units (expected " + machine.size() + ")");
    }
    if (kind == Granularity.Kind.PATCH && (patchOf.length != machine.size() || patches < 1)) {
      throw new IllegalArgumentException("partition of " + patchOf.length + " units into " + patches + " patches (expected "
          + machine.size() + " units, ≥ 1 patch)");
    }
    if (dispatcher == null || dispatcher.isEmpty()) throw new IllegalArgumentException("dispatcher missing");
  }

  /** Number of actors of the run: patches, or one neuron per unit. */
  public int actors() {
    return kind == Granularity.Kind.PATCH ? patches : machine.size();
  }

  /** The partition into patches (patch actors only). */
  public Partition partition() {
    return Partition.of(patchOf, patches);
  }

  /** The behaviours of actors {@code which} (ascending indices of patches or units). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public List<Behavior<Object>> behaviours(int[] which) {
    List out = kind == Granularity.Kind.PATCH
        ? PatchNetwork.patches(machine, schedule, initial, seed, partition(), which)
        : Network.neurons(machine, initial, seed, which);
    return out;
  }

  /** The name of actor {@code index} on its host: {@code p7} for a patch, {@code n7} for a neuron. */
  public String actorName(int index) {
    return (kind == Granularity.Kind.PATCH ? "p" : "n") + index;
  }
}
