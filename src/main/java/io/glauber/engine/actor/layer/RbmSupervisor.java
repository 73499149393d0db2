package io.glauber.engine.actor.layer;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.DispatcherSelector;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.StashBuffer;
import akka.actor.typed.javadsl.TimerScheduler;
import io.glauber.kernel.BatchGibbs;
import io.glauber.kernel.Team;
import io.glauber.learn.Learner;
import io.glauber.learn.NegativePhase;
import io.glauber.learn.StackedGradient;
import java.time.Duration;

/**
 * Runs the phases of RBM learning (and sampling) through one {@link VisibleLayer} and one
 * {@link HiddenLayer} actor, which it spawns and supervises.
 *
 * <p>One behaviour per phase, for one mini-batch V₀ of n vectors ({@link Train}):
 * <ol>
 *   <li>{@link #positive}: V₀ goes to the hidden layer with no sweeps; it answers
 *       {@link Settled}(V₀, P₀ = p(h|V₀), H₀) and the supervisor keeps V₀ and P₀ as the positive
 *       rows of {@code learn}'s {@link StackedGradient}, the statistics every engine's step forms;</li>
 *   <li>{@link #negative}: CD-k releases the hidden layer, whose chains start from H₀; PCD-k
 *       sends the persistent chains' H (kept from their last sweep) to the visible layer
 *       ({@link NegativePhase#chainsStartAtBatch}: the first batch starts them). The layers alternate k
 *       times, and the hidden layer answers {@link Settled}(V_k, P_k, H_k), the negative rows. The
 *       statistics come from consistent snapshots: each Settled is the whole batch's state after
 *       the same sweep, which is why the supervisor collects them rather than time averages. The
 *       StackedGradient forms ΔW = V₀ᵀP₀/n − V_kᵀP_k/m (m chains: n under CD) and the bias
 *       differences as one product split over the cores, and applies the shared {@link Learner} to each block of W as it is formed —
 *       the same code as the batched engine's, and the only place a weight change is computed;
 *       {@link DirectTrainer} runs the same step as a {@link NegativePhase} without actors;</li>
 *   <li>{@link #updating}: the next version of the parameters goes to both layers as an immutable
 *       {@link LayerParameters}; once both acknowledge, the batch is answered with
 *       {@link BatchLearned}. W is double-buffered instead of copied for every version: the learner
 *       writes the next version into the array of the version before last, which no layer holds
 *       any more once both have acknowledged the last one (clients get copies).</li>
 * </ol>
 * {@link Sample} runs {@link #sampling}: the visible layer's chains advance {@code sweeps} sweeps
 * and the joint state comes back as {@link Samples}.
 *
 * <p>Every phase runs under a timer: if it has not finished within the phase timeout the run fails
 * with a {@link Failed} reply naming the phase, and the supervisor stops — no run ever hangs. When
 * a layer is restarted after a failure it announces itself; the supervisor then restores both
 * layers (parameters, the chains' last consistent states, fresh seeds) and repeats the phase that
 * was interrupted. Stale answers of an interrupted phase carry an old phase number and are ignored.
 */
public final class RbmSupervisor {

  /** Which layer. */
  public enum Layer { VISIBLE, HIDDEN }

  /** An injected fault: the layer throws (and is restarted), or the message is lost (the phase times out). */
  public enum Fault { THROW, DROP }

  /**
   * Where the two layer actors run: started once by a new supervisor ({@code context} is its own),
   * each announces itself with {@link VisibleStarted} / {@link HiddenStarted} — again after every
   * restart — and the supervisor watches whatever announces itself (a layer that stops for good
   * fails the run). {@link #LOCAL} spawns both as the supervisor's children; a cluster spawns them
   * on other members (engine.actor.cluster), the same actors and messages, so the run is the same
   * at the same seed: every random draw of a layer comes from a seed the supervisor sends.
   */
  @FunctionalInterface
  public interface Layers {
    void start(ActorContext<Command> context);

    /** Both layers as the supervisor's children, on its dispatcher. */
    Layers LOCAL = context -> {
      context.spawn(VisibleLayer.create(context.getSelf()), "visible", DispatcherSelector.sameAsParent());
      context.spawn(HiddenLayer.create(context.getSelf()), "hidden", DispatcherSelector.sameAsParent());
    };
  }

