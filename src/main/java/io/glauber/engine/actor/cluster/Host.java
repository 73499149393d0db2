package io.glauber.engine.actor.cluster;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.Behavior;
import akka.actor.typed.Props;
import akka.actor.typed.Terminated;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.receptionist.Receptionist;
import akka.actor.typed.receptionist.ServiceKey;
import io.glauber.engine.actor.ActorConfig;
import io.glauber.engine.actor.JsonMessage;
import io.glauber.engine.actor.Placement;
import io.glauber.engine.actor.layer.HiddenLayer;
import io.glauber.engine.actor.layer.RbmSupervisor;
import io.glauber.engine.actor.layer.VisibleLayer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The actor every member runs so that runs started elsewhere can place actors on it: Akka Typed
 * has no remote deployment, so the run's coordinator ({@link ClusterNetwork}) finds the hosts
 * through the receptionist ({@link #KEY}) and asks each to {@link Spawn} its share. A host spawns
 * one child per run ({@code run-K}), which spawns the run's patch or neuron actors as its own
 * children from the {@link RunPlan}, replies {@link Placed} with their refs (in slices of
 * {@value #SLICE}, so no reply outgrows Artery's frame), and stops them all when the coordinator
 * says {@link Release} or when the coordinator itself is gone (its member left or died): a run
 * leaves no orphan actors behind. An RBM's layer actors are placed one per {@link SpawnLayer}.
 */
public final class Host {
  private Host() {}

  /** The receptionist key every member's host registers under. */
  public static final ServiceKey<Command> KEY = ServiceKey.create(Command.class, "glauber-host");

  /** The host's name under {@code /system} (a large-message destination in glauber-cluster.conf). */
  public static final String NAME = "glauber-host";

  /** Refs per {@link Placed} reply. */
  static final int SLICE = 1000;

  /** What a host is asked. */
  public sealed interface Command {}

  /** Spawn actors {@code which} (ascending) of {@code plan}; reply to {@code replyTo}, which owns the run. */
  public record Spawn(RunPlan plan, int[] which, ActorRef<Placed> replyTo) implements Command, ClusterMessage {}

  /**
   * Actors {@code which} of a run are up on {@code run}'s member, with these refs ({@code error}
   * null), or could not be spawned ({@code error} says why; no refs).
   */
  public record Placed(ActorRef<Release> run, int[] which, List<ActorRef<Object>> refs, String error) implements ClusterMessage {}

  /** Stop the run's actors on this member. */
  public record Release() implements ClusterMessage {}

  /**
   * Spawn {@code layer}'s actor of an RBM's layer-actor run whose supervisor is {@code supervisor}
   * ({@link ClusterLayers}); the layer announces itself to the supervisor, and stops when the
   * supervisor is gone. A control message, once per layer and run: Jackson CBOR.
   */
  public record SpawnLayer(RbmSupervisor.Layer layer, ActorRef<RbmSupervisor.Command> supervisor) implements Command, JsonMessage {}

  /** Starts this member's host and registers it with the receptionist (once per actor system). */
  public static ActorRef<Command> start(ActorSystem<?> system) {
    ActorRef<Command> host = system.systemActorOf(create(), NAME, Props.empty());
    system.receptionist().tell(Receptionist.register(KEY, host));
    return host;
  }

  static Behavior<Command> create() {
    return Behaviors.setup(ctx -> {
      long[] runs = {0};
      return Behaviors.receive(Command.class)
          .onMessage(Spawn.class, m -> {
            ctx.spawn(hostedRun(m), "run-" + ++runs[0]);
            return Behaviors.same();
          })
          .onMessage(SpawnLayer.class, m -> {
            ctx.spawn(hostedLayer(m), "run-" + ++runs[0]);
            return Behaviors.same();
          })
          .build();
    });
  }

  /** One run's actors on this member, children of one actor that lives as long as the run's coordinator wants them. */
  private static Behavior<Release> hostedRun(Spawn m) {
    return Behaviors.setup(ctx -> {
      ctx.watch(m.replyTo());
      List<ActorRef<Object>> refs = new ArrayList<>(m.which().length);
      try {
        List<Behavior<Object>> behaviours = m.plan().behaviours(m.which());
        Props props = ActorConfig.neuronProps(m.plan().dispatcher());
        for (int k = 0; k < m.which().length; k++) {
          int a = m.which()[k];
          ActorRef<Object> ref = ctx.spawn(behaviours.get(k), m.plan().actorName(a), props);
          Placement.place(ref, a, m.plan().actors());
          refs.add(ref);
        }
      } catch (RuntimeException e) {
        m.replyTo().tell(new Placed(ctx.getSelf(), m.which(), List.of(), "member " + ctx.getSystem().address() + " could not spawn its actors: " + e.getMessage()));
        return Behaviors.stopped();
      }
      reply(ctx, m, refs);
      return Behaviors.receive(Release.class)
          .onMessage(Release.class, r -> Behaviors.stopped())
          .onSignal(Terminated.class, t -> Behaviors.stopped())
          .build();
    });
  }

  /** One layer actor of an RBM run on this member, stopped with its parent when the run's supervisor is gone. */
  private static Behavior<Release> hostedLayer(SpawnLayer m) {
    return Behaviors.setup(ctx -> {
      ctx.watch(m.supervisor());
      Props props = ActorConfig.on(ctx.getSystem(), ActorConfig.LAYER_DISPATCHER);
      if (m.layer() == RbmSupervisor.Layer.VISIBLE) ctx.spawn(VisibleLayer.create(m.supervisor()), "visible", props);
      else ctx.spawn(HiddenLayer.create(m.supervisor()), "hidden", props);
      return Behaviors.receive(Release.class)
          .onMessage(Release.class, r -> Behaviors.stopped())
          .onSignal(Terminated.class, t -> Behaviors.stopped())
          .build();
    });
  }

  private static void reply(ActorContext<Release> ctx, Spawn m, List<ActorRef<Object>> refs) {
    for (int from = 0; from < refs.size(); from += SLICE) {
      int to = Math.min(refs.size(), from + SLICE);
      m.replyTo().tell(new Placed(ctx.getSelf(), Arrays.copyOfRange(m.which(), from, to), List.copyOf(refs.subList(from, to)), null));
    }
  }
}
