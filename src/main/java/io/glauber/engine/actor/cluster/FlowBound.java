package io.glauber.engine.actor.cluster;

import io.glauber.engine.actor.Granularity;
import io.glauber.engine.actor.Mode;
import io.glauber.engine.actor.neuron.Neuron;
import io.glauber.engine.actor.neuron.Patch;
import io.glauber.model.Couplings;

/**
 * The most messages a run can have in flight from one member to another, from its placement —
 * what must fit Artery's outbound queue ({@code akka.remote.artery.advanced.outbound-message-queue-size},
 * 3,072 by default), which drops what overflows it.
 *
 * <p>State traffic is already flow-controlled by the actors themselves, so the bound is a count:
 * <ul>
 *   <li>patch actors, exact mode: one boundary batch per direction of each pair of neighbouring
 *       patches (a patch sends sweep s+1 only after its neighbour's sweep-s reply);
 *   <li>patch actors, async mode: {@link Patch#WINDOW} uncredited batches per direction, and as
 *       many credits back;
 *   <li>neuron actors, exact mode: one state change and its acknowledgement per coupling per
 *       step (the barrier waits for all);
 *   <li>neuron actors, async and exclusive modes: {@link Neuron#WINDOW} uncredited changes per
 *       direction of each coupling, their credits, and a fork and a fork request (exclusive).
 * </ul>
 * For each ordered pair of members (a, b) the bound is that count times the couplings (or
 * patch-graph edges) from a's actors to b's, plus one control message per actor on b (a broadcast
 * of the coordinator: run, load, pause, snapshot).
 */
public final class FlowBound {
  private FlowBound() {}

  /** The bound, and the pair of members (indices into the placement's hosts) where it is reached. */
  public record Result(long messages, int from, int to) {}

  /** The bound for a run of {@code plan} in {@code mode} whose actor k lives on host {@code hostOf[k]} of {@code hosts}. */
  public static Result of(RunPlan plan, Mode mode, int[] hostOf, int hosts) {
    long[][] edges = new long[hosts][hosts];
    long perEdge;
    if (plan.kind() == Granularity.Kind.PATCH) {
      int[][] graph = plan.partition().patchGraph(plan.machine().couplings());
      for (int p = 0; p < graph.length; p++) for (int q : graph[p]) if (hostOf[p] != hostOf[q]) edges[hostOf[p]][hostOf[q]]++;
      perEdge = mode == Mode.EXACT ? 1 : 2L * Patch.WINDOW;
    } else {
      Couplings c = plan.machine().couplings();
      for (int i = 0; i < c.size(); i++) {
        for (int k = 0, d = c.degree(i); k < d; k++) {
          int j = c.neighbour(i, k);
          if (hostOf[i] != hostOf[j]) edges[hostOf[i]][hostOf[j]]++;
        }
      }
      perEdge = mode == Mode.EXACT ? 2 : 2L * Neuron.WINDOW + 2;
    }
    long[] actorsOn = new long[hosts];
    for (int h : hostOf) actorsOn[h]++;
    Result worst = new Result(0, 0, 0);
    for (int a = 0; a < hosts; a++) {
      for (int b = 0; b < hosts; b++) {
        if (a == b) continue;
        long m = perEdge * edges[a][b] + actorsOn[b];
        if (m > worst.messages()) worst = new Result(m, a, b);
      }
    }
    return worst;
  }
}
