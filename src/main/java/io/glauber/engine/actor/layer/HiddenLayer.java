package io.glauber.engine.actor.layer;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.BehaviorBuilder;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.StashBuffer;

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
public final class HiddenLayer extends LayerActor<HiddenLayer.Command, VisibleLayer.Command> {

  /** What the hidden layer receives. */
  public sealed interface Command extends LayerMessage {}

  /** The visible layer's states: update the block, then relay ({@code sweepsLeft} &gt; 0) or report. */
  public record VisibleStates(long phase, int sweepsLeft, StateBatch visible) implements Command, LayerMessage.Binary {}

  /** Start a free-running chain of {@code sweeps} ≥ 1 visible updates from the held H. */
  public record Release(long phase, int sweeps) implements Command, LayerMessage.Cbor {}

  /** New parameters; acknowledged with {@link RbmSupervisor.WeightsUpdated}. */
  public record UpdateWeights(long version, LayerParameters parameters) implements Command, LayerMessage.Binary, Updating {}

  /** Parameters, held states (may be null before any), RNG seed and partner: sent after every start. */
  public record Restore(LayerParameters parameters, StateBatch hidden, long seed, ActorRef<VisibleLayer.Command> partner)
      implements Command, LayerMessage.Binary, Restoring<VisibleLayer.Command> {
    @Override
    public StateBatch states() {
      return hidden;
    }
  }

  /**
   * Test hook: the {@code afterStates}-th {@link VisibleStates} from now throws ({@link RbmSupervisor.Fault#THROW})
   * or is silently lost ({@link RbmSupervisor.Fault#DROP}).
   */
  public record InjectFault(int afterStates, RbmSupervisor.Fault kind) implements Command, LayerMessage.Cbor, Arming {}

  /** The layer, supervised: restarted (at most 10 times a minute) with its state restored by the supervisor. */
  public static Behavior<Command> create(ActorRef<RbmSupervisor.Command> supervisor) {
    return supervised(supervisor, RbmSupervisor.HiddenStarted::new, (context, stash) -> new HiddenLayer(context, supervisor, stash));
  }

  private HiddenLayer(ActorContext<Command> context, ActorRef<RbmSupervisor.Command> supervisor, StashBuffer<Command> stash) {
    super(context, supervisor, stash, Command.class, RbmSupervisor.Layer.HIDDEN);
  }

  @Override
  BehaviorBuilder<Command> ownHandlers(BehaviorBuilder<Command> receive) {
    return receive
        .onMessage(VisibleStates.class, this::onVisibleStates)
        .onMessage(Release.class, this::onRelease);
  }

  private Behavior<Command> onVisibleStates(VisibleStates m) {
    if (faultStrikes(m.phase())) return Behaviors.same();
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
}