  /** What the supervisor receives: requests from clients and events from its layers. */
  public sealed interface Command extends LayerMessage {}

  /** Learn from one mini-batch; answered with {@link BatchLearned} (or {@link Failed}). */
  public record Train(long sequence, StateBatch batch, ActorRef<Reply> replyTo) implements Command, LayerMessage.Binary {}

  /** End of an epoch; answered with {@link EpochEnded}. */
  public record EndEpoch(int epoch, ActorRef<Reply> replyTo) implements Command, LayerMessage.Cbor {}

  /** Advance the sampling chains {@code sweeps} sweeps (starting them at {@code start} when given); answered with {@link Samples}. */
  public record Sample(int sweeps, StateBatch start, ActorRef<Reply> replyTo) implements Command, LayerMessage.Binary {}

  /** Ask for the current parameters; answered with {@link Model}. */
  public record GetModel(ActorRef<Reply> replyTo) implements Command, LayerMessage.Cbor {}

  /** Arm a fault in one layer (tests): its {@code afterStates}-th state message from now throws or is lost. */
  public record InjectFault(Layer layer, int afterStates, Fault kind) implements Command, LayerMessage.Cbor {}

  /** Stop the supervisor and its layers. */
  public record Stop() implements Command, LayerMessage.Cbor {}

  /** A (new incarnation of the) visible layer has started and waits for {@link VisibleLayer.Restore}. */
  public record VisibleStarted(ActorRef<VisibleLayer.Command> layer) implements Command, LayerMessage.Cbor {}

  /** A (new incarnation of the) hidden layer has started and waits for {@link HiddenLayer.Restore}. */
  public record HiddenStarted(ActorRef<HiddenLayer.Command> layer) implements Command, LayerMessage.Cbor {}

  /** The hidden layer's report at the end of a chain: V, P_H = p(h|V) and the sampled H. */
  public record Settled(long phase, StateBatch visible, StateBatch hiddenProbabilities, StateBatch hidden)
      implements Command, LayerMessage.Binary {}

  /** A layer has taken parameters of version {@code version}. */
  public record WeightsUpdated(long version, Layer layer) implements Command, LayerMessage.Cbor {}

  /** Timer: phase {@code phase} has not finished in time. */
  record PhaseTimedOut(long phase, String description) implements Command, LayerMessage.Cbor {}

  /** Watch: a layer stopped for good (its restart limit was exceeded). */
  record LayerStopped(Layer layer) implements Command, LayerMessage.Cbor {}

  /** Answers to clients. */
  public sealed interface Reply extends LayerMessage {}

  /** Mini-batch {@code sequence} has been learned and the layers hold the new weights. */
  public record BatchLearned(long sequence) implements Reply, LayerMessage.Cbor {}

  /**
   * An epoch has ended: how many batches it had, the mean fraction of visible units that differ
   * between data and their CD-k reconstruction (NaN under PCD), and the parameters after it.
   */
  public record EpochEnded(int epoch, int batches, double reconstructionMismatch, LayerParameters parameters)
      implements Reply, LayerMessage.Binary {}

  /** The chains' joint state: V (chains×nVisible) and H (chains×nHidden), H drawn from p(h|V). */
  public record Samples(StateBatch visible, StateBatch hidden) implements Reply, LayerMessage.Binary {}

  /** The current parameters. */
  public record Model(LayerParameters parameters) implements Reply, LayerMessage.Binary {}

  /** The run failed (naming the phase; the supervisor has stopped) or a request was rejected (it carries on). */
  public record Failed(String reason) implements Reply, LayerMessage.Cbor {}

  /**
   * A supervisor that learns: {@code settings} gives k, CD or PCD, the rule, the seed and the
   * phase timeout (epochs and batch size belong to whoever sends the batches).
   */
  public static Behavior<Command> create(LayerParameters initial, LayerSettings settings) {
    return create(initial, settings, Layers.LOCAL);
  }

