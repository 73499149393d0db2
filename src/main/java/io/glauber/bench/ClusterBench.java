package io.glauber.bench;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.Behavior;
import akka.actor.typed.Props;
import akka.actor.typed.javadsl.Behaviors;
import io.glauber.engine.actor.ActorConfig;
import io.glauber.engine.actor.CompactSerializer;
import io.glauber.engine.actor.Dynamics;
import io.glauber.engine.actor.Granularity;
import io.glauber.engine.actor.Partition;
import io.glauber.engine.actor.cluster.ClusterNetwork;
import io.glauber.engine.actor.cluster.MemberSettings;
import io.glauber.engine.actor.cluster.Membership;
import io.glauber.engine.actor.neuron.Network;
import io.glauber.engine.actor.neuron.PatchNetwork;
import io.glauber.model.BoltzmannMachine;
import io.glauber.model.SparseCouplings;
import io.glauber.model.Units;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cost of distribution ({@code bench actor --join HOST:PORT --members N}): asynchronous
 * dynamics at full speed on a periodic L×L Ising lattice (J = 1, spins), first in this JVM, then
 * with the same actors placed over N members (this process joins the cluster at HOST:PORT, e.g. a
 * {@code glauber node} on loopback). Neuron actors send one state change per message; patch
 * actors send their boundary changes batched, one message per neighbour and turn — so the two
 * granularities give the rate with and without batching.
 *
 * <p>Figures per run: {@code updates_per_s}; {@code messages_per_s} as the actors count them
 * (neuron actors: state-change messages sent; patch actors: boundary batches sent and received,
 * and clock ticks); {@code cross_member_links} (couplings, or patch-graph edges, between actors on
 * different members); {@code where} ({@code in-jvm} or {@code N members}).
 */
public final class ClusterBench {
  private ClusterBench() {}

  /**
   * What to measure.
   *
   * @param side lattice side L ≥ 3
   * @param granularity neuron or patch actors (patches: square tiles of about patchSize sites)
   * @param temperature T &gt; 0
   * @param warmup unmeasured time first
   * @param measure measured time
   * @param seed run seed
   */
  public record Settings(int side, Granularity granularity, double temperature, Duration warmup, Duration measure, long seed) {
    public Settings {
      if (side < 3) throw new IllegalArgumentException("--side " + side + " (expected ≥ 3)");
      if (granularity.kind() == Granularity.Kind.LAYER) throw new IllegalArgumentException("--granularity layer (expected neuron or patch)");
      if (!(temperature > 0)) throw new IllegalArgumentException("--temperature " + temperature + " (expected > 0)");
    }
  }

  /** The in-JVM run, then the run over {@code members} members joined through {@code member}. */
  public static List<Map<String, Object>> run(Settings s, MemberSettings member, int members) {
    int n = s.side() * s.side();
    BoltzmannMachine m = new BoltzmannMachine(Units.SPIN, SparseCouplings.squareLattice(s.side(), 1.0), new double[n], n, s.temperature());
    Dynamics d = Dynamics.async(Duration.ZERO, Duration.ZERO).withStepTimeout(Duration.ofSeconds(120));
    Partition tiles = s.granularity().patch() ? Partition.squareTiles(s.side(), PatchBench.tileSide(s.side(), s.granularity().patchSize())) : null;
    ActorSystem<Void> local = ActorSystem.create(Behaviors.empty(), "glauber-cluster-bench", ActorConfig.config());
    Map<String, Object> inJvm;
    try {
      Behavior<Network.Command> net = tiles != null ? PatchNetwork.create(m, d, null, null, s.seed(), tiles) : Network.create(m, d, null, null, s.seed());
      inJvm = measure(local, net, s, "in-jvm", 0);
    } finally {
      local.terminate();
      local.getWhenTerminated().toCompletableFuture().join();
    }
    try (Membership cluster = Membership.start(member)) {
      cluster.startHost();
      cluster.awaitMembers(members);
      Behavior<Network.Command> net = tiles != null
          ? ClusterNetwork.create(members, cluster.joinTimeout(), m, tiles, d, null, null, s.seed())
          : ClusterNetwork.create(members, cluster.joinTimeout(), m, Granularity.NEURON, d, null, null, s.seed());
      return List.of(inJvm, measure(cluster.system(), net, s, members + " members", crossLinks(m, tiles, members)));
    }
  }

  private static Map<String, Object> measure(ActorSystem<?> system, Behavior<Network.Command> behaviour, Settings s, String where, long cross) {
    ActorRef<Network.Command> net = system.systemActorOf(behaviour, "bench-" + where.replace(' ', '-'), Props.empty());
    try {
      ActorBench.ask(system, net, r -> new Network.Sample(1, r)); // places, wires and starts the actors
      ActorBench.sleep(s.warmup());
      Network.Counted c0 = (Network.Counted) ActorBench.ask(system, net, Network.Count::new);
      CompactSerializer.Traffic x0 = CompactSerializer.traffic();
      long t0 = System.nanoTime();
      ActorBench.sleep(s.measure());
      Network.Counted c1 = (Network.Counted) ActorBench.ask(system, net, Network.Count::new);
      double seconds = (System.nanoTime() - t0) / 1e9;
      CompactSerializer.Traffic x = CompactSerializer.traffic().minus(x0);
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("where", where);
      out.put("granularity", s.granularity().patch() ? "patch" : "neuron");
      out.put("units", s.side() * s.side());
      out.put("updates_per_s", (c1.updates() - c0.updates()) / seconds);
      out.put("messages_per_s", (c1.messages() - c0.messages()) / seconds);
      out.put("cross_member_links", cross);
      // this member's share of the traffic between members (with two members, all of it)
      out.put("remote_messages_sent_per_s", x.sent() / seconds);
      out.put("remote_messages_received_per_s", x.received() / seconds);
      out.put("remote_bytes_per_message", x.sent() + x.received() == 0 ? 0.0 : (double) (x.sentBytes() + x.receivedBytes()) / (x.sent() + x.received()));
      return out;
    } finally {
      net.tell(new Network.Stop());
    }
  }

  /** Couplings (neuron actors) or patch-graph edges (patches) between actors in different blocks of the placement. */
  private static long crossLinks(BoltzmannMachine m, Partition tiles, int members) {
    int count = tiles != null ? tiles.count() : m.size();
    int[][] graph = tiles != null ? tiles.patchGraph(m.couplings()) : null;
    int[] hostOf = ClusterNetwork.blocks(count, Math.min(members, count));
    long cross = 0;
    for (int a = 0; a < count; a++) {
      int degree = graph != null ? graph[a].length : m.couplings().degree(a);
      for (int k = 0; k < degree; k++) {
        int b = graph != null ? graph[a][k] : m.couplings().neighbour(a, k);
        if (a < b && hostOf[a] != hostOf[b]) cross++;
      }
    }
    return cross;
  }
}
