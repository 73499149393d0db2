package io.glauber.engine.actor.layer;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.SupervisorStrategy;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.BehaviorBuilder;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.StashBuffer;
import java.time.Duration;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What the two layer actors ({@link VisibleLayer}, {@link HiddenLayer}) share: the parameters they
 * read W from, the held states of their chains, their {@link BlockGibbs.Sampler}, the partner they
 * send their states to, the stash that holds messages until the supervisor's restore after every
 * (re)start, weight updates with their acknowledgement, and the fault-injection test hook. Each
 * layer's {@code Restore}, {@code UpdateWeights} and {@code InjectFault} implement the small
 * interfaces below, so that these handlers are written once.
 *
 * @param <C> the layer's command type
 * @param <P> the partner layer's command type
 */
abstract class LayerActor<C, P> {
  /** The supervisor's restore after every start: parameters, held states (may be null), seed, partner. */
  interface Restoring<P> {
    LayerParameters parameters();

    StateBatch states();

    long seed();

    ActorRef<P> partner();
  }

  /** New parameters of a version, to be acknowledged. */
  interface Updating {
    long version();

    LayerParameters parameters();
  }

  /** The test hook: the {@code afterStates}-th state message from now fails as {@code kind} says. */
  interface Arming {
    int afterStates();

    RbmSupervisor.Fault kind();
  }

  final ActorContext<C> context;
  final ActorRef<RbmSupervisor.Command> supervisor;
  final StashBuffer<C> stash;
  private final Class<C> commandType;
  private final RbmSupervisor.Layer layer;
  LayerParameters parameters;
  BlockGibbs.Sampler sampler;
  StateBatch held;
  ActorRef<P> partner;
  private int faultCountdown;
  private RbmSupervisor.Fault faultKind;

  LayerActor(ActorContext<C> context, ActorRef<RbmSupervisor.Command> supervisor, StashBuffer<C> stash, Class<C> commandType,
      RbmSupervisor.Layer layer) {
    this.context = context;
    this.supervisor = supervisor;
    this.stash = stash;
    this.commandType = commandType;
    this.layer = layer;
  }

  /**
   * A layer supervised with restart (at most 10 times a minute): each incarnation announces itself
   * to the supervisor ({@code started}) and waits, stashing, for the restore of its state.
   */
  static <C> Behavior<C> supervised(ActorRef<RbmSupervisor.Command> supervisor, Function<ActorRef<C>, RbmSupervisor.Command> started,
      BiFunction<ActorContext<C>, StashBuffer<C>, LayerActor<C, ?>> layer) {
    return Behaviors.supervise(Behaviors.<C>setup(context -> {
          supervisor.tell(started.apply(context.getSelf()));
          return Behaviors.<C>withStash(64, stash -> layer.apply(context, stash).awaitingRestore());
        }))
        .onFailure(SupervisorStrategy.restart().withLimit(10, Duration.ofMinutes(1)));
  }

  /** The layer's own state-message handlers (built on {@code receive}), before the shared ones. */
  abstract BehaviorBuilder<C> ownHandlers(BehaviorBuilder<C> receive);

  /** After every (re)start: everything but the supervisor's restore waits in the stash. */
  Behavior<C> awaitingRestore() {
    return Behaviors.receive(commandType)
        .onMessage(commandType, m -> m instanceof Restoring, this::onRestore)
        .onAnyMessage(this::stashed)
        .build();
  }

  /** Running: the layer's own handlers, then restore, new weights and the fault hook. */
  private Behavior<C> running() {
    return ownHandlers(Behaviors.receive(commandType))
        .onMessage(commandType, m -> m instanceof Restoring, this::onRestore)
        .onMessage(commandType, m -> m instanceof Updating, m -> updateWeights((Updating) m))
        .onMessage(commandType, m -> m instanceof Arming, m -> armFault((Arming) m))
        .build();
  }

  private Behavior<C> stashed(C message) {
    stash.stash(message);
    return Behaviors.same();
  }

  /** Parameters, held states, a sampler on the given seed and the partner; then the stashed messages. */
  @SuppressWarnings("unchecked")
  private Behavior<C> onRestore(C message) {
    Restoring<P> r = (Restoring<P>) message;
    parameters = r.parameters();
    held = r.states();
    sampler = new BlockGibbs.Sampler(r.seed());
    partner = r.partner();
    return stash.unstashAll(running());
  }

  /** New parameters, acknowledged to the supervisor. */
  private Behavior<C> updateWeights(Updating u) {
    parameters = u.parameters();
    supervisor.tell(new RbmSupervisor.WeightsUpdated(u.version(), layer));
    return Behaviors.same();
  }

  /** Arms the test hook: the {@code after}-th state message from now fails as {@code kind} says. */
  private Behavior<C> armFault(Arming a) {
    context.getLog().debug("fault armed ({}) in the {} layer: the {}-th states from now", a.kind(), layer, a.afterStates());
    faultCountdown = a.afterStates();
    faultKind = a.kind();
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
