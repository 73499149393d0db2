package io.glauber.engine.actor.neuron;

import io.glauber.engine.actor.ActorConfig;
import io.glauber.engine.actor.Dynamics;
import io.glauber.engine.actor.Granularity;
import io.glauber.engine.actor.Partition;
import java.time.Duration;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.Behavior;
import akka.actor.typed.Props;
import akka.actor.typed.javadsl.Behaviors;
import akka.stream.javadsl.Sink;
import io.glauber.model.BoltzmannMachine;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Runs a network of neuron actors from given start states and returns the state after every sweep: the
 * actor engine's form of Hopfield recall (a T = 0 machine started at a probe) and of any relaxation
 * from a chosen state. Each start gets its own network of neuron actors, one after another, in one
 * actor system; the seed of start k is {@code seed + k}.
 */
public final class ActorRelaxation {
  private ActorRelaxation() {}

  /**
   * Where the networks of a relaxation run: the coordinator of a network of {@code machine} on
   * {@code g}'s actors, started at {@code initial}, seeded with {@code seed}. {@link #LOCAL} spawns
   * the actors in this JVM ({@link PatchNetwork#of}); a cluster's network places the same actors
   * over its members (engine.actor.cluster).
   */
  @FunctionalInterface
  public interface Networks {
    Behavior<Network.Command> create(BoltzmannMachine machine, Granularity g, Dynamics dynamics, double[] initial, long seed);

    /** Every network's actors in this JVM. */
    Networks LOCAL = (machine, g, dynamics, initial, seed) -> PatchNetwork.of(g, machine, dynamics, null, initial, seed);
  }

  private static final AtomicLong RUNS = new AtomicLong();

  /**
   * @param machine the network (its temperature is used; 0 for deterministic recall)
   * @param starts the start states, one per run, in the machine's unit convention
   * @param dynamics exact (colour classes behind a barrier) or async
   * @param sweeps how many sweeps each run lasts (at T = 0, enough to reach a fixed point)
   * @param seed the first run's seed
   * @return for every run, its states after sweeps 1..sweeps (consistent snapshots in exact mode)
   */
  public static List<double[][]> relax(BoltzmannMachine machine, List<double[]> starts, Dynamics dynamics, int sweeps, long seed) {
    return relax(machine, starts, dynamics, sweeps, seed, state -> false);
  }

  /**
   * As {@link #relax(BoltzmannMachine, List, Dynamics, int, long)}, but a run ends early, its network
   * stopped, after the first sweep whose state satisfies {@code done} (that state is the run's last):
   * at T = 0, "is a fixed point" ends recall as soon as nothing can change any more.
   */
  public static List<double[][]> relax(BoltzmannMachine machine, List<double[]> starts, Dynamics dynamics, int sweeps, long seed,
      Predicate<double[]> done) {
    return relax(machine, starts, dynamics, sweeps, seed, done, Granularity.NEURON);
  }

