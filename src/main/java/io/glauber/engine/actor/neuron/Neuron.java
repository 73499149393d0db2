package io.glauber.engine.actor.neuron;

import akka.actor.Cancellable;
import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.ExtensibleBehavior;
import akka.actor.typed.Signal;
import akka.actor.typed.SupervisorStrategy;
import akka.actor.typed.TypedActorContext;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import io.glauber.engine.actor.JsonMessage;
import io.glauber.engine.actor.Timing;
import io.glauber.engine.actor.TurnMessage;
import io.glauber.learn.Learner;
import io.glauber.learn.LearningRule;
import io.glauber.model.Phase;
import io.glauber.model.Statistics;
import io.glauber.model.Glauber;
import io.glauber.model.Units;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One unit of a Boltzmann machine as an actor (seed 002: "each neuron an actor").
 *
 * <p>It owns its state s_i, bias b_i, its incoming weights w_ij (its row of the couplings) and the
 * refs of its neighbours. It keeps its local field h_i = Σ_j w_ij s_j + b_i current from its
 * neighbours' {@link StateChanged} messages — a change of s_j by Δ adds w_ij·Δ, nothing is
 * recomputed and nothing is shared — and updates itself with {@link Glauber#update} at temperature
 * T, telling its neighbours only when its state actually changes.
 *
 * <p>Three behaviours: {@code Idle} waits for a barrier step ({@link Update}, exact mode) or a
 * start signal; {@code AwaitingAcks} holds the barrier until every neighbour has received the
 * change (each receiver acks, so the coordinator's {@link Network.Done} implies delivery, also
 * across machines); {@code Running} updates on a Poisson clock ({@link StartAsync}).
 *
 * <p>Local learning: on {@link Measure} the neuron adds s_i and s_i s_j (from its view of its
 * neighbours) to its accumulators; on {@link EndPhase} it turns them into the phase's
 * {@link Statistics}; on {@link Learn} it hands clamped and free statistics of its own incoming
 * weights to its own {@link Learner} — the shared rule, applied to a model of one bias and deg(i)
 * weights. Measure is broadcast only between barrier sweeps, when every neuron's view of its
 * neighbours is the true joint state, so both ends of a pair sum the same products in the same
 * order and compute the same change: w_ij and w_ji stay bitwise equal.
 *
 * <p>Faults: the mutable state lives in a {@link Cell} created by {@link #create} outside the
 * restartable part — committed state ({@link Unit}), flow control ({@link Links}), the clock
 * ({@link Clock}), local learning's accumulators ({@link Accumulators}) and fault replay
 * ({@link Replay}) — so a restart (the behaviour is supervised with
 * {@link SupervisorStrategy#restart()}) rebuilds the behaviour around the last committed weights,
 * bias, state and field; a message whose handler failed before committing is re-delivered.
 */
public final class Neuron {

  /** Everything a neuron understands. */
  public sealed interface Command {}

  /** s_from changed by delta; if {@code ack}, reply {@link Ack} to the sender (exact mode). */
  public record StateChanged(int from, double delta, boolean ack) implements Command, BinaryMessage {}

  /** A neighbour has received this neuron's change. */
  public record Ack() implements Command, BinaryMessage {
    public static final Ack INSTANCE = new Ack();
  }

  /** Barrier step of exact mode: update once at temperature T, then report {@link Network.Done}. */
  public record Update(long step, double temperature) implements Command, BinaryMessage {}

  /** The neuron's own clock in async mode; ticks of an older epoch are stale and ignored. */
  public record Tick(int epoch) implements Command, BinaryMessage, TurnMessage {}

  /**
   * Async flow control: the sender {@code from} may send {@code count} more state changes to the
   * receiver of this message (credits are returned in batches of {@link #CREDIT_BATCH}).
   */
  public record Credit(int from, int count) implements Command, BinaryMessage {}

  /** State changes a neuron may have in flight, uncredited, to one neighbour (async mode). */
  public static final int WINDOW = 16;

  /** A receiver returns credit after this many state changes from one neighbour. */
  public static final int CREDIT_BATCH = 8;

  /** Add the current s_i and s_i s_j to the local-learning accumulators. */
  public record Measure() implements Command, BinaryMessage {
    public static final Measure INSTANCE = new Measure();
  }

  /** Report state and counters to a snapshot aggregator. */
  public record GetState(ActorRef<Snapshot.Command> replyTo) implements Command, BinaryMessage {}

  /** The neighbours' refs, in the order of the spec's neighbour ids, and the coordinator. */
  public record Wire(List<ActorRef<Command>> neighbours, ActorRef<Network.Command> coordinator) implements Command, JsonMessage {}

  /** Hold s_i at value (visible unit clamped to data); replies {@link Network.Done} once neighbours know. */
  public record Clamp(double value) implements Command, JsonMessage {}

  /** Stop clamping. */
  public record Release() implements Command, JsonMessage {}

  /**
   * Start updating on the own clock (mean interval, 0 = as fast as possible) with delivery delay
   * of that mean; {@code exclusive}: update only while holding every fork (exclusive mode).
   */
  public record StartAsync(double temperature, long meanIntervalNanos, long delayNanos, boolean exclusive, Timing timing) implements Command, JsonMessage {
    public StartAsync {
      if (timing == null) throw new IllegalArgumentException("timing missing (expected Timing.DEFAULT or another)");
    }

    /** Async mode with fixed delays and a Poisson clock. */
    public StartAsync(double temperature, long meanIntervalNanos, long delayNanos) {
      this(temperature, meanIntervalNanos, delayNanos, false, Timing.DEFAULT);
    }
  }

  /**
   * Exact mode's message delays: every state change a neuron sends and every ack it returns reaches
   * the neighbour after a delay of mean {@code delayNanos} drawn from {@code timing} (per synapse,
   * once, when {@link Timing#perEdge()}), as async and exclusive modes delay theirs — so that the
   * barrier can be held against them at equal delays. The coordinator's own messages (steps and
   * their replies) are not delayed.
   */
  public record SetDelays(long delayNanos, Timing timing) implements Command, JsonMessage {
    public SetDelays {
      if (delayNanos < 0) throw new IllegalArgumentException("message delay " + delayNanos + " ns (expected ≥ 0)");
      if (timing == null) throw new IllegalArgumentException("timing missing (expected Timing.DEFAULT or another)");
    }
  }

  /**
   * Exclusive mode: the fork of the edge between {@code from} and the receiver, carrying the
   * sender's state s_from (which cannot change while the receiver holds the fork); with
   * {@code request}, also the edge's request token — the sender is hungry and wants the fork back
   * (one message where a fork and a {@link ForkRequest} would be two).
   */
  public record Fork(int from, double state, boolean request) implements Command, BinaryMessage {
    /** A fork without the request token. */
    public Fork(int from, double state) {
      this(from, state, false);
    }
  }

  /**
   * Exclusive mode: where the forks start. Every edge's fork starts, dirty, at the end that comes
   * first in the order (colour, id) — colours of a proper colouring of the graph
   * ({@link io.glauber.model.Couplings#colours()}) — and its request token at the other end. Any
   * total order gives an acyclic precedence graph, hence no deadlock; this one also gives the
   * hygienic algorithm's steady state (Barbosa and Gafni's scheduling by edge reversal) its best
   * concurrency: ordered by id alone, every row of a periodic lattice is a cycle with one edge
   * against 63, and a unit eats once per about L rounds of fork passing instead of once per two.
   * Without it, forks start by id alone.
   */
  public record Precedence(int colour, int[] neighbourColours) implements Command, JsonMessage {}

  /** Exclusive mode: the request token of the edge between {@code from} and the receiver ("send me the fork"). */
  public record ForkRequest(int from) implements Command, BinaryMessage {}

  /** Event-driven updates: a neighbour has changed (exclusive mode), or this neuron has heard one (async mode). */
  public record News() implements Command, BinaryMessage {
    public static final News INSTANCE = new News();
  }

  /**
   * Exclusive mode: stop becoming hungry (forks still move, nobody updates) and report the state to
   * a snapshot — once every neuron has frozen, the reported states are one state of the chain.
   */
  public record Freeze(ActorRef<Snapshot.Command> replyTo) implements Command, BinaryMessage {}

  /** Exclusive mode: updates may resume after a {@link Freeze}. */
  public record Thaw() implements Command, BinaryMessage {
    public static final Thaw INSTANCE = new Thaw();
  }

  /** Stop the clock (back to waiting for barrier steps). */
  public record Pause() implements Command, JsonMessage {}

  /** Change T (annealing in async mode). */
  public record SetTemperature(double temperature) implements Command, JsonMessage {}

  /** New incoming weights (order of the neighbour ids) and bias; the field is recomputed. */
  public record UpdateWeights(double[] weights, double bias) implements Command, JsonMessage {}

  /** Close the local accumulators of a phase. */
  public record EndPhase(Phase phase) implements Command, JsonMessage {}

  /** Apply the learning rule to the own incoming weights and bias from the closed phases. */
  public record Learn(LearningRule rule) implements Command, JsonMessage {}

  /** Report weights and bias as {@link Network.Row}. */
  public record GetParameters(ActorRef<Network.Command> replyTo) implements Command, JsonMessage {}

  /** Fault injection: throw on the next update (tests). */
  public record FailNext() implements Command, JsonMessage {}

  /** Thrown by an injected fault. */
  public static final class InjectedFailure extends RuntimeException {
    InjectedFailure(int id) {
      super("injected failure in neuron " + id);
    }
  }

  /**
   * What a neuron is, split by concern. Built once by {@link #create} outside the restartable
   * behaviour, so that a supervised restart rebuilds the behaviour around it. Owned by one actor
   * only. The behaviour keeps direct references to the parts it uses on every message ({@link
   * Unit}, {@link Links}, {@link Clock}), so splitting costs no extra pointer hop on the hot path;
   * the cold parts ({@link Accumulators}, {@link Replay}) exist only once they are needed.
   */
  static final class Cell {
    final Unit unit;
    final Links links;
    final Clock clock;
    /** Local learning's accumulators, created at the first {@link Measure} or {@link Learn}. */
    Accumulators accumulators;
    /** An injected fault and the message to replay after it, created at the first {@link FailNext}. */
    Replay replay;
    /** Exclusive mode's forks, created when exclusive mode first starts. */
    Forks forks;
    /** Where the forks start ({@link Precedence}); null: by id alone. */
    Precedence precedence;

    Cell(NeuronSpec spec) {
      unit = new Unit(spec);
      links = new Links(spec.id(), spec.neighbours().length);
      clock = new Clock(unit.random.split());
    }
  }

  /**
   * The committed state: s_i, b_i, the incoming weights and the view of the neighbours' states,
   * the field h_i = Σ_j w_ij s_j + b_i kept current from them, T, the clamp, the generator of the
   * Glauber draws, and the counts of updates.
   */
  static final class Unit {
    final int id;
    final Units units;
    final int[] neighbourIds;
    final boolean hidden;
    final SplittableRandom random;
    final double[] weights;
    final double[] neighbourStates;
    double bias;
    double state;
    double field;
    double temperature = 1;
    boolean clamped;
    /** Updates done; "informed" ones are the first after hearing at least one change. */
    long updates;
    long informed;
    boolean heard = true;

    Unit(NeuronSpec spec) {
      id = spec.id();
      units = spec.units();
      neighbourIds = spec.neighbours().clone();
      hidden = spec.hidden();
      random = spec.random();
      weights = spec.weights().clone();
      neighbourStates = spec.neighbourStates().clone();
      bias = spec.bias();
      state = spec.state();
      field = spec.field();
    }

    /** Index k of neighbour j in the neighbour arrays. */
    int indexOf(int j) {
      return Arrays.binarySearch(neighbourIds, j);
    }

    /** s_j changed by delta: h_i += w_ij·delta. */
    void neighbourChanged(int k, double delta) {
      field += weights[k] * delta;
      neighbourStates[k] += delta;
      heard = true;
    }

    /**
     * One Glauber draw at temperature T from the current field, counted — as informed if a change
     * was heard since the previous draw.
     */
    double draw(double t) {
      updates++;
      if (heard) {
        informed++;
        heard = false;
      }
      return Glauber.update(units, field, t, random.nextDouble());
    }

    void recomputeField() {
      double h = bias;
      for (int k = 0; k < weights.length; k++) h += weights[k] * neighbourStates[k];
      field = h;
    }
  }

  /**
   * Flow control: the neighbours' refs and the coordinator; acks awaited by a barrier step; and in
   * async mode the credit window per neighbour (changes in flight, changes held back, changes
   * received since the last credit), the delivery delay, the preallocated outgoing messages and
   * the count of messages sent.
   */
  static final class Links {
    ActorRef<Command>[] neighbours;
    ActorRef<Network.Command> coordinator;
    int pendingAcks;
    final int[] uncredited;
    final double[] unsent;
    final int[] received;
    final Credit credit;
    /** This neuron's state changes as sent: (delta &gt; 0, delta &lt; 0) × (no ack, ack). */
    private final StateChanged[] changes = new StateChanged[4];
    private final int id;
    /** Mean delay of a message (ns), its distribution, and with per-edge delays the delay of each synapse. */
    long delayNanos;
    Timing timing = Timing.DEFAULT;
    long[] edgeDelayNanos;
    long sent;
    /**
     * Neighbours' messages that arrived before {@link Wire} (null: none) — state changes, forks and
     * fork requests: on a cluster a neighbour's message can overtake the coordinator's wiring, which
     * comes from another member; they are handled, in order, when the wiring arrives, since their
     * ack, credit or fork needs the neighbour's ref, and a fork request needs the
     * {@link Precedence} (which the coordinator sends before the wiring, on the same link). Acks and
     * credits cannot come early: each answers a message this neuron sent, wired.
     */
    List<Command> early;

    Links(int id, int degree) {
      this.id = id;
      uncredited = new int[degree];
      unsent = new double[degree];
      received = new int[degree];
      credit = new Credit(id, CREDIT_BATCH);
    }

    /**
     * The message "s_i changed by delta": records are immutable, so each of the few a neuron sends
     * (±(high − low), with or without ack) is made once and sent again and again — a waiting message
     * is then nothing the young generation has to copy (see {@code RingMailbox}).
     */
    StateChanged change(double delta, boolean ack) {
      int k = (delta > 0 ? 0 : 1) + (ack ? 2 : 0);
      StateChanged m = changes[k];
      if (m == null || m.delta() != delta) changes[k] = m = new StateChanged(id, delta, ack);
      return m;
    }
  }

  /**
   * The clock of async and exclusive modes: whether it runs, its epoch and tick, its mean interval,
   * its generator (also of the message delays), and whether a news-driven update is already queued.
   */
  static final class Clock {
    final SplittableRandom random;
    boolean running;
    int epoch;
    Tick tick;
    long meanIntervalNanos;
    boolean newsQueued;

    Clock(SplittableRandom random) {
      this.random = random;
    }
  }

  /**
   * Exclusive mode (Chandy and Misra 1984, "The drinking philosophers problem", ACM TOPLAS 6(4)):
   * per edge k whether this neuron holds the fork, whether the fork is dirty (used since it
   * arrived), whether it holds the edge's request token; how many forks are missing; whether the
   * neuron is hungry (wants to update) or frozen (a snapshot is being taken). Initially the fork of
   * edge {i, j} is at the end that comes first in the order (colour, id) of {@link Precedence} (by
   * id alone without one), dirty, and the request token at the other: the precedence graph is then
   * ordered, hence acyclic, which is what makes the algorithm free of deadlock.
   */
  static final class Forks {
    final boolean[] held;
    final boolean[] dirty;
    final boolean[] request;
    int missing;
    boolean hungry;
    boolean frozen;

    Forks(int id, int[] neighbourIds, Precedence p) {
      int d = neighbourIds.length;
      held = new boolean[d];
      dirty = new boolean[d];
      request = new boolean[d];
      for (int k = 0; k < d; k++) {
        int mine = p == null ? 0 : p.colour();
        int theirs = p == null ? 0 : p.neighbourColours()[k];
        held[k] = mine != theirs ? mine < theirs : id < neighbourIds[k];
        dirty[k] = true;
        request[k] = !held[k];
        if (!held[k]) missing++;
      }
    }

    /**
     * Becomes hungry. True when every fork is here (the philosopher may eat now, unless frozen);
     * otherwise hands the request token of every missing fork it holds to {@code ask} (the edge
     * index), once per token. Neuron and patch actors share this step of the hygienic algorithm.
     */
    boolean becomeHungry(java.util.function.IntConsumer ask) {
      hungry = true;
      if (missing == 0) return true;
      for (int k = 0; k < held.length; k++) {
        if (!held[k] && request[k]) {
          request[k] = false;
          ask.accept(k);
        }
      }
      return false;
    }
  }

  /** Local learning: s_i and s_i s_j summed over the measured states, the closed phases, the own learner. */
  static final class Accumulators {
    double sumState;
    final double[] sumPair;
    long measured;
    Statistics clampedStats;
    Statistics freeStats;
    Learner learner;

    Accumulators(int degree) {
      sumPair = new double[degree];
    }
  }

  /** Fault injection: whether the next update throws, and the message a restart re-delivers. */
  static final class Replay {
    boolean failNext;
    Command message;
  }

  private final ActorContext<Command> context;
  private final Cell cell;
  private final Unit unit;
  /** Sends this neuron's fork request along edge k (exclusive mode). */
  private final java.util.function.IntConsumer askForFork;
  private final Links links;
  private final Clock clock;
  private final Behavior<Command> idle = new Idle();
  private final Behavior<Command> awaitingAcks = new AwaitingAcks();
  private final Behavior<Command> running = new Running();
  /** The pending clock tick of a clocked neuron (mean interval &gt; 0), cancelled on {@link Pause}. */
  private Cancellable pendingTick;

  /**
   * A supervised neuron: restarted on failure with its state restored from its cell.
   *
   * <p>No {@code Behaviors.withTimers}: the Poisson clock is a plain {@code scheduleOnce} whose
   * ticks carry the clock's epoch, so a tick from before a restart or a pause is recognised as
   * stale and ignored — what the timer scheduler's cancellation gave, without an interceptor that
   * every message of every neuron would pass through.
   */
  public static Behavior<Command> create(NeuronSpec spec) {
    Cell cell = new Cell(spec);
    return Behaviors.supervise(Behaviors.<Command>setup(ctx -> new Neuron(ctx, cell).resume()))
        .onFailure(RuntimeException.class, SupervisorStrategy.restart());
  }

  private Neuron(ActorContext<Command> context, Cell cell) {
    this.context = context;
    this.cell = cell;
    this.unit = cell.unit;
    this.links = cell.links;
    this.clock = cell.clock;
    ForkRequest request = new ForkRequest(unit.id);
    this.askForFork = k -> post(k, request);
  }

  /**
   * The behaviours are three small {@link ExtensibleBehavior}s that dispatch with
   * {@code instanceof}, hot messages first, instead of {@code Behaviors.receive} builders: a
   * builder makes a case object and a lambda per message type, per behaviour, per actor — most of
   * a neuron's memory — and a message walks a linked list of cases, each a pointer hop that misses
   * the cache once there are more neurons than the caches hold (docs/ACTORS.md). Here a neuron is
   * its actor cell, this object, its {@link Cell}'s parts and their arrays.
   */
  private abstract class Handler extends ExtensibleBehavior<Command> {
    @Override
    public Behavior<Command> receiveSignal(TypedActorContext<Command> ctx, Signal signal) {
      return Behaviors.unhandled();
    }
  }

  /** Waiting for a barrier step, a clamp or a start signal. */
  private final class Idle extends Handler {
    @Override
    public Behavior<Command> receive(TypedActorContext<Command> ctx, Command m) {
      if (m instanceof Update u) return onUpdate(u);
      if (m instanceof StateChanged c) return onStateChanged(c);
      if (m instanceof Clamp c) return onClamp(c);
      if (m instanceof StartAsync s) return onStart(s);
      if (m instanceof Pause || m instanceof Tick) return Behaviors.same();
      return common(m);
    }
  }

  /** A change was sent with acks requested; the barrier reply waits for all of them. */
  private final class AwaitingAcks extends Handler {
    @Override
    public Behavior<Command> receive(TypedActorContext<Command> ctx, Command m) {
      if (m instanceof Ack) return onAck();
      if (m instanceof StateChanged c) return onStateChanged(c);
      return common(m);
    }
  }

  /** Updating on the own Poisson clock. */
  private final class Running extends Handler {
    @Override
    public Behavior<Command> receive(TypedActorContext<Command> ctx, Command m) {
      if (m instanceof Fork f) return onFork(f);
      if (m instanceof ForkRequest r) return onForkRequest(r);
      if (m instanceof Tick t) return onTick(t);
      if (m instanceof StateChanged c) return onStateChanged(c);
      if (m instanceof Credit c) return onCredit(c);
      if (m instanceof News) return onNews();
      if (m instanceof Pause p) return onPause(p);
      return common(m);
    }
  }

  /** The behaviour after (re)start: the one the committed state calls for, replaying a failed message. */
  private Behavior<Command> resume() {
    if (cell.replay != null && cell.replay.message != null) {
      context.getSelf().tell(cell.replay.message);
      cell.replay.message = null;
    }
    if (clock.running) {
      startClock();
      return running;
    }
    return links.pendingAcks > 0 ? awaitingAcks : idle;
  }

  /** What every behaviour understands. */
  private Behavior<Command> common(Command m) {
    if (m instanceof StateChanged c) return onStateChanged(c);
    if (m instanceof Credit c) return onCredit(c);
    if (m instanceof GetState g) return onGetState(g);
    if (m instanceof Fork f) return onFork(f);
    if (m instanceof ForkRequest r) return onForkRequest(r);
    if (m instanceof Freeze f) return onFreeze(f);
    if (m instanceof Thaw) return onThaw();
    if (m instanceof News) return Behaviors.same();
    if (m instanceof Measure) return onMeasure();
    if (m instanceof Wire w) return onWire(w);
    if (m instanceof SetDelays d) { setDelays(d.delayNanos(), d.timing()); return Behaviors.same(); }
    if (m instanceof Precedence p) return onPrecedence(p);
    if (m instanceof Release) { unit.clamped = false; return Behaviors.same(); }
    if (m instanceof SetTemperature t) { unit.temperature = t.temperature(); return Behaviors.same(); }
    if (m instanceof UpdateWeights u) return onUpdateWeights(u);
    if (m instanceof EndPhase e) return onEndPhase(e);
    if (m instanceof Learn l) return onLearn(l);
    if (m instanceof GetParameters g) return onGetParameters(g);
    if (m instanceof FailNext) return onFailNext();
    return Behaviors.unhandled();
  }

  @SuppressWarnings("unchecked")
  private Behavior<Command> onWire(Wire m) {
    if (m.neighbours().size() != unit.neighbourIds.length) {
      throw new IllegalArgumentException("neuron " + unit.id + " wired to " + m.neighbours().size()
          + " refs (expected " + unit.neighbourIds.length + ")");
    }
    links.neighbours = m.neighbours().toArray(new ActorRef[0]);
    links.coordinator = m.coordinator();
    if (links.early != null) {
      List<Command> early = links.early;
      links.early = null;
      for (Command c : early) {
        if (c instanceof StateChanged x) onStateChanged(x);
        else if (c instanceof Fork x) onFork(x);
        else onForkRequest((ForkRequest) c);
      }
    }
    return Behaviors.same();
  }

  private Behavior<Command> onPrecedence(Precedence p) {
    if (p.neighbourColours().length != unit.neighbourIds.length) {
      throw new IllegalArgumentException("neuron " + unit.id + " got " + p.neighbourColours().length + " neighbour colours (expected "
          + unit.neighbourIds.length + ")");
    }
    if (cell.forks == null) cell.precedence = p; // forks that already moved stay where they are
    return Behaviors.same();
  }

  // ---------------------------------------------------------------- hot path

  private Behavior<Command> onStateChanged(StateChanged m) {
    if (links.neighbours == null) return early(m);
    int k = unit.indexOf(m.from());
    unit.neighbourChanged(k, m.delta());
    if (links.timing.eventDriven() && clock.running && !clock.newsQueued) {
      clock.newsQueued = true;
      context.getSelf().tell(News.INSTANCE);
    }
    if (m.ack()) {
      if (links.delayNanos == 0) links.neighbours[k].tell(Ack.INSTANCE);
      else context.scheduleOnce(Duration.ofNanos(delayNanos(k)), links.neighbours[k], Ack.INSTANCE);
    } else if (++links.received[k] == CREDIT_BATCH) {
      links.received[k] = 0;
      links.neighbours[k].tell(links.credit);
      links.sent++;
    }
    return Behaviors.same();
  }

  /** A neighbour's message before the wiring: kept for {@link #onWire} (cluster members deliver in no common order). */
  private Behavior<Command> early(Command m) {
    if (links.early == null) links.early = new ArrayList<>();
    links.early.add(m);
    return Behaviors.same();
  }

  private Behavior<Command> onCredit(Credit m) {
    int k = unit.indexOf(m.from());
    links.uncredited[k] -= m.count();
    if (links.unsent[k] != 0 && links.uncredited[k] < WINDOW) {
      deliver(k, links.unsent[k]);
      links.unsent[k] = 0;
    }
    return Behaviors.same();
  }

  private Behavior<Command> onTick(Tick m) {
    if (m.epoch() != clock.epoch) return Behaviors.same();
    failIfAsked(m);
    if (cell.forks != null) return onExclusiveTick();
    asyncUpdate();
    scheduleTick();
    return Behaviors.same();
  }

  /** An async update: a draw from whatever the neuron has heard, sent on if the state changed. */
  private void asyncUpdate() {
    if (unit.clamped) return;
    double next = unit.draw(unit.temperature);
    if (next != unit.state) tellAsync(next);
  }

  /**
   * Event-driven async update: the neuron has heard a change since its last update. An update like
   * a tick's, without re-arming the clock (which keeps running in the background).
   */
  private Behavior<Command> onNews() {
    if (cell.forks != null) {
      if (!cell.forks.hungry && !unit.clamped) becomeHungry();
      return Behaviors.same();
    }
    clock.newsQueued = false;
    asyncUpdate();
    return Behaviors.same();
  }

  /**
   * Unclocked (mean interval 0): a self-message, behind whatever the mailbox already holds; clocked:
   * the next tick after a waiting time drawn from the clock's distribution ({@link Timing}).
   */
  private void scheduleTick() {
    if (clock.meanIntervalNanos == 0) {
      context.getSelf().tell(clock.tick);
    } else {
      long wait = links.timing.drawIntervalNanos(clock.meanIntervalNanos, clock.random);
      pendingTick = context.scheduleOnce(Duration.ofNanos(wait), context.getSelf(), clock.tick);
    }
  }

  /**
   * Commits a new state and tells the neighbours without acks, after the configured delay — under
   * credit-based flow control: a neighbour that already has {@link #WINDOW} uncredited changes in
   * flight gets nothing now; the changes it misses are summed and sent as one net change when its
   * credit returns (a flip and a flip back cancel and cost nothing). Without this, neurons whose
   * mailboxes happen to be short update every turn and flood their neighbours (each update sends
   * 4p messages on a lattice, each receiver reads a bounded number per turn): the mailboxes of one
   * sublattice would grow without bound. With it, at most 4·WINDOW changes wait in any mailbox.
   */
  private void tellAsync(double next) {
    double delta = next - unit.state;
    unit.state = next;
    double[] unsent = links.unsent;
    int[] uncredited = links.uncredited;
    StateChanged msg = links.change(delta, false);
    for (int k = 0; k < unsent.length; k++) {
      if (unsent[k] != 0 || uncredited[k] >= WINDOW) unsent[k] += delta;
      else send(k, msg);
    }
  }

  private void deliver(int k, double delta) {
    send(k, links.change(delta, false));
  }

  private void send(int k, StateChanged msg) {
    links.uncredited[k]++;
    post(k, msg);
  }

  /** Sends {@code msg} to neighbour k after the delay of this synapse or message ({@link Timing}). */
  private void post(int k, Command msg) {
    links.sent++;
    long d = delayNanos(k);
    if (d == 0) links.neighbours[k].tell(msg);
    else context.scheduleOnce(Duration.ofNanos(d), links.neighbours[k], msg);
  }

  /** The delay (ns) of the next message to neighbour k: its synapse's, or one drawn for this message ({@link Timing}). */
  private long delayNanos(int k) {
    return links.edgeDelayNanos != null ? links.edgeDelayNanos[k] : links.timing.drawDelayNanos(links.delayNanos, clock.random);
  }

  /**
   * The delay model of every mode: mean delay and shape; with per-edge delays, an axonal delay per
   * synapse drawn once for the neuron's life (a later call keeps them).
   */
  private void setDelays(long delayNanos, Timing timing) {
    links.delayNanos = delayNanos;
    links.timing = timing;
    if (timing.perEdge() && links.edgeDelayNanos == null) {
      links.edgeDelayNanos = new long[unit.neighbourIds.length];
      for (int k = 0; k < links.edgeDelayNanos.length; k++) links.edgeDelayNanos[k] = timing.drawDelayNanos(delayNanos, clock.random);
    }
  }

  // ---------------------------------------------------------------- barrier steps (exact mode)

  private Behavior<Command> onUpdate(Update m) {
    failIfAsked(m);
    if (!unit.clamped) {
      double next = unit.draw(m.temperature());
      if (next != unit.state) return changeTo(next);
    }
    links.coordinator.tell(new Network.Done(unit.id, unit.state));
    return Behaviors.same();
  }

  private Behavior<Command> onClamp(Clamp m) {
    unit.clamped = true;
    if (m.value() != unit.state) return changeTo(m.value());
    links.coordinator.tell(new Network.Done(unit.id, unit.state));
    return Behaviors.same();
  }

  /** Commits a new state and tells the neighbours, asking for acks (barrier modes). */
  private Behavior<Command> changeTo(double next) {
    double delta = next - unit.state;
    unit.state = next;
    if (links.neighbours.length == 0) {
      links.coordinator.tell(new Network.Done(unit.id, unit.state));
      return Behaviors.same();
    }
    StateChanged msg = links.change(delta, true);
    if (links.delayNanos == 0) {
      for (ActorRef<Command> n : links.neighbours) n.tell(msg);
      links.sent += links.neighbours.length;
    } else {
      for (int k = 0; k < links.neighbours.length; k++) post(k, msg);
    }
    links.pendingAcks = links.neighbours.length;
    return awaitingAcks;
  }

  private Behavior<Command> onAck() {
    if (--links.pendingAcks > 0) return Behaviors.same();
    links.coordinator.tell(new Network.Done(unit.id, unit.state));
    return idle;
  }

  // ---------------------------------------------------------------- the clock (async mode)

  private Behavior<Command> onStart(StartAsync m) {
    unit.temperature = m.temperature();
    clock.meanIntervalNanos = m.meanIntervalNanos();
    setDelays(m.delayNanos(), m.timing());
    clock.running = true;
    if (m.exclusive()) {
      forks().frozen = false;
      // hungry from before a pause, with every fork: the postponed update
      if (cell.forks.hungry && cell.forks.missing == 0) eat();
    }
    startClock();
    return running;
  }

  private void startClock() {
    clock.epoch++;
    clock.tick = new Tick(clock.epoch);
    scheduleTick();
  }

  /** Stops the clock, first sending every held-back change so the neighbours' views converge. */
  private Behavior<Command> onPause(Pause m) {
    for (int k = 0; k < links.unsent.length; k++) {
      if (links.unsent[k] != 0) {
        deliver(k, links.unsent[k]);
        links.unsent[k] = 0;
      }
    }
    clock.running = false;
    clock.epoch++;
    clock.newsQueued = false;
    if (pendingTick != null) pendingTick.cancel();
    pendingTick = null;
    // exclusive mode: stay hungry, but do not update until the clocks start again (as frozen)
    if (cell.forks != null) cell.forks.frozen = true;
    return idle;
  }

  // ---------------------------------------------------------------- exclusive mode: forks

  /*
   * Why exclusive mode samples the Boltzmann distribution exactly, at any delay and any clock.
   *
   * 1. Exclusion and freshness. A neuron updates (eats) only while it holds the forks of all its
   *    edges. The fork of edge {i, j} is a single token, so i and j never update at once; and j
   *    cannot update while i holds the fork, so the state s_j that the fork carried to i is still
   *    s_j when i updates. Every update is therefore a heat-bath (Glauber) step at one site from the
   *    current joint state, and the updates are totally ordered along every edge: the run is a
   *    sequence of single-site heat-bath steps (updates of non-neighbours commute).
   *
   * 2. The order does not depend on the states. When a neuron becomes hungry depends only on its
   *    clock (a generator of its own, never fed with states) and on when its forks arrive; what it
   *    sends (requests, forks) and when is the same whatever the states and whatever the draw
   *    gives — a fork always carries a state, changed or not, and no message is sent because a
   *    state changed. The Glauber draw uses the unit's own generator, separate from the clock's.
   *    So the sequence of updated sites (i_1, i_2, …) is independent of the chain's values.
   *
   * 3. Invariance. Each heat-bath kernel P_i leaves the Boltzmann distribution π invariant
   *    (πP_i = π). Conditionally on the site sequence, the chain after t updates has the law
   *    μ P_{i_1} … P_{i_t}; with μ = π this is π for every sequence, and averaging over sequences
   *    (independent of the chain, by 2) keeps π. Snapshots freeze the network at times that depend
   *    only on the wall clock and on the count of updates (Network takes a sample only once enough
   *    updates were made since the previous one), both independent of the values, so they read π too. Fairness of the hygienic algorithm (every hungry
   *    neuron eventually eats) makes every site update infinitely often, so the chain also mixes
   *    (the systematic or random scan argument, Liu 2001 ch. 6).
   *
   * What breaks 2 breaks the proof: if a change of state sends a message that makes a neighbour
   * update sooner (Timing.eventDriven), states that provoke updates are left faster, and time
   * averages (and snapshots) over-weight the others; if a change makes the unit draw again at once
   * (Timing.redrawWhileChanging), the site sequence depends on the draws themselves.
   * ExclusiveModeSamplingTest shows χ² rejecting the latter.
   */

  /** A clock tick in exclusive mode: become hungry unless already hungry or clamped. */
  private Behavior<Command> onExclusiveTick() {
    Forks f = cell.forks;
    if (!f.hungry && !unit.clamped) becomeHungry();
    else if (f.hungry && f.missing == 0 && !f.frozen && clock.meanIntervalNanos == 0) eat(); // hungry again at once, nobody asked
    // clocked neurons keep ticking; an unclocked one is re-armed by its next update
    if (clock.meanIntervalNanos != 0) scheduleTick();
    return Behaviors.same();
  }

  /**
   * Asks for every missing fork whose request token this neuron holds; eats at once if nothing is
   * missing (unless frozen: then at the thaw).
   */
  private void becomeHungry() {
    if (cell.forks.becomeHungry(askForFork) && !cell.forks.frozen) eat();
  }

  /**
   * The update, holding every fork: one Glauber draw from fresh states (none for a clamped unit);
   * then every fork is dirty — the neuron gives up its precedence on all its edges, which keeps the
   * precedence graph acyclic — and the requested ones leave.
   */
  private void eat() {
    Forks f = cell.forks;
    boolean changed = false;
    if (!unit.clamped) {
      double next = unit.draw(unit.temperature);
      changed = next != unit.state;
      // the deliberately state-dependent variant (Timing.redrawWhileChanging, a test of the tests)
      while (links.timing.redrawWhileChanging() && next != unit.state) {
        unit.state = next;
        next = unit.draw(unit.temperature);
      }
      unit.state = next;
    }
    f.hungry = false;
    Arrays.fill(f.dirty, true);
    // unclocked: hungry again at once, before the forks leave, so that each request rides with its fork
    boolean again = clock.meanIntervalNanos == 0 && clock.running && !unit.clamped;
    if (again) f.hungry = true;
    yieldRequested();
    if (changed && links.timing.eventDriven()) {
      // the deliberately state-dependent variant: a change wakes the neighbours (biased; see above)
      for (int k = 0; k < f.held.length; k++) post(k, News.INSTANCE);
    }
    // nobody asked: eat again, but in a later turn (the tick comes once per turn: RingMailbox)
    if (again && f.missing == 0) context.getSelf().tell(clock.tick);
    else if (clock.meanIntervalNanos == 0 && clock.running && !again) context.getSelf().tell(clock.tick);
  }

  /** Hands over every fork that is requested and may go: dirty ones, or any while not hungry. */
  private void yieldRequested() {
    Forks f = cell.forks;
    for (int k = 0; k < f.held.length; k++) {
      if (f.held[k] && f.request[k] && (f.dirty[k] || !f.hungry)) yieldFork(k);
    }
  }

  /** Sends the fork of edge k, with this neuron's state; a hungry neuron asks for it back at once. */
  private void yieldFork(int k) {
    Forks f = cell.forks;
    f.held[k] = false;
    f.dirty[k] = false;
    f.missing++;
    if (f.hungry) f.request[k] = false; // the token goes with the fork: hungry, the neuron wants it back
    post(k, new Fork(unit.id, unit.state, f.hungry));
  }

  /**
   * The forks, created at the first fork message or start of exclusive mode, whichever comes first:
   * a neighbour that started earlier may ask for a fork before this neuron's own start arrives
   * (the broadcast reaches the neurons one after another), and its request must not be lost.
   */
  private Forks forks() {
    if (cell.forks == null) cell.forks = new Forks(unit.id, unit.neighbourIds, cell.precedence);
    return cell.forks;
  }

  private Behavior<Command> onForkRequest(ForkRequest m) {
    if (links.neighbours == null) return early(m);
    Forks f = forks();
    int k = unit.indexOf(m.from());
    f.request[k] = true;
    if (f.held[k] && (f.dirty[k] || !f.hungry)) yieldFork(k);
    return Behaviors.same();
  }

  private Behavior<Command> onFork(Fork m) {
    if (links.neighbours == null) return early(m);
    Forks f = forks();
    int k = unit.indexOf(m.from());
    f.held[k] = true;
    f.dirty[k] = false;
    f.missing--;
    if (m.request()) f.request[k] = true;
    double delta = m.state() - unit.neighbourStates[k];
    if (delta != 0) unit.neighbourChanged(k, delta);
    if (f.hungry) {
      if (f.missing == 0 && !f.frozen) eat();
    } else if (f.request[k]) {
      yieldFork(k);
    }
    return Behaviors.same();
  }

  /**
   * Postpones every update until {@link Thaw} and reports the state. Everything else goes on: the
   * neuron may become hungry, ask for forks and hand dirty ones over, exactly as the hygienic
   * algorithm says — a frozen neuron is a hungry philosopher who has not sat down yet. (Giving up
   * hunger instead, while holding clean forks, would hand precedence over without eating and could
   * close a cycle of precedence: a deadlock, which we saw.)
   */
  private Behavior<Command> onFreeze(Freeze m) {
    if (cell.forks != null) cell.forks.frozen = true;
    m.replyTo().tell(new Snapshot.Reported(unit.id, unit.state, unit.updates, unit.informed, links.sent));
    return Behaviors.same();
  }

  /** The postponed update, if the neuron is hungry and holds every fork. */
  private Behavior<Command> onThaw() {
    Forks f = cell.forks;
    if (f == null || !f.frozen) return Behaviors.same();
    f.frozen = false;
    if (clock.running && f.hungry && f.missing == 0) eat();
    return Behaviors.same();
  }

  private Behavior<Command> onGetState(GetState m) {
    m.replyTo().tell(new Snapshot.Reported(unit.id, unit.state, unit.updates, unit.informed, links.sent));
    return Behaviors.same();
  }

  // ---------------------------------------------------------------- parameters and local learning

  private Behavior<Command> onUpdateWeights(UpdateWeights m) {
    if (m.weights().length != unit.weights.length) {
      throw new IllegalArgumentException("neuron " + unit.id + " got " + m.weights().length + " weights (expected " + unit.weights.length + ")");
    }
    System.arraycopy(m.weights(), 0, unit.weights, 0, unit.weights.length);
    unit.bias = m.bias();
    unit.recomputeField();
    return Behaviors.same();
  }

  private Accumulators accumulators() {
    if (cell.accumulators == null) cell.accumulators = new Accumulators(unit.weights.length);
    return cell.accumulators;
  }

  private Behavior<Command> onMeasure() {
    Accumulators a = accumulators();
    double s = unit.state;
    a.sumState += s;
    for (int k = 0; k < a.sumPair.length; k++) a.sumPair[k] += s * unit.neighbourStates[k];
    a.measured++;
    return Behaviors.same();
  }

  private Behavior<Command> onEndPhase(EndPhase m) {
    Accumulators a = accumulators();
    if (a.measured == 0) throw new IllegalStateException("neuron " + unit.id + ": phase " + m.phase() + " ended with no measurement");
    double[] pairs = new double[a.sumPair.length];
    for (int k = 0; k < pairs.length; k++) pairs[k] = a.sumPair[k] / a.measured;
    Statistics stats = new Statistics(new double[] {a.sumState / a.measured}, pairs, a.measured, m.phase());
    if (m.phase() == Phase.CLAMPED) a.clampedStats = stats;
    else a.freeStats = stats;
    a.sumState = 0;
    Arrays.fill(a.sumPair, 0);
    a.measured = 0;
    return Behaviors.same();
  }

  private Behavior<Command> onLearn(Learn m) {
    Accumulators a = accumulators();
    if (a.clampedStats == null || a.freeStats == null) {
      throw new IllegalStateException("neuron " + unit.id + ": learn without both a clamped and a free phase");
    }
    if (a.learner == null) a.learner = new Learner(m.rule(), unit.weights.length, 1, 0, unit.hidden ? 1 : 0);
    else a.learner.setRule(m.rule());
    double[] b = {unit.bias};
    a.learner.apply(a.clampedStats, a.freeStats, unit.weights, b);
    unit.bias = b[0];
    unit.recomputeField();
    a.clampedStats = null;
    a.freeStats = null;
    return Behaviors.same();
  }

  private Behavior<Command> onGetParameters(GetParameters m) {
    m.replyTo().tell(new Network.Row(unit.id, unit.weights.clone(), unit.bias));
    return Behaviors.same();
  }

  // ---------------------------------------------------------------- faults

  private Behavior<Command> onFailNext() {
    if (cell.replay == null) cell.replay = new Replay();
    cell.replay.failNext = true;
    return Behaviors.same();
  }

  /** Throws before anything is committed, keeping the message for the restarted behaviour to replay. */
  private void failIfAsked(Command m) {
    Replay r = cell.replay;
    if (r != null && r.failNext) {
      r.failNext = false;
      r.message = m;
      throw new InjectedFailure(unit.id);
    }
  }
}
