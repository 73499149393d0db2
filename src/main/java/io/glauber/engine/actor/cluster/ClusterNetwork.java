package io.glauber.engine.actor.cluster;

import akka.actor.Address;
import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.PostStop;
import akka.actor.typed.Terminated;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.StashBuffer;
import akka.actor.typed.javadsl.TimerScheduler;
import akka.actor.typed.receptionist.Receptionist;
import akka.cluster.ClusterEvent;
import akka.cluster.typed.Cluster;
import akka.cluster.typed.Subscribe;
import io.glauber.engine.actor.ActorConfig;
import io.glauber.engine.actor.Dynamics;
import io.glauber.engine.actor.Granularity;
import io.glauber.engine.actor.Partition;
import io.glauber.engine.actor.neuron.ActorRelaxation;
import io.glauber.engine.actor.neuron.Network;
import io.glauber.engine.actor.neuron.Neuron;
import io.glauber.engine.actor.neuron.Patch;
import io.glauber.engine.actor.neuron.PatchNetwork;
import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Schedule;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One run's network spread over the members of a cluster, answering {@link Network}'s protocol so
 * that {@code ActorSampler} (and anything else that talks to a network) runs on it unchanged.
 *
 * <p>Placement: it waits until the receptionist lists {@code members} {@link Host}s (a one-line
 * error after the timeout), orders them by address, takes the first {@code members}, and gives each a contiguous block of the
 * actors ({@link #blocks}: patch p of P to host ⌊p·H/P⌋, neuron i of n to host ⌊i·H/n⌋) — since neighbouring patches
 * (and units) have neighbouring numbers, blocks keep most boundary traffic inside a member. Each
 * host spawns its block from the {@link RunPlan}. When every ref is in, the run's coordinator —
 * {@link PatchNetwork} or {@link Network}, the very code of a one-JVM run, given the placed refs —
 * starts here, on the member that started the run, and every request is passed to it.
 *
 * <p>Flow: before placing, it checks that the most messages the placement can have in flight
 * from one member to another ({@link FlowBound}) fit Artery's outbound queue, and refuses the run
 * with a one-line error otherwise — so the queue never overflows and no state change is dropped.
 *
 * <p>Faults: a member that hosts part of the run and becomes unreachable, leaves or is removed, or
 * whose hosted run stops, ends the run: the request in progress and every later one are answered
 * {@link Network.Failed} with a one-line reason naming the member and how many actors it held.
 * Samples already delivered stay valid (each was a consistent state); nothing is resumed from a
 * state the lost member may not have reached. Stopping the run (or this actor) releases every
 * host's share.
 */
public final class ClusterNetwork {

  private record Hosts(Receptionist.Listing listing) {}

  private record Replied(Network.Reply reply) {}

  private record MemberEvent(Object event) {}

  private record PlacementTimeout() {}

  private static final String TIMEOUT = "placement-timeout";

  /** Artery's outbound queue per member (3,072 by default); what overflows it is dropped. */
  static final String OUTBOUND_QUEUE = "akka.remote.artery.advanced.outbound-message-queue-size";

  private final ActorContext<Object> context;
  private final StashBuffer<Object> stash;
  private final int members;
  private final Duration timeout;
  private final RunPlan plan;
  private final Dynamics dynamics;
  private final ActorRef<Network.Reply> replies;
  /** The hosted run on each member, by member address. */
  private final Map<Address, ActorRef<Host.Release>> runs = new HashMap<>();
  /** Actors hosted per member address. */
  private final Map<Address, Integer> hostedCount = new HashMap<>();
  /** Whom to answer, in the order the coordinator answers (it takes one request at a time). */
  private final ArrayDeque<ActorRef<Network.Reply>> waiting = new ArrayDeque<>();
  private ActorRef<Network.Command> coordinator;

  /**
   * A network of {@code machine} on {@code g} actors over the hosts of at least {@code members}
   * members, waiting at most {@code timeout} for them and for the placement.
   */
  public static Behavior<Network.Command> create(int members, Duration timeout, BoltzmannMachine machine, Granularity g, Dynamics dynamics,
      Schedule schedule, double[] initial, long seed) {
    g.requireSupports(dynamics.mode());
    if (g.patch()) return create(members, timeout, machine, Partition.grow(machine.couplings(), g.patchSize()), dynamics, schedule, initial, seed);
    return create(members, timeout, new RunPlan(g.kind(), machine, schedule, initial, seed, new int[0], 0, ActorConfig.neuronDispatcher(dynamics)), dynamics);
  }

  /**
   * The networks of a relaxation ({@link ActorRelaxation}, e.g. Hopfield recall) placed over the
   * hosts of at least {@code members} members of {@code member}'s cluster (its own host started here
   * if it is not yet), placement waiting at most the member's join timeout each.
   */
  public static ActorRelaxation.Networks networks(Membership member, int members) {
    if (members < 1) throw new IllegalArgumentException("--members " + members + " (expected ≥ 1)");
    member.startHost();
    return (machine, g, dynamics, initial, seed) -> create(members, member.joinTimeout(), machine, g, dynamics, null, initial, seed);
  }

  /** The same with patch actors cut by {@code partition} (e.g. the square tiles of a lattice). */
  public static Behavior<Network.Command> create(int members, Duration timeout, BoltzmannMachine machine, Partition partition, Dynamics dynamics,
      Schedule schedule, double[] initial, long seed) {
    Granularity.patches(partition.count()).requireSupports(dynamics.mode());
    return create(members, timeout, new RunPlan(Granularity.Kind.PATCH, machine, schedule, initial, seed, partition.patchOf(), partition.count(),
        ActorConfig.neuronDispatcher(dynamics)), dynamics);
  }

  private static Behavior<Network.Command> create(int members, Duration timeout, RunPlan plan, Dynamics dynamics) {
    if (members < 1) throw new IllegalArgumentException("--members " + members + " (expected ≥ 1)");
    Behavior<Object> b = Behaviors.withStash(100_000, stash -> Behaviors.setup(ctx -> Behaviors.withTimers(timers ->
        new ClusterNetwork(ctx, stash, members, timeout, plan, dynamics).waitForHosts(timers))));
    return b.narrow();
  }

  private ClusterNetwork(ActorContext<Object> context, StashBuffer<Object> stash, int members, Duration timeout, RunPlan plan, Dynamics dynamics) {
    this.context = context;
    this.stash = stash;
    this.members = members;
    this.timeout = timeout;
    this.plan = plan;
    this.dynamics = dynamics;
    this.replies = context.messageAdapter(Network.Reply.class, Replied::new);
  }

  // ---------------------------------------------------------------- placement

  private Behavior<Object> waitForHosts(TimerScheduler<Object> timers) {
    timers.startSingleTimer(TIMEOUT, new PlacementTimeout(), timeout);
    ActorRef<Receptionist.Listing> listings = context.messageAdapter(Receptionist.Listing.class, Hosts::new);
    context.getSystem().receptionist().tell(Receptionist.subscribe(Host.KEY, listings));
    int[] seen = {0};
    return Behaviors.receive(Object.class)
        .onMessage(Hosts.class, h -> {
          List<ActorRef<Host.Command>> hosts = new ArrayList<>(h.listing().getServiceInstances(Host.KEY));
          seen[0] = hosts.size();
          if (hosts.size() < members) return Behaviors.same();
          return place(hosts, timers);
        })
        .onMessage(PlacementTimeout.class, t -> broken("only " + seen[0] + " of " + members + " hosts found within " + timeout.toSeconds()
            + " s (every member must run a host: `glauber node`, or a command with --join)", true))
        .onMessage(Network.Stop.class, s -> Behaviors.stopped())
        .onMessage(Network.Command.class, this::hold)
        .onMessage(PatchNetwork.Restart.class, this::hold)
        .build();
  }

  private Behavior<Object> hold(Object m) {
    stash.stash(m);
    return Behaviors.same();
  }

  private Behavior<Object> place(List<ActorRef<Host.Command>> hosts, TimerScheduler<Object> timers) {
    hosts.sort(Comparator.comparing(h -> h.path().address().toString()));
    hosts = hosts.subList(0, members); // exactly the members asked for: the same placement whoever else has joined
    int count = plan.actors();
    int h = Math.min(hosts.size(), count);
    int[] hostOf = blocks(count, h);
    FlowBound.Result bound = FlowBound.of(plan, dynamics.mode(), hostOf, h);
    int queue = context.getSystem().settings().config().getInt(OUTBOUND_QUEUE);
    if (bound.messages() > queue) {
      return broken("this placement allows " + bound.messages() + " messages in flight from member " + hosts.get(bound.from()).path().address()
          + " to " + hosts.get(bound.to()).path().address() + ", above Artery's outbound queue of " + queue
          + " (which drops the excess): raise " + OUTBOUND_QUEUE + " in the members' --config, or use fewer, larger patches", false);
    }
    ActorRef<Host.Placed> self = context.getSelf().narrow();
    for (int k = 0; k < h; k++) {
      int host = k;
      int[] which = java.util.stream.IntStream.range(0, count).filter(a -> hostOf[a] == host).toArray();
      hostedCount.put(hosts.get(k).path().address(), which.length);
      hosts.get(k).tell(new Host.Spawn(plan, which, self));
    }
    ActorRef<ClusterEvent.MemberEvent> memberEvents = context.messageAdapter(ClusterEvent.MemberEvent.class, MemberEvent::new);
    ActorRef<ClusterEvent.UnreachableMember> unreachable = context.messageAdapter(ClusterEvent.UnreachableMember.class, MemberEvent::new);
    Cluster cluster = Cluster.get(context.getSystem());
    cluster.subscriptions().tell(Subscribe.create(memberEvents, ClusterEvent.MemberEvent.class));
    cluster.subscriptions().tell(Subscribe.create(unreachable, ClusterEvent.UnreachableMember.class));
    List<ActorRef<Object>> placed = new ArrayList<>(count);
    for (int a = 0; a < count; a++) placed.add(null);
    int[] missing = {count};
    return Behaviors.receive(Object.class)
        .onMessage(Host.Placed.class, p -> {
          if (p.error() != null) return broken(p.error(), true);
          runs.put(p.run().path().address(), p.run());
          context.watch(p.run());
          for (int k = 0; k < p.which().length; k++) {
            if (placed.set(p.which()[k], p.refs().get(k)) == null) missing[0]--;
          }
          if (missing[0] > 0) return Behaviors.same();
          timers.cancel(TIMEOUT);
          coordinator = context.spawn(coordinator(placed), "coordinator");
          context.watch(coordinator);
          return stash.unstashAll(running());
        })
        .onMessage(PlacementTimeout.class, t -> broken(missing[0] + " of " + count + " actors not placed within " + timeout.toSeconds() + " s", true))
        .onMessage(MemberEvent.class, this::onMemberEvent)
        .onMessage(Network.Stop.class, s -> Behaviors.stopped())
        .onMessage(Network.Command.class, this::hold)
        .onMessage(PatchNetwork.Restart.class, this::hold)
        .onSignal(Terminated.class, t -> broken(lost(t.getRef().path().address(), "stopped its share of the run"), true))
        .onSignal(PostStop.class, s -> release())
        .build();
  }

  /**
   * The placement: actor a of {@code count} on host ⌊a·hosts/count⌋ — contiguous blocks, as even as
   * they can be (a run on fewer actors than hosts uses the first {@code count} hosts).
   */
  public static int[] blocks(int count, int hosts) {
    int[] hostOf = new int[count];
    for (int a = 0; a < count; a++) hostOf[a] = (int) ((long) a * hosts / count);
    return hostOf;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Behavior<Network.Command> coordinator(List<ActorRef<Object>> placed) {
    List refs = placed;
    return plan.kind() == Granularity.Kind.PATCH
        ? PatchNetwork.create(plan.machine(), dynamics, plan.schedule(), plan.initial(), plan.seed(), plan.partition(), (List<ActorRef<Patch.Command>>) refs)
        : Network.create(plan.machine(), dynamics, plan.schedule(), plan.initial(), plan.seed(), (List<ActorRef<Neuron.Command>>) refs);
  }

  // ---------------------------------------------------------------- running

  private Behavior<Object> running() {
    return Behaviors.receive(Object.class)
        .onMessage(Network.Sample.class, m -> pass(m.replyTo(), new Network.Sample(m.sweeps(), replies)))
        .onMessage(Network.RunPhase.class, m -> pass(m.replyTo(), new Network.RunPhase(m.clamp(), m.redraws(), m.burnIn(), m.sweeps(), m.local(), replies)))
        .onMessage(Network.Learn.class, m -> pass(m.replyTo(), new Network.Learn(m.rule(), replies)))
        .onMessage(Network.Count.class, m -> pass(m.replyTo(), new Network.Count(replies)))
        .onMessage(Network.Stop.class, s -> Behaviors.stopped())
        .onMessage(Network.Command.class, m -> {
          coordinator.tell(m);
          return Behaviors.same();
        })
        .onMessage(PatchNetwork.Restart.class, m -> { // a patch network's own request: relax again from a new state
          coordinator.unsafeUpcast().tell(m);
          return Behaviors.same();
        })
        .onMessage(Replied.class, r -> {
          ActorRef<Network.Reply> to = waiting.poll();
          if (to != null) to.tell(r.reply());
          return Behaviors.same();
        })
        .onMessage(MemberEvent.class, this::onMemberEvent)
        .onSignal(Terminated.class, t -> t.getRef().equals(coordinator)
            ? broken("the run's coordinator stopped", true)
            : broken(lost(t.getRef().path().address(), "stopped its share of the run"), true))
        .onSignal(PostStop.class, s -> release())
        .build();
  }

  private Behavior<Object> pass(ActorRef<Network.Reply> replyTo, Network.Command request) {
    waiting.add(replyTo);
    coordinator.tell(request);
    return Behaviors.same();
  }

  private Behavior<Object> onMemberEvent(MemberEvent e) {
    if (e.event() instanceof ClusterEvent.UnreachableMember u && hostedCount.containsKey(u.member().address())) {
      return broken(lost(u.member().address(), "became unreachable"), true);
    }
    if (e.event() instanceof ClusterEvent.MemberEvent m && !(m instanceof ClusterEvent.MemberUp) && !(m instanceof ClusterEvent.MemberJoined)
        && !(m instanceof ClusterEvent.MemberWeaklyUp) && hostedCount.containsKey(m.member().address())) {
      return broken(lost(m.member().address(), "left the cluster (" + m.member().status() + ")"), true);
    }
    return Behaviors.same();
  }

  private String lost(Address member, String what) {
    Integer held = hostedCount.get(member);
    return "cluster member " + member + " " + what + " mid-run" + (held == null ? "" : " (it held " + held + " of "
        + plan.actors() + " " + (plan.kind() == Granularity.Kind.PATCH ? "patch" : "neuron") + " actors)") + "; the run stopped";
  }

  // ---------------------------------------------------------------- broken

  /** Answers the waiting requests and every later one with {@code reason}; releases the hosts. */
  private Behavior<Object> broken(String reason, boolean log) {
    if (log) context.getLog().debug(reason); // the requester reports it, in one line
    Network.Failed failed = new Network.Failed(reason);
    for (ActorRef<Network.Reply> r : waiting) r.tell(failed);
    waiting.clear();
    if (coordinator != null) {
      context.unwatch(coordinator);
      context.stop(coordinator);
    }
    release();
    Behavior<Object> refusing = Behaviors.receive(Object.class)
        .onMessage(Network.Stop.class, s -> Behaviors.stopped())
        .onMessage(Network.Sample.class, m -> refuse(m.replyTo(), failed))
        .onMessage(Network.RunPhase.class, m -> refuse(m.replyTo(), failed))
        .onMessage(Network.Learn.class, m -> refuse(m.replyTo(), failed))
        .onMessage(Network.Count.class, m -> refuse(m.replyTo(), failed))
        .onAnyMessage(m -> Behaviors.same())
        .onSignal(Terminated.class, t -> Behaviors.same())
        .build();
    return stash.unstashAll(refusing);
  }

  private Behavior<Object> refuse(ActorRef<Network.Reply> to, Network.Failed failed) {
    to.tell(failed);
    return Behaviors.same();
  }

  private Behavior<Object> release() {
    Host.Release r = new Host.Release();
    for (ActorRef<Host.Release> run : runs.values()) {
      context.unwatch(run);
      run.tell(r);
    }
    runs.clear();
    return Behaviors.same();
  }
}