  /** As {@link #create(LayerParameters, LayerSettings)}, its layers started by {@code layers}. */
  public static Behavior<Command> create(LayerParameters initial, LayerSettings settings, Layers layers) {
    return create(initial, settings.k(), settings.persistent(), new Learner(settings.ruleAt(0),
        initial.nVisible() * initial.nHidden(), initial.nVisible() + initial.nHidden(), initial.nVisible(), initial.nHidden()),
        settings.seed(), settings.phaseTimeout(), settings, layers);
  }

  /** A supervisor that only samples (answers {@link Sample}, {@link GetModel}); {@link Train} fails. */
  public static Behavior<Command> sampler(LayerParameters parameters, long seed, Duration phaseTimeout) {
    return sampler(parameters, seed, phaseTimeout, Layers.LOCAL);
  }

  /** As {@link #sampler(LayerParameters, long, Duration)}, its layers started by {@code layers} (on a cluster: other members). */
  public static Behavior<Command> sampler(LayerParameters parameters, long seed, Duration phaseTimeout, Layers layers) {
    return create(parameters, 1, false, null, seed, phaseTimeout, null, layers);
  }

  private static Behavior<Command> create(LayerParameters initial, int k, boolean persistent, Learner learner, long seed,
      Duration timeout, LayerSettings rules, Layers layers) {
    return Behaviors.setup(context -> Behaviors.withTimers(timers -> Behaviors.withStash(1024, stash ->
        new RbmSupervisor(context, timers, stash, initial, k, persistent, learner, seed, timeout, rules, layers).starting())));
  }

  private final ActorContext<Command> context;
  private final TimerScheduler<Command> timers;
  private final StashBuffer<Command> stash;
  private final int k;
  private final boolean persistent;
  private final Learner learner;
  private final LayerSettings rules; // the rule of each epoch (null when only sampling)
  private final Duration timeout;
  private final RunRandom random;
  private float[] spareW;    // an array of W that no layer holds any more: the next version goes here
  private float[] retiringW; // the previous version's W, spare once both layers hold the current one
  private final float[] biases;
  private final StackedGradient gradient;
  private final float[] dW;
  private final float[] dBias;
  private final float[] hiddenClamped;
  private LayerParameters current;
  private ActorRef<VisibleLayer.Command> visible;
  private ActorRef<HiddenLayer.Command> hidden;
  private StateBatch visibleChains; // what the visible layer holds after the last finished phase
  private StateBatch hiddenChains;  // what the hidden layer holds after the last finished phase
  private long phase;
  private long version;
  private int batchesThisEpoch;
  private double mismatchThisEpoch;
  private ActorRef<Reply> client; // whom the running phase answers

  private RbmSupervisor(ActorContext<Command> context, TimerScheduler<Command> timers, StashBuffer<Command> stash,
      LayerParameters initial, int k, boolean persistent, Learner learner, long seed, Duration timeout, LayerSettings rules, Layers layers) {
    this.context = context;
    this.rules = rules;
    this.timers = timers;
    this.stash = stash;
    this.k = k;
    this.persistent = persistent;
    this.learner = learner;
    this.timeout = timeout;
    this.random = new RunRandom(seed);
    // a private copy: the arrays of W are recycled (spareW) and must never be the caller's
    this.current = new LayerParameters(initial.nVisible(), initial.nHidden(), initial.w().clone(),
        initial.visibleBias(), initial.hiddenBias(), initial.temperature());
    int nv = initial.nVisible();
    int nh = initial.nHidden();
    this.biases = new float[nv + nh];
    System.arraycopy(initial.visibleBias(), 0, biases, 0, nv);
    System.arraycopy(initial.hiddenBias(), 0, biases, nv, nh);
    this.gradient = new StackedGradient(nv, nh, new BatchGibbs(Team.shared()));
    this.dW = new float[nv * nh];
    this.dBias = new float[nv + nh];
    this.hiddenClamped = new float[nh];
    // started after the fields: their Started events arrive in starting()
    layers.start(context);
  }

  // ---- phases ---------------------------------------------------------------------------------

