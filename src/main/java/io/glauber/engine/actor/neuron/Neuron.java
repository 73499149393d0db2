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
import io.glauber.learn.Learner;
import io.glauber.learn.LearningRule;
import io.glauber.model.Phase;
import io.glauber.model.Statistics;
import io.glauber.model.Glauber;
import io.glauber.model.Units;
import java.time.Duration;
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
 * <p>Three behaviours: {@link #idle()} waits for a barrier step ({@link Update}, exact mode) or a
 * start signal; {@link #awaitingAcks()} holds the barrier until every neighbour has received the
 * change (each receiver acks, so the coordinator's {@link Network.Done} implies delivery, also
 * across machines); {@link #running()} updates on a Poisson clock ({@link StartAsync}).
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
 * restartable part, so a restart (the behaviour is supervised with
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
  public record Tick(int epoch) implements Command, BinaryMessage {}

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

  /** Start updating on a Poisson clock (mean interval, 0 = as fast as possible) with delivery delay. */
  public record StartAsync(double temperature, long meanIntervalNanos, long delayNanos) implements Command, JsonMessage {}

  /** Stop the clock (back to {@link #idle()}). */
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
   * The neuron's committed state. Owned by one actor only; it outlives restarts of the behaviour so
   * that a supervised restart restores weights, bias, state and field.
   */
  static final class Cell {
    final int id;
    final Units units;
    final int[] neighbourIds;
    final boolean hidden;
    final SplittableRandom random;
    final SplittableRandom clock;
    final double[] weights;
    final double[] neighbourStates;
    double bias;
    double state;
    double field;
    double temperature = 1;
    boolean clamped;
    ActorRef<Command>[] neighbours;
    ActorRef<Network.Command> coordinator;
    int pendingAcks;
    boolean running;
    int epoch;
    Tick tick;
    // async flow control, per neighbour
    final int[] uncredited;
    final double[] unsent;
    final int[] received;
    final Credit credit;
    /** This neuron's state changes as sent: (delta &gt; 0, delta &lt; 0) × (no ack, ack). */
    final StateChanged[] changes = new StateChanged[4];
    long meanIntervalNanos;
    Duration delay = Duration.ZERO;
    long updates;
    long informed;
    boolean heard = true;
    long sent;
    // local learning
    double sumState;
    final double[] sumPair;
    long measured;
    Statistics clampedStats;
    Statistics freeStats;
    Learner learner;
    // faults
    boolean failNext;
    Command replay;

    Cell(NeuronSpec spec) {
      id = spec.id();
      units = spec.units();
      neighbourIds = spec.neighbours().clone();
      hidden = spec.hidden();
      random = spec.random();
      clock = random.split();
      weights = spec.weights().clone();
      neighbourStates = spec.neighbourStates().clone();
      bias = spec.bias();
      state = spec.state();
      field = spec.field();
      sumPair = new double[neighbourIds.length];
      uncredited = new int[neighbourIds.length];
      unsent = new double[neighbourIds.length];
      received = new int[neighbourIds.length];
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

    void recomputeField() {
      double h = bias;
      for (int k = 0; k < weights.length; k++) h += weights[k] * neighbourStates[k];
      field = h;
    }
  }

  private final ActorContext<Command> context;
  private final Cell cell;
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
  }

  /**
   * The behaviours are three small {@link ExtensibleBehavior}s that dispatch with
   * {@code instanceof}, hot messages first, instead of {@code Behaviors.receive} builders: a
   * builder makes a case object and a lambda per message type, per behaviour, per actor — about
   * 2.5 KB of every neuron's 4.7 KB — and a message walks a linked list of cases, each a pointer
   * hop that misses the cache once there are more neurons than the caches hold. Here a neuron is
   * its actor cell, this object, its {@link Cell} and the cell's arrays.
   */
  private abstract class Handler extends ExtensibleBehavior<Command> {
    @Override
    public Behavior<Command> receiveSignal(TypedActorContext<Command> ctx, Signal signal) {
      return Behaviors.unhandled();
    }
  }

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

  private final class AwaitingAcks extends Handler {
    @Override
    public Behavior<Command> receive(TypedActorContext<Command> ctx, Command m) {
      if (m instanceof Ack) return onAck();
      if (m instanceof StateChanged c) return onStateChanged(c);
      return common(m);
    }
  }

  private final class Running extends Handler {
    @Override
    public Behavior<Command> receive(TypedActorContext<Command> ctx, Command m) {
      if (m instanceof Tick t) return onTick(t);
      if (m instanceof StateChanged c) return onStateChanged(c);
      if (m instanceof Credit c) return onCredit(c);
      if (m instanceof Pause p) return onPause(p);
      return common(m);
    }
  }

  /** The behaviour after (re)start: the one the committed state calls for, replaying a failed message. */
  private Behavior<Command> resume() {
    if (cell.replay != null) {
      context.getSelf().tell(cell.replay);
      cell.replay = null;
    }
    if (cell.running) {
      startClock();
      return running;
    }
    return cell.pendingAcks > 0 ? awaitingAcks : idle;
  }

  /** Waiting for a barrier step, a clamp or a start signal. */
  Behavior<Command> idle() {
    return idle;
  }

  /** A change was sent with acks requested; the barrier reply waits for all of them. */
  Behavior<Command> awaitingAcks() {
    return awaitingAcks;
  }

  /** Updating on the own Poisson clock. */
  Behavior<Command> running() {
    return running;
  }

  /** What every phase understands. */
  private Behavior<Command> common(Command m) {
    if (m instanceof StateChanged c) return onStateChanged(c);
    if (m instanceof Credit c) return onCredit(c);
    if (m instanceof GetState g) return onGetState(g);
    if (m instanceof Measure) return onMeasure();
    if (m instanceof Wire w) return onWire(w);
    if (m instanceof Release) { cell.clamped = false; return Behaviors.same(); }
    if (m instanceof SetTemperature t) { cell.temperature = t.temperature(); return Behaviors.same(); }
    if (m instanceof UpdateWeights u) return onUpdateWeights(u);
    if (m instanceof EndPhase e) return onEndPhase(e);
    if (m instanceof Learn l) return onLearn(l);
    if (m instanceof GetParameters g) return onGetParameters(g);
    if (m instanceof FailNext) { cell.failNext = true; return Behaviors.same(); }
    return Behaviors.unhandled();
  }

  @SuppressWarnings("unchecked")
  private Behavior<Command> onWire(Wire m) {
    if (m.neighbours().size() != cell.neighbourIds.length) {
      throw new IllegalArgumentException("neuron " + cell.id + " wired to " + m.neighbours().size()
          + " refs (expected " + cell.neighbourIds.length + ")");
    }
    cell.neighbours = m.neighbours().toArray(new ActorRef[0]);
    cell.coordinator = m.coordinator();
    return Behaviors.same();
  }

  private Behavior<Command> onStateChanged(StateChanged m) {
    int k = Arrays.binarySearch(cell.neighbourIds, m.from());
    cell.field += cell.weights[k] * m.delta();
    cell.neighbourStates[k] += m.delta();
    cell.heard = true;
    if (m.ack()) {
      cell.neighbours[k].tell(Ack.INSTANCE);
    } else if (++cell.received[k] == CREDIT_BATCH) {
      cell.received[k] = 0;
      cell.neighbours[k].tell(cell.credit);
      cell.sent++;
    }
    return Behaviors.same();
  }

  private Behavior<Command> onCredit(Credit m) {
    int k = Arrays.binarySearch(cell.neighbourIds, m.from());
    cell.uncredited[k] -= m.count();
    if (cell.unsent[k] != 0 && cell.uncredited[k] < WINDOW) {
      deliver(k, cell.unsent[k]);
      cell.unsent[k] = 0;
    }
    return Behaviors.same();
  }

  private Behavior<Command> onUpdate(Update m) {
    failIfAsked(m);
    if (!cell.clamped) {
      double next = Glauber.update(cell.units, cell.field, m.temperature(), cell.random.nextDouble());
      cell.updates++;
      if (next != cell.state) return changeTo(next);
    }
    cell.coordinator.tell(new Network.Done(cell.id, cell.state));
    return Behaviors.same();
  }

  private Behavior<Command> onClamp(Clamp m) {
    cell.clamped = true;
    if (m.value() != cell.state) return changeTo(m.value());
    cell.coordinator.tell(new Network.Done(cell.id, cell.state));
    return Behaviors.same();
  }

  /** Commits a new state and tells the neighbours, asking for acks (barrier modes). */
  private Behavior<Command> changeTo(double next) {
    double delta = next - cell.state;
    cell.state = next;
    if (cell.neighbours.length == 0) {
      cell.coordinator.tell(new Network.Done(cell.id, cell.state));
      return Behaviors.same();
    }
    StateChanged msg = cell.change(delta, true);
    for (ActorRef<Command> n : cell.neighbours) n.tell(msg);
    cell.sent += cell.neighbours.length;
    cell.pendingAcks = cell.neighbours.length;
    return awaitingAcks;
  }

  private Behavior<Command> onAck() {
    if (--cell.pendingAcks > 0) return Behaviors.same();
    cell.coordinator.tell(new Network.Done(cell.id, cell.state));
    return idle;
  }

  private Behavior<Command> onStart(StartAsync m) {
    cell.temperature = m.temperature();
    cell.meanIntervalNanos = m.meanIntervalNanos();
    cell.delay = Duration.ofNanos(m.delayNanos());
    cell.running = true;
    startClock();
    return running;
  }

  private void startClock() {
    cell.epoch++;
    cell.tick = new Tick(cell.epoch);
    scheduleTick();
  }

  /** Unclocked (mean interval 0): a self-message, behind whatever the mailbox already holds. */
  private void scheduleTick() {
    if (cell.meanIntervalNanos == 0) {
      context.getSelf().tell(cell.tick);
    } else {
      double wait = -Math.log(1 - cell.clock.nextDouble()) * cell.meanIntervalNanos;
      pendingTick = context.scheduleOnce(Duration.ofNanos((long) wait), context.getSelf(), cell.tick);
    }
  }

  private Behavior<Command> onTick(Tick m) {
    if (m.epoch() != cell.epoch) return Behaviors.same();
    failIfAsked(m);
    if (!cell.clamped) {
      double next = Glauber.update(cell.units, cell.field, cell.temperature, cell.random.nextDouble());
      cell.updates++;
      if (cell.heard) {
        cell.informed++;
        cell.heard = false;
      }
      if (next != cell.state) tellAsync(next);
    }
    scheduleTick();
    return Behaviors.same();
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
    double delta = next - cell.state;
    cell.state = next;
    double[] unsent = cell.unsent;
    int[] uncredited = cell.uncredited;
    StateChanged msg = cell.change(delta, false);
    for (int k = 0; k < unsent.length; k++) {
      if (unsent[k] != 0 || uncredited[k] >= WINDOW) unsent[k] += delta;
      else send(k, msg);
    }
  }

  private void deliver(int k, double delta) {
    send(k, cell.change(delta, false));
  }

  private void send(int k, StateChanged msg) {
    cell.uncredited[k]++;
    cell.sent++;
    if (cell.delay.isZero()) cell.neighbours[k].tell(msg);
    else context.scheduleOnce(cell.delay, cell.neighbours[k], msg);
  }

  /** Stops the clock, first sending every held-back change so the neighbours' views converge. */
  private Behavior<Command> onPause(Pause m) {
    for (int k = 0; k < cell.unsent.length; k++) {
      if (cell.unsent[k] != 0) {
        deliver(k, cell.unsent[k]);
        cell.unsent[k] = 0;
      }
    }
    cell.running = false;
    cell.epoch++;
    if (pendingTick != null) pendingTick.cancel();
    pendingTick = null;
    return idle;
  }

  private Behavior<Command> onGetState(GetState m) {
    m.replyTo().tell(new Snapshot.Reported(cell.id, cell.state, cell.updates, cell.informed, cell.sent));
    return Behaviors.same();
  }

  private Behavior<Command> onUpdateWeights(UpdateWeights m) {
    if (m.weights().length != cell.weights.length) {
      throw new IllegalArgumentException("neuron " + cell.id + " got " + m.weights().length + " weights (expected " + cell.weights.length + ")");
    }
    System.arraycopy(m.weights(), 0, cell.weights, 0, cell.weights.length);
    cell.bias = m.bias();
    cell.recomputeField();
    return Behaviors.same();
  }

  private Behavior<Command> onMeasure() {
    double s = cell.state;
    cell.sumState += s;
    for (int k = 0; k < cell.sumPair.length; k++) cell.sumPair[k] += s * cell.neighbourStates[k];
    cell.measured++;
    return Behaviors.same();
  }

  private Behavior<Command> onEndPhase(EndPhase m) {
    if (cell.measured == 0) throw new IllegalStateException("neuron " + cell.id + ": phase " + m.phase() + " ended with no measurement");
    double[] pairs = new double[cell.sumPair.length];
    for (int k = 0; k < pairs.length; k++) pairs[k] = cell.sumPair[k] / cell.measured;
    Statistics stats = new Statistics(new double[] {cell.sumState / cell.measured}, pairs, cell.measured, m.phase());
    if (m.phase() == Phase.CLAMPED) cell.clampedStats = stats;
    else cell.freeStats = stats;
    cell.sumState = 0;
    Arrays.fill(cell.sumPair, 0);
    cell.measured = 0;
    return Behaviors.same();
  }

  private Behavior<Command> onLearn(Learn m) {
    if (cell.clampedStats == null || cell.freeStats == null) {
      throw new IllegalStateException("neuron " + cell.id + ": learn without both a clamped and a free phase");
    }
    if (cell.learner == null) cell.learner = new Learner(m.rule(), cell.weights.length, 1, 0, cell.hidden ? 1 : 0);
    else cell.learner.setRule(m.rule());
    double[] b = {cell.bias};
    cell.learner.apply(cell.clampedStats, cell.freeStats, cell.weights, b);
    cell.bias = b[0];
    cell.recomputeField();
    cell.clampedStats = null;
    cell.freeStats = null;
    return Behaviors.same();
  }

  private Behavior<Command> onGetParameters(GetParameters m) {
    m.replyTo().tell(new Network.Row(cell.id, cell.weights.clone(), cell.bias));
    return Behaviors.same();
  }

  private void failIfAsked(Command m) {
    if (cell.failNext) {
      cell.failNext = false;
      cell.replay = m;
      throw new InjectedFailure(cell.id);
    }
  }
}
