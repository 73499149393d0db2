package io.glauber.engine.actor.layer;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.PostStop;
import akka.actor.typed.PreRestart;
import akka.actor.typed.SupervisorStrategy;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.StashBuffer;
import java.time.Duration;

/**
 * The hidden layer of an RBM as one actor: on receiving the visible layer's states V (a batch of
 * chains) it updates the whole layer as a block,
 *
 * <pre>  P_H = σ((V·W + 1·bᵀ)/T),   H ~ Bernoulli(P_H)  </pre>
 *
 * with its own {@link BlockGibbs.Sampler} (seeded by the supervisor, split from the run seed), then
 * either relays H to the visible layer (sweeps left) or reports (V, P_H, H) to the supervisor as
 * {@link RbmSupervisor.Settled} (no sweeps left). It owns b, reads W from the last
 * {@link UpdateWeights} snapshot, and holds the last sampled H, from which {@link Release} starts
 * a negative phase (CD-k starts from the H sampled in the positive phase).
 *
 * <p>Supervised with restart: a new incarnation announces itself ({@link RbmSupervisor.HiddenStarted})
 * and stashes everything until the supervisor's {@link Restore} gives back parameters, held states,
 * a fresh seed and the partner.
 */
public final class HiddenLayer {

  /** What the hidden layer receives. */
  public sealed interface Command extends LayerMessage {}

  /** The visible layer's states: update the block, then relay ({@code sweepsLeft} &gt; 0) or report. */
  public record VisibleStates(long phase, int sweepsLeft, StateBatch visible) implements Command, LayerMessage.Binary {}

  /** Start a free-running chain of {@code sweeps} ≥ 1 visible updates from the held H. */
  public record Release(long phase, int sweeps) implements Command, LayerMessage.Cbor {}

  /** New parameters; acknowledged with {@link RbmSupervisor.WeightsUpdated}. */
  public record UpdateWeights(long version, LayerParameters parameters) implements Command, LayerMessage.Binary {}

  /** Parameters, held states (may be null before any), RNG seed and partner: sent after every start. */
  public record Restore(LayerParameters parameters, StateBatch hidden, long seed, ActorRef<VisibleLayer.Command> partner)
      implements Command, LayerMessage.Binary {}

  /**
   * Test hook: the {@code afterStates}-th {@link VisibleStates} from now throws ({@link RbmSupervisor.Fault#THROW})
   * or is silently lost ({@link RbmSupervisor.Fault#DROP}).
   */
  public record InjectFault(int afterStates, RbmSupervisor.Fault kind) implements Command, LayerMessage.Cbor {}

  /** The layer, supervised: restarted (at most 10 times a minute) with its state restored by the supervisor. */
  public static Behavior<Command> create(ActorRef<RbmSupervisor.Command> supervisor) {
    return Behaviors.supervise(Behaviors.<Command>setup(context -> {
          supervisor.tell(new RbmSupervisor.HiddenStarted(context.getSelf()));
          return Behaviors.<Command>withStash(64, stash -> new HiddenLayer(context, supervisor, stash).awaitingRestore());
        }))
        .onFailure(SupervisorStrategy.restart().withLimit(10, Duration.ofMinutes(1)));
  }

  private final ActorContext<Command> context;
  private final ActorRef<RbmSupervisor.Command> supervisor;
  private final StashBuffer<Command> stash;
  private LayerParameters parameters;
  private ActorRef<VisibleLayer.Command> partner;
  private BlockGibbs.Sampler sampler;
  private StateBatch held;
  private int faultCountdown;
  private RbmSupervisor.Fault faultKind;

  private HiddenLayer(ActorContext<Command> context, ActorRef<RbmSupervisor.Command> supervisor, StashBuffer<Command> stash) {
    this.context = context;
    this.supervisor = supervisor;
    this.stash = stash;
  }

  private Behavior<Command> awaitingRestore() {
    return Behaviors.receive(Command.class)
        .onMessage(Restore.class, this::onRestore)
        .onAnyMessage(this::stashed)
        .onSignal(PreRestart.class, this::closed)
        .onSignal(PostStop.class, this::closed)
        .build();
  }

  private Behavior<Command> running() {
    return Behaviors.receive(Command.class)
        .onMessage(VisibleStates.class, this::onVisibleStates)
        .onMessage(Release.class, this::onRelease)
        .onMessage(UpdateWeights.class, this::onUpdateWeights)
        .onMessage(Restore.class, this::onRestore)
        .onMessage(InjectFault.class, this::onInjectFault)
        .onSignal(PreRestart.class, this::closed)
        .onSignal(PostStop.class, this::closed)
        .build();
  }

  /** Stops the sampler's threads when this incarnation ends (restart or stop). */
  private Behavior<Command> closed(akka.actor.typed.Signal signal) {
    if (sampler != null) sampler.close();
    sampler = null;
    return Behaviors.same();
  }

  private Behavior<Command> stashed(Command message) {
    stash.stash(message);
    return Behaviors.same();
  }

  private Behavior<Command> onRestore(Restore r) {
    parameters = r.parameters();
    held = r.hidden();
    if (sampler != null) sampler.close();
    sampler = new BlockGibbs.Sampler(r.seed());
    partner = r.partner();
    return stash.unstashAll(running());
  }

  private Behavior<Command> onVisibleStates(VisibleStates m) {
    if (faultCountdown > 0 && --faultCountdown == 0) {
      if (faultKind == RbmSupervisor.Fault.DROP) return Behaviors.same();
      throw new IllegalStateException("injected fault in the hidden layer (phase " + m.phase() + ")");
    }
    StateBatch v = m.visible();
    int size = v.rows() * parameters.nHidden();
    float[] ph = new float[size];
    float[] h = new float[size];
    sampler.hidden(parameters, v.values(), v.rows(), ph, h);
    held = new StateBatch(v.rows(), parameters.nHidden(), h);
    if (m.sweepsLeft() > 0) {
      partner.tell(new VisibleLayer.HiddenStates(m.phase(), m.sweepsLeft(), held));
    } else {
      supervisor.tell(new RbmSupervisor.Settled(m.phase(), v, new StateBatch(v.rows(), parameters.nHidden(), ph), held));
    }
    return Behaviors.same();
  }

  private Behavior<Command> onRelease(Release m) {
    if (held == null) throw new IllegalStateException("release before any hidden states were sampled or restored");
    partner.tell(new VisibleLayer.HiddenStates(m.phase(), m.sweeps(), held));
    return Behaviors.same();
  }

  private Behavior<Command> onUpdateWeights(UpdateWeights m) {
    parameters = m.parameters();
    supervisor.tell(new RbmSupervisor.WeightsUpdated(m.version(), RbmSupervisor.Layer.HIDDEN));
    return Behaviors.same();
  }

  private Behavior<Command> onInjectFault(InjectFault m) {
    context.getLog().debug("fault armed ({}): the {}-th visible states from now", m.kind(), m.afterStates());
    faultCountdown = m.afterStates();
    faultKind = m.kind();
    return Behaviors.same();
  }
}