  private Behavior<Command> starting() {
    startTimer(++phase, "start of the layer actors");
    return Behaviors.receive(Command.class)
        .onMessage(VisibleStarted.class, m -> { visible = announced(visible, m.layer(), Layer.VISIBLE); return startedIfBoth(); })
        .onMessage(HiddenStarted.class, m -> { hidden = announced(hidden, m.layer(), Layer.HIDDEN); return startedIfBoth(); })
        .onMessage(PhaseTimedOut.class, this::onTimeout)
        .onMessage(LayerStopped.class, this::onLayerStopped)
        .onAnyMessage(this::stashed)
        .build();
  }

  private Behavior<Command> startedIfBoth() {
    if (visible == null || hidden == null) return Behaviors.same();
    restoreBoth();
    return idle();
  }

  private Behavior<Command> idle() {
    timers.cancel("phase");
    client = null;
    return stash.unstashAll(Behaviors.receive(Command.class)
        .onMessage(Train.class, this::positive)
        .onMessage(Sample.class, this::sampling)
        .onMessage(EndEpoch.class, this::onEndEpoch)
        .onMessage(GetModel.class, this::onGetModel)
        .onMessage(InjectFault.class, this::onInjectFault)
        .onMessage(Stop.class, m -> Behaviors.stopped())
        .onMessage(VisibleStarted.class, m -> { visible = announced(visible, m.layer(), Layer.VISIBLE); restoreBoth(); return Behaviors.same(); })
        .onMessage(HiddenStarted.class, m -> { hidden = announced(hidden, m.layer(), Layer.HIDDEN); restoreBoth(); return Behaviors.same(); })
        .onMessage(LayerStopped.class, this::onLayerStopped)
        .onAnyMessage(m -> Behaviors.same()) // stale Settled, acks and timers of finished phases
        .build());
  }

  private Behavior<Command> positive(Train t) {
    if (learner == null) return reject(t.replyTo(), "this supervisor only samples (created with RbmSupervisor.sampler)");
    if (t.batch().cols() != current.nVisible()) {
      return reject(t.replyTo(), "mini-batch of " + t.batch().cols() + " columns (expected n_visible = " + current.nVisible() + ")");
    }
    client = t.replyTo();
    long p = startTimer(++phase, "positive phase of batch " + t.sequence());
    hidden.tell(new HiddenLayer.VisibleStates(p, 0, t.batch()));
    return inPhase(p, s -> {
      // CD: the negative chains start from H₀. PCD: the persistent chains' H is kept, and only the
      // first mini-batch's H₀ starts them (they start at that batch): the step's rule
      boolean restart = NegativePhase.chainsStartAtBatch(persistent, hiddenChains);
      if (restart) hiddenChains = s.hidden();
      int chains = restart ? s.visible().rows() : hiddenChains.rows();
      gradient.positive(s.visible().values(), s.hiddenProbabilities().values(), s.visible().rows(), chains);
      return negative(t);
    }, () -> positive(t));
  }

  private Behavior<Command> negative(Train t) {
    long p = startTimer(++phase, "negative phase (" + (persistent ? "PCD-" : "CD-") + k + ") of batch " + t.sequence());
    if (persistent) {
      if (NegativePhase.chainsStartAtBatch(true, visibleChains)) visibleChains = t.batch(); // ... at V₀ of the first mini-batch
      // the chains' (V, H) advance from their H: as every PCD step, one visible and one hidden
      // half-step per sweep, no hidden half-step to recompute H from the chains' V
      visible.tell(new VisibleLayer.HiddenStates(p, k, hiddenChains));
    } else {
      hidden.tell(new HiddenLayer.Release(p, k));
    }
    return inPhase(p, s -> {
      gradient.negative(s.visible().values(), s.hiddenProbabilities().values(), s.visible().rows());
      visibleChains = s.visible();
      hiddenChains = s.hidden();
      mismatchThisEpoch += persistent ? Double.NaN : t.batch().fractionDiffering(s.visible());
      float[] next = spareW != null ? spareW : new float[current.w().length];
      spareW = null;
      gradient.differences(dW, dBias, hiddenClamped, learner, current.w(), next, biases);
      retiringW = current.w();
      current = parameters(next);
      return updating(t);
    }, () -> negative(t));
  }

