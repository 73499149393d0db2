package io.glauber.engine.actor;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Behaviors;
import akka.stream.javadsl.Sink;
import io.glauber.model.BoltzmannMachine;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a network of neuron actors from given start states and returns the state after every sweep: the
 * actor engine's form of Hopfield recall (a T = 0 machine started at a probe) and of any relaxation
 * from a chosen state. Each start gets its own network of neuron actors, one after another, in one
 * actor system; the seed of start k is {@code seed + k}.
 */
public final class ActorRelaxation {
  private ActorRelaxation() {}

  /**
   * @param machine the network (its temperature is used; 0 for deterministic recall)
   * @param starts the start states, one per run, in the machine's unit convention
   * @param dynamics exact (colour classes behind a barrier) or async
   * @param sweeps how many sweeps each run lasts (at T = 0, enough to reach a fixed point)
   * @param seed the first run's seed
   * @return for every run, its states after sweeps 1..sweeps (consistent snapshots in exact mode)
   */
  public static List<double[][]> relax(BoltzmannMachine machine, List<double[]> starts, Dynamics dynamics, int sweeps, long seed) {
    if (sweeps < 1) throw new IllegalArgumentException("sweeps " + sweeps + " (expected ≥ 1)");
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "glauber-relax", ActorConfig.config());
    try {
      List<double[][]> out = new ArrayList<>(starts.size());
      for (int k = 0; k < starts.size(); k++) {
        double[] start = starts.get(k);
        if (start.length != machine.size()) {
          throw new IllegalArgumentException("start state " + k + " has " + start.length + " units (expected " + machine.size() + ")");
        }
        var settings = new ActorSampler.Settings(dynamics, null, start, seed + k, 0, sweeps, 1);
        List<int[]> states = ActorSampler.source(system, machine, settings).runWith(Sink.seq(), system).toCompletableFuture().join();
        double[][] trajectory = new double[states.size()][];
        for (int t = 0; t < trajectory.length; t++) {
          int[] x = states.get(t);
          trajectory[t] = new double[x.length];
          for (int i = 0; i < x.length; i++) trajectory[t][i] = x[i];
        }
        out.add(trajectory);
      }
      return out;
    } finally {
      system.terminate();
      system.getWhenTerminated().toCompletableFuture().join();
    }
  }
}
