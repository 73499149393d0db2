package io.glauber.engine.actor.cluster;

import akka.actor.Address;
import akka.actor.typed.ActorRef;
import akka.actor.typed.javadsl.AskPattern;
import akka.actor.typed.receptionist.Receptionist;
import io.glauber.engine.actor.layer.RbmSupervisor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * An RBM's layer actors placed over the members of a cluster ({@link RbmSupervisor.Layers}): the
 * supervisor runs on this member, the visible layer on another member's {@link Host} and the
 * hidden layer on a third (on the other one of two members; both here when alone). So every
 * state batch between the layers, and every phase message between a layer and the supervisor,
 * crosses members through the layer engine's serializers ({@code LayerSerializer}, 7412, for
 * batches and parameters; Jackson CBOR for control). The layers are the one-JVM actors, and every
 * random draw of theirs comes from a seed the supervisor sends, so a run gives the one-JVM run's
 * model at the same seed. A layer whose member is lost stops the run (the supervisor watches it)
 * with one line naming the member.
 */
public final class ClusterLayers {
  private ClusterLayers() {}

  /**
   * The placement over the hosts of at least {@code members} members of {@code member}'s cluster
   * (this member's own host started here if it is not yet), waiting at most the member's join
   * timeout for the hosts to be listed.
   */
  public static RbmSupervisor.Layers placed(Membership member, int members) {
    if (members < 1) throw new IllegalArgumentException("--members " + members + " (expected ≥ 1)");
    member.startHost();
    List<ActorRef<Host.Command>> hosts = order(hosts(member, members), member.system().address(), members);
    ActorRef<Host.Command> visible = hosts.get(0);
    ActorRef<Host.Command> hidden = hosts.get(Math.min(1, hosts.size() - 1));
    return context -> {
      visible.tell(new Host.SpawnLayer(RbmSupervisor.Layer.VISIBLE, context.getSelf()));
      hidden.tell(new Host.SpawnLayer(RbmSupervisor.Layer.HIDDEN, context.getSelf()));
    };
  }

  /**
   * The first {@code members} hosts by address (the members a run uses, as {@link ClusterNetwork}
   * picks them), this member's own last: the layers go to the others first.
   */
  static List<ActorRef<Host.Command>> order(Set<ActorRef<Host.Command>> listed, Address self, int members) {
    List<ActorRef<Host.Command>> hosts = new ArrayList<>(listed);
    hosts.sort(Comparator.comparing(h -> h.path().address().toString()));
    hosts = new ArrayList<>(hosts.subList(0, members));
    hosts.sort(Comparator.comparing(h -> h.path().address().equals(self) || !h.path().address().hasGlobalScope()));
    return hosts;
  }

  private static Set<ActorRef<Host.Command>> hosts(Membership member, int members) {
    Duration timeout = member.joinTimeout();
    long deadline = System.nanoTime() + timeout.toNanos();
    Set<ActorRef<Host.Command>> seen = Set.of();
    while (System.nanoTime() < deadline) {
      Receptionist.Listing listing = AskPattern.<Receptionist.Command, Receptionist.Listing>ask(member.system().receptionist(),
          r -> Receptionist.find(Host.KEY, r), Duration.ofSeconds(5), member.system().scheduler()).toCompletableFuture().join();
      seen = listing.getServiceInstances(Host.KEY);
      if (seen.size() >= members) return seen;
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new IllegalStateException("only " + seen.size() + " of " + members + " hosts found within " + timeout.toSeconds()
        + " s (every member must run a host: `glauber node`, or a command with --join)");
  }
}