  private Behavior<Command> updating(Train t) {
    long v = ++version;
    long p = startTimer(++phase, "weight update after batch " + t.sequence());
    visible.tell(new VisibleLayer.UpdateWeights(v, current));
    hidden.tell(new HiddenLayer.UpdateWeights(v, current));
    boolean[] acked = new boolean[2];
    return Behaviors.receive(Command.class)
        .onMessage(WeightsUpdated.class, a -> a.version() == v, a -> {
          acked[a.layer().ordinal()] = true;
          if (!(acked[0] && acked[1])) return Behaviors.same();
          spareW = retiringW; // neither layer holds it now
          retiringW = null;
          batchesThisEpoch++;
          t.replyTo().tell(new BatchLearned(t.sequence()));
          return idle();
        })
        .onMessage(VisibleStarted.class, m -> { visible = announced(visible, m.layer(), Layer.VISIBLE); restoreBoth(); return updating(t); })
        .onMessage(HiddenStarted.class, m -> { hidden = announced(hidden, m.layer(), Layer.HIDDEN); restoreBoth(); return updating(t); })
        .onMessage(PhaseTimedOut.class, this::onTimeout)
        .onMessage(LayerStopped.class, this::onLayerStopped)
        .onMessage(Settled.class, m -> Behaviors.same())
        .onMessage(WeightsUpdated.class, m -> Behaviors.same())
        .onAnyMessage(this::stashed)
        .build();
  }

  private Behavior<Command> sampling(Sample s) {
    client = s.replyTo();
    if (s.start() != null) {
      if (s.start().cols() != current.nVisible()) {
        return reject(s.replyTo(), "sampler start of " + s.start().cols() + " columns (expected n_visible = " + current.nVisible() + ")");
      }
      visibleChains = s.start();
      visible.tell(new VisibleLayer.Clamp(visibleChains));
    }
    if (visibleChains == null) return reject(s.replyTo(), "no sampling chains: the first Sample must carry a start");
    long p = startTimer(++phase, "sampling run of " + s.sweeps() + " sweeps");
    visible.tell(new VisibleLayer.Release(p, s.sweeps()));
    Sample again = new Sample(s.sweeps(), null, s.replyTo());
    return inPhase(p, settled -> {
      visibleChains = settled.visible();
      hiddenChains = settled.hidden();
      s.replyTo().tell(new Samples(settled.visible(), settled.hidden()));
      return idle();
    }, () -> sampling(again));
  }

  /**
   * The common shape of a phase that ends with one {@link Settled}: the matching report goes to
   * {@code done}; a restarted layer makes the supervisor restore both layers and {@code retry}.
   */
  private Behavior<Command> inPhase(long p, java.util.function.Function<Settled, Behavior<Command>> done,
      java.util.function.Supplier<Behavior<Command>> retry) {
    return Behaviors.receive(Command.class)
        .onMessage(Settled.class, s -> s.phase() == p, done::apply)
        .onMessage(Settled.class, s -> Behaviors.same())
        .onMessage(VisibleStarted.class, m -> { visible = announced(visible, m.layer(), Layer.VISIBLE); restoreBoth(); return retry.get(); })
        .onMessage(HiddenStarted.class, m -> { hidden = announced(hidden, m.layer(), Layer.HIDDEN); restoreBoth(); return retry.get(); })
        .onMessage(PhaseTimedOut.class, this::onTimeout)
        .onMessage(LayerStopped.class, this::onLayerStopped)
        .onMessage(WeightsUpdated.class, m -> Behaviors.same())
        .onAnyMessage(this::stashed)
        .build();
  }

  // ---- handlers -------------------------------------------------------------------------------

  private Behavior<Command> onEndEpoch(EndEpoch m) {
    double mismatch = batchesThisEpoch == 0 ? Double.NaN : mismatchThisEpoch / batchesThisEpoch;
    m.replyTo().tell(new EpochEnded(m.epoch(), batchesThisEpoch, mismatch, copy(current)));
    // the schedules: epoch m.epoch() (1-based) has ended, the next one's rule applies from here
    if (learner != null && rules != null) learner.setRule(rules.ruleAt(m.epoch()));
    batchesThisEpoch = 0;
    mismatchThisEpoch = 0;
    return Behaviors.same();
  }

