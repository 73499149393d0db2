package io.glauber.engine.actor.layer;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.StashBuffer;

/**
 * What the two layer actors ({@link VisibleLayer}, {@link HiddenLayer}) share: the parameters they
 * read W from, the held states of their chains, their {@link BlockGibbs.Sampler}, the stash that
 * holds messages until the supervisor's restore after every (re)start, weight updates with their
 * acknowledgement, and the fault-injection test hook.
 *
 * @param <C> the layer's command type
 */
abstract class LayerActor<C> {
  final ActorContext<C> context;
  final ActorRef<RbmSupervisor.Command> supervisor;
  final StashBuffer<C> stash;
  private final RbmSupervisor.Layer layer;
  LayerParameters parameters;
  BlockGibbs.Sampler sampler;
  StateBatch held;
  private int faultCountdown;
  private RbmSupervisor.Fault faultKind;

  LayerActor(ActorContext<C> context, ActorRef<RbmSupervisor.Command> supervisor, StashBuffer<C> stash, RbmSupervisor.Layer layer) {
    this.context = context;
    this.supervisor = supervisor;
    this.stash = stash;
    this.layer = layer;
  }

  /** Until the supervisor's restore, a layer stashes everything else with this. */
  Behavior<C> stashed(C message) {
    stash.stash(message);
    return Behaviors.same();
  }

  /** The common part of a restore: parameters, held states and a sampler on the given seed. */
  void restore(LayerParameters p, StateBatch states, long seed) {
    parameters = p;
    held = states;
    sampler = new BlockGibbs.Sampler(seed);
  }

  /** New parameters, acknowledged to the supervisor. */
  Behavior<C> updateWeights(long version, LayerParameters p) {
    parameters = p;
    supervisor.tell(new RbmSupervisor.WeightsUpdated(version, layer));
    return Behaviors.same();
  }

  /** Arms the test hook: the {@code after}-th state message from now fails as {@code kind} says. */
  Behavior<C> armFault(int after, RbmSupervisor.Fault kind) {
    context.getLog().debug("fault armed ({}) in the {} layer: the {}-th states from now", kind, layer, after);
    faultCountdown = after;
    faultKind = kind;
    return Behaviors.same();
  }

  /**
   * Counts a state message against an armed fault: true when it is to be dropped; throws when it is
   * to fail (the supervisor restarts the layer).
   */
  boolean faultStrikes(long phase) {
    if (faultCountdown > 0 && --faultCountdown == 0) {
      if (faultKind == RbmSupervisor.Fault.DROP) return true;
      throw new IllegalStateException("injected fault in the " + layer.name().toLowerCase() + " layer (phase " + phase + ")");
    }
    return false;
  }
}