  /**
   * As {@link #relax(BoltzmannMachine, List, Dynamics, int, long, Predicate)} on the actors
   * {@code granularity} names, in an actor system of its own that ends with the call.
   */
  public static List<double[][]> relax(BoltzmannMachine machine, List<double[]> starts, Dynamics dynamics, int sweeps, long seed,
      Predicate<double[]> done, Granularity granularity) {
    check(machine, starts, sweeps, granularity);
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "glauber-relax", ActorConfig.config());
    try {
      return relax(system, Networks.LOCAL, machine, starts, dynamics, sweeps, seed, done, granularity);
    } finally {
      system.terminate();
      system.getWhenTerminated().toCompletableFuture().join();
    }
  }

  /**
   * The relaxation on {@code system}, its networks made by {@code networks} (in this JVM or placed
   * over a cluster: the same actors, seeds and schedule, so exact mode gives the same states). Neuron
   * actors: a network per start, start k seeded with {@code seed + k}. Patch actors
   * ({@link PatchNetwork}, patches grown by {@link Partition#grow}): one network for all starts,
   * seeded with {@code seed} and told {@link PatchNetwork.Restart} before each — on a dense network
   * every patch neighbours every other, so an exact sweep is one patch after another, and spawning
   * the network (n² weights) once instead of per start is most of the saving. A network that fails
   * (a lost member, a timeout) throws its one-line reason as an {@link IllegalStateException}.
   */
  public static List<double[][]> relax(ActorSystem<?> system, Networks networks, BoltzmannMachine machine, List<double[]> starts,
      Dynamics dynamics, int sweeps, long seed, Predicate<double[]> done, Granularity granularity) {
    check(machine, starts, sweeps, granularity);
    try {
      return granularity.patch() ? onPatches(system, networks, machine, starts, dynamics, sweeps, seed, done, granularity)
          : onNeurons(system, networks, machine, starts, dynamics, sweeps, seed, done, granularity);
    } catch (java.util.concurrent.CompletionException e) {
      throw e.getCause() instanceof IllegalStateException x ? x : e;
    }
  }

  private static void check(BoltzmannMachine machine, List<double[]> starts, int sweeps, Granularity granularity) {
    if (granularity.kind() == Granularity.Kind.LAYER) throw new IllegalArgumentException("layer actors run RBMs; relax a network on neuron or patch actors");
    if (sweeps < 1) throw new IllegalArgumentException("sweeps " + sweeps + " (expected ≥ 1)");
    for (int k = 0; k < starts.size(); k++) {
      if (starts.get(k).length != machine.size()) {
        throw new IllegalArgumentException("start state " + k + " has " + starts.get(k).length + " units (expected " + machine.size() + ")");
      }
    }
  }

  private static List<double[][]> onNeurons(ActorSystem<?> system, Networks networks, BoltzmannMachine machine, List<double[]> starts,
      Dynamics dynamics, int sweeps, long seed, Predicate<double[]> done, Granularity granularity) {
    List<double[][]> out = new ArrayList<>(starts.size());
    for (int k = 0; k < starts.size(); k++) {
      double[] start = starts.get(k);
      long runSeed = seed + k;
      var settings = new ActorSampler.Settings(dynamics, null, start, runSeed, 0, sweeps, 1);
      List<double[]> states = ActorSampler.source(system, settings, () -> networks.create(machine, granularity, dynamics, start, runSeed))
          .map(ActorRelaxation::toDouble)
          .takeWhile(state -> !done.test(state), true) // the state that is done is kept, then the network stops
          .runWith(Sink.seq(), system).toCompletableFuture().join();
      out.add(states.toArray(new double[0][]));
    }
    return out;
  }

  private static List<double[][]> onPatches(ActorSystem<?> system, Networks networks, BoltzmannMachine machine, List<double[]> starts,
      Dynamics dynamics, int sweeps, long seed, Predicate<double[]> done, Granularity granularity) {
    List<double[][]> out = new ArrayList<>(starts.size());
    if (starts.isEmpty()) return out;
    ActorRef<Network.Command> net = system.systemActorOf(networks.create(machine, granularity, dynamics, starts.get(0), seed),
        "relax-" + RUNS.incrementAndGet(), Props.empty());
    try {
      ActorRef<Object> raw = net.unsafeUpcast();
      Duration timeout = dynamics.stepTimeout().multipliedBy(4).plus(dynamics.sweepTime().multipliedBy(2));
      for (double[] start : starts) {
        raw.tell(new PatchNetwork.Restart(start));
        List<double[]> states = new ArrayList<>(sweeps);
        for (int sweep = 0; sweep < sweeps; sweep++) {
          double[] s = toDouble(ActorSampler.ask(system, net, 1, timeout).toCompletableFuture().join());
          states.add(s);
          if (done.test(s)) break;
        }
        out.add(states.toArray(new double[0][]));
      }
      return out;
    } finally {
      net.tell(new Network.Stop());
    }
  }

  private static double[] toDouble(int[] x) {
    double[] d = new double[x.length];
    for (int i = 0; i < x.length; i++) d[i] = x[i];
    return d;
  }
}