  private Behavior<Command> onGetModel(GetModel m) {
    m.replyTo().tell(new Model(copy(current)));
    return Behaviors.same();
  }

  private Behavior<Command> onInjectFault(InjectFault m) {
    if (m.layer() == Layer.VISIBLE) visible.tell(new VisibleLayer.InjectFault(m.afterStates(), m.kind()));
    else hidden.tell(new HiddenLayer.InjectFault(m.afterStates(), m.kind()));
    return Behaviors.same();
  }

  private Behavior<Command> onTimeout(PhaseTimedOut m) {
    if (m.phase() != phase) return Behaviors.same();
    return fail(client, m.description() + " did not finish within " + timeout.toMillis() + " ms (phase " + m.phase() + ")");
  }

  /** A layer that announced itself: watched from its first announcement on (a restart keeps the ref). */
  private <L> ActorRef<L> announced(ActorRef<L> before, ActorRef<L> layer, Layer which) {
    if (!layer.equals(before)) context.watchWith(layer, new LayerStopped(which));
    return layer;
  }

  private Behavior<Command> onLayerStopped(LayerStopped m) {
    ActorRef<?> ref = m.layer() == Layer.VISIBLE ? visible : hidden;
    boolean remote = ref != null && !ref.path().address().equals(context.getSelf().path().address());
    return fail(client, "the " + m.layer().name().toLowerCase() + " layer stopped for good (" + (remote
        ? "on cluster member " + ref.path().address() + ": the member left or became unreachable, or its restart limit was exceeded"
        : "restart limit exceeded") + ")");
  }

  private Behavior<Command> stashed(Command m) {
    if (stash.isFull()) {
      context.getLog().warn("stash full, dropping {}", m);
    } else {
      stash.stash(m);
    }
    return Behaviors.same();
  }

  /** A request that cannot be served: answered with {@link Failed}; the supervisor carries on. */
  private Behavior<Command> reject(ActorRef<Reply> to, String reason) {
    context.getLog().warn("request rejected: {}", reason);
    to.tell(new Failed(reason));
    return Behaviors.same();
  }

  /** The run cannot go on: the current client and every waiting one get {@link Failed}; the supervisor stops. */
  private Behavior<Command> fail(ActorRef<Reply> to, String reason) {
    context.getLog().error("RBM layer run failed: {}", reason);
    Failed failed = new Failed(reason);
    if (to != null) to.tell(failed);
    stash.forEach(m -> {
      ActorRef<Reply> r = replyTo(m);
      if (r != null && r != to) r.tell(failed);
    });
    return Behaviors.stopped();
  }

  // ---- helpers --------------------------------------------------------------------------------

  private long startTimer(long p, String description) {
    timers.startSingleTimer("phase", new PhaseTimedOut(p, description), timeout);
    return p;
  }

  /** Both layers get the parameters, the last consistent chain states and fresh seeds. */
  private void restoreBoth() {
    if (visible == null || hidden == null) return;
    visible.tell(new VisibleLayer.Restore(current, visibleChains, random.visibleSeeds.nextLong(), hidden));
    hidden.tell(new HiddenLayer.Restore(current, hiddenChains, random.hiddenSeeds.nextLong(), visible));
  }

  /**
   * The immutable parameters of the next version: W in {@code next} (written by the learner, never
   * written again while any layer may hold it: see {@link #spareW}), the biases copied out of [a | b].
   */
  private LayerParameters parameters(float[] next) {
    return LayerParameters.of(current.nVisible(), current.nHidden(), next, biases, current.temperature());
  }

  /** A copy for clients, who may keep it after its array of W has been recycled. */
  private static LayerParameters copy(LayerParameters p) {
    return new LayerParameters(p.nVisible(), p.nHidden(), p.w().clone(), p.visibleBias(), p.hiddenBias(), p.temperature());
  }

  private static ActorRef<Reply> replyTo(Command m) {
    if (m instanceof Train t) return t.replyTo();
    if (m instanceof Sample s) return s.replyTo();
    if (m instanceof EndEpoch e) return e.replyTo();
    if (m instanceof GetModel g) return g.replyTo();
    return null;
  }
}
