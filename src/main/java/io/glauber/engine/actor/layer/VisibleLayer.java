package io.glauber.engine.actor.layer;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.BehaviorBuilder;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.StashBuffer;

/**
 * The visible layer of an RBM as one actor: on receiving the hidden layer's states H it updates
 * the whole layer as a block,
 *
 * <pre>  P_V = σ((H·Wᵀ + 1·aᵀ)/T),   V ~ Bernoulli(P_V)  </pre>
 *
 * with its own {@link BlockGibbs.Sampler}, keeps V (the chains' visible state: the persistent
 * "fantasy particles" of PCD, the sampler's chains) and relays it to the hidden layer with one
 * sweep fewer. Because the two layers only ever answer each other, they alternate, and the chain
 * is a valid block Gibbs sampler of p(v, h) ∝ e^{−E(v,h)/T} (the {@code exact} mode).
 *
 * <p>It owns a and reads W from the last {@link UpdateWeights}. {@link Release} starts a chain from
 * the held V; {@link Clamp} sets V (data-initialised persistent chains, random sampler chains).
 * Supervised with restart, like {@link HiddenLayer}.
 */
public final class VisibleLayer extends LayerActor<VisibleLayer.Command, HiddenLayer.Command> {

  /** What the visible layer receives. */
  public sealed interface Command extends LayerMessage {}

  /** The hidden layer's states: sample V and relay it with {@code sweepsLeft − 1}. */
  public record HiddenStates(long phase, int sweepsLeft, StateBatch hidden) implements Command, LayerMessage.Binary {}

  /** Start a chain of {@code sweeps} ≥ 0 visible updates from the held V (0: the hidden layer only reports). */
  public record Release(long phase, int sweeps) implements Command, LayerMessage.Cbor {}

  /** Set the held V. */
  public record Clamp(StateBatch visible) implements Command, LayerMessage.Binary {}

  /** New parameters; acknowledged with {@link RbmSupervisor.WeightsUpdated}. */
  public record UpdateWeights(long version, LayerParameters parameters) implements Command, LayerMessage.Binary, Updating {}

  /** Parameters, held V (may be null), RNG seed and partner: sent after every start. */
  public record Restore(LayerParameters parameters, StateBatch visible, long seed, ActorRef<HiddenLayer.Command> partner)
      implements Command, LayerMessage.Binary, Restoring<HiddenLayer.Command> {
    @Override
    public StateBatch states() {
      return visible;
    }
  }

  /**
   * Test hook: the {@code afterStates}-th {@link HiddenStates} from now throws ({@link RbmSupervisor.Fault#THROW})
   * or is silently lost ({@link RbmSupervisor.Fault#DROP}).
   */
  public record InjectFault(int afterStates, RbmSupervisor.Fault kind) implements Command, LayerMessage.Cbor, Arming {}

  /** The layer, supervised: restarted (at most 10 times a minute) with its state restored by the supervisor. */
  public static Behavior<Command> create(ActorRef<RbmSupervisor.Command> supervisor) {
    return supervised(supervisor, RbmSupervisor.VisibleStarted::new, (context, stash) -> new VisibleLayer(context, supervisor, stash));
  }

  private float[] pv = new float[0]; // private scratch, never sent

  private VisibleLayer(ActorContext<Command> context, ActorRef<RbmSupervisor.Command> supervisor, StashBuffer<Command> stash) {
    super(context, supervisor, stash, Command.class, RbmSupervisor.Layer.VISIBLE);
  }

  @Override
  BehaviorBuilder<Command> ownHandlers(BehaviorBuilder<Command> receive) {
    return receive
        .onMessage(HiddenStates.class, this::onHiddenStates)
        .onMessage(Release.class, this::onRelease)
        .onMessage(Clamp.class, this::onClamp);
  }

  private Behavior<Command> onHiddenStates(HiddenStates m) {
    if (faultStrikes(m.phase())) return Behaviors.same();
    int rows = m.hidden().rows();
    int size = rows * parameters.nVisible();
    if (pv.length != size) pv = new float[size];
    float[] v = new float[size];
    sampler.visible(parameters, m.hidden().values(), rows, pv, v);
    held = new StateBatch(rows, parameters.nVisible(), v);
    partner.tell(new HiddenLayer.VisibleStates(m.phase(), m.sweepsLeft() - 1, held));
    return Behaviors.same();
  }

  private Behavior<Command> onRelease(Release m) {
    if (held == null) throw new IllegalStateException("release before the visible chains were clamped or restored");
    partner.tell(new HiddenLayer.VisibleStates(m.phase(), m.sweeps(), held));
    return Behaviors.same();
  }

  private Behavior<Command> onClamp(Clamp m) {
    held = m.visible();
    return Behaviors.same();
  }
}
