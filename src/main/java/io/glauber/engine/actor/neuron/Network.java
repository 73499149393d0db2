package io.glauber.engine.actor.neuron;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.Props;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.BehaviorBuilder;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.StashBuffer;
import akka.actor.typed.javadsl.TimerScheduler;
import io.glauber.engine.actor.ActorConfig;
import io.glauber.engine.actor.Dynamics;
import io.glauber.engine.actor.JsonMessage;
import io.glauber.engine.actor.Mode;
import io.glauber.engine.actor.Placement;
import io.glauber.learn.LearningRule;
import io.glauber.model.Phase;
import io.glauber.model.Statistics;
import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Schedule;
import io.glauber.model.Units;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One copy of a Boltzmann machine as neuron actors, and the coordinator that runs it.
 *
 * <p>It spawns one supervised {@link Neuron} per unit (on the neuron dispatcher), wires each to its
 * neighbours, and answers three requests: {@link Sample} (run some sweeps, reply the state), {@link
 * RunPhase} (clamp or release the visible units, burn in, measure ⟨s_i⟩ and ⟨s_i s_j⟩) and, for
 * local learning, {@link Learn}.
 *
 * <p>Exact mode: a sweep updates the colour classes of {@link io.glauber.model.Couplings#colours()}
 * in turn; each step tells the free neurons of one colour to {@link Neuron.Update} and waits for a
 * {@link Done} from every one of them, and a neuron sends Done only after its neighbours have acked
 * its state change. So no colour starts before the previous colour's changes are delivered: each
 * unit updates from the true current state, and the sweep is a systematic-scan Gibbs sweep. The Done
 * replies carry the states, so between sweeps the network holds a consistent snapshot for free;
 * phase statistics are averages over these end-of-sweep snapshots. Given the seed the run is
 * deterministic, whatever the thread scheduling.
 *
 * <p>Async mode: neurons run on their own clocks ({@link Neuron.StartAsync}); samples and phase
 * statistics come from {@link Snapshot} aggregators taken one sweep time apart (fuzzy cuts, see
 * there). Exclusive mode runs the same way, but its neurons update only while holding all their
 * forks ({@link Neuron}), and a snapshot freezes every neuron before reading it (then thaws them),
 * so every sample is one state of the chain.
 *
 * <p>No request can hang: a watchdog fails the request with {@link Failed} when a barrier step or a
 * snapshot makes no progress for {@link Dynamics#stepTimeout()}, naming the step and the silent
 * neurons; the network then answers every later request with the same failure.
 *
 * <p>One behaviour per state, each request's progress passed from one to the next as a record:
 * {@code idle()}; in exact mode {@code clamping(Sweeps, …)} and {@code stepping(Sweeps, colour, …)}
 * (a barrier step in flight), in async mode {@code waitingForSweeps(AsyncRun)} and
 * {@code awaitingSnapshot(AsyncRun, tag)}; {@code gatheringRows} for local learning; and
 * {@code broken(reason)}. What a request asks for is a sealed {@code Job} (sampling, measuring a
 * phase, counting, learning), which decides how it ends. While busy, later requests wait in the
 * stash, in order.
 */
public final class Network {

  /** Requests and internal events. */
  public sealed interface Command {}

  /** A request from outside: answered in turn, waiting in the stash while another is in progress. */
  public sealed interface Request extends Command {}

  /**
   * Run {@code sweeps} sweeps (≥ 1) and reply {@link Sampled}: barrier sweeps in exact mode,
   * sweep times in async mode, and in exclusive mode at least {@code sweeps} sweep times and
   * {@code sweeps}·n updates, whichever comes later (counted, so a loaded machine cannot
   * shorten the spacing of samples).
   */
  public record Sample(int sweeps, ActorRef<Reply> replyTo) implements Request, JsonMessage {}

  /**
   * One phase: clamp the visible units to {@code clamp} (null: release all, free-running), burn in,
   * then measure over {@code sweeps} sweeps; reply {@link PhaseDone}. With {@code local} (exact mode
   * only) every neuron also accumulates its own co-activations. With {@code redraws} (exact mode,
   * clamped phases only; null: the clamp holds for the phase) the visible units are clamped again,
   * behind a barrier, before every sweep after the first, to {@code redraws[k]} before sweep k + 2:
   * a fresh noisy copy every time unit ({@code learn.NoisyClamping.Redraw#TIME_UNIT}), so
   * {@code burnIn + sweeps − 1} rows.
   */
  public record RunPhase(double[] clamp, double[][] redraws, int burnIn, int sweeps, boolean local, ActorRef<Reply> replyTo)
      implements Request, JsonMessage {}

  /** New parameters (pair weights in the order of Couplings.pairs(), biases) for every neuron. */
  public record SetParameters(double[] pairWeights, double[] bias) implements Request, JsonMessage {}

  /** Local learning: every neuron closes its accumulators of a phase. */
  public record EndPhase(Phase phase) implements Request, JsonMessage {}

  /** Local learning: every neuron applies the rule; reply {@link Parameters} gathered from all. */
  public record Learn(LearningRule rule, ActorRef<Reply> replyTo) implements Request, JsonMessage {}

  /** Reply {@link Counted}: total updates, informed updates and messages of all neurons so far (any mode). */
  public record Count(ActorRef<Reply> replyTo) implements Request, JsonMessage {}

  /** Fault injection: neuron {@code id} throws on its next update. */
  public record InjectFault(int id) implements Command, JsonMessage {}

  /** Stop the network and its neurons. */
  public record Stop() implements Command, JsonMessage {}

  /** Barrier reply of a neuron: its state after the step. */
  public record Done(int id, double state) implements Command, BinaryMessage {}

  /** A neuron's parameters (weights in the order of its neighbour ids). */
  public record Row(int id, double[] weights, double bias) implements Command, JsonMessage {}

  /** From a {@link Snapshot}. */
  public record SnapshotTaken(long tag, double[] state, long updates, long informed, long sent) implements Command, JsonMessage {}

  /** From a {@link Snapshot} that timed out. */
  public record SnapshotFailed(long tag, String reason) implements Command, JsonMessage {}

  /** Timer: a barrier step or a gathering is checked for progress every {@link Dynamics#stepTimeout()}. */
  private record Watchdog() implements Command {}

  /** Timer: the sweep time an async request waits for has passed. */
  private record SweepsElapsed() implements Command {}

  /** Replies to requests. */
  public sealed interface Reply {}

  /** A sample: unit values as integers. */
  public record Sampled(int[] state) implements Reply, JsonMessage {}

  /** Statistics of a phase. */
  public record PhaseDone(Statistics statistics) implements Reply, JsonMessage {}

  /** Parameters after local learning, and the largest |w_ij − w_ji| between the two ends of a pair. */
  public record Parameters(double[] pairWeights, double[] bias, double maxAsymmetry) implements Reply, JsonMessage {}

  /** Counters of all neurons: updates, informed updates, messages (ticks + state changes + credits). */
  public record Counted(long updates, long informed, long messages) implements Reply, JsonMessage {}

  /** A request failed (timeout, bad request); the reason says which step and which neurons. */
  public record Failed(String reason) implements Reply, JsonMessage {}

  // ---------------------------------------------------------------- what a request asks for

  /** A request in progress; what it asks for decides how it ends. */
  private sealed interface Job permits Sampling, Measuring, Counting, Learning {
    ActorRef<Reply> replyTo();

    /** How a failure names the request. */
    String name();
  }

  /**
   * {@link Sample}: run the sweeps, reply the state. In exclusive mode the state is taken only once
   * the neurons have made {@code minUpdates} updates in all since the previous sample (see
   * {@link #snapshotTaken}); 0 elsewhere.
   */
  private record Sampling(ActorRef<Reply> replyTo, long minUpdates) implements Job {
    Sampling(ActorRef<Reply> replyTo) {
      this(replyTo, 0);
    }

    @Override
    public String name() {
      return "sampling";
    }
  }

  /** {@link RunPhase}: clamp the visible units (or release them), burn in, measure the moments. */
  private record Measuring(double[] clamp, boolean local, ActorRef<Reply> replyTo) implements Job {
    Phase phase() {
      return clamp == null ? Phase.FREE : Phase.CLAMPED;
    }

    @Override
    public String name() {
      return clamp == null ? "free-running phase" : "clamped phase";
    }
  }

  /** {@link Count}: one snapshot of the neurons' counters (async mode). */
  private record Counting(ActorRef<Reply> replyTo) implements Job {
    @Override
    public String name() {
      return "count";
    }
  }

  /** {@link Learn}: every neuron applies the rule; gather their rows. */
  private record Learning(ActorRef<Reply> replyTo) implements Job {
    @Override
    public String name() {
      return "local learning";
    }
  }

  /**
   * Exact mode: a request's sweeps still to run before measuring ({@code burnIn}) and measured
   * ({@code measure}); units below {@code firstFree} are clamped and skipped; the clamps still to
   * come before later sweeps ({@code redraws} from index {@code drawn}; null: none).
   */
  private record Sweeps(Job job, int burnIn, int measure, int firstFree, Moments moments, double[][] redraws, int drawn) {
    Sweeps(Job job, int burnIn, int measure, int firstFree, Moments moments) {
      this(job, burnIn, measure, firstFree, moments, null, 0);
    }

    boolean done() {
      return burnIn == 0 && measure == 0;
    }

    Sweeps burnedIn() {
      return new Sweeps(job, burnIn - 1, measure, firstFree, moments, redraws, drawn);
    }

    Sweeps measured() {
      return new Sweeps(job, burnIn, measure - 1, firstFree, moments, redraws, drawn);
    }

    /** The clamp before the next sweep, or null when the clamp holds. */
    double[] nextClamp() {
      return redraws == null ? null : redraws[drawn];
    }

    Sweeps redrawn() {
      return new Sweeps(job, burnIn, measure, firstFree, moments, redraws, drawn + 1);
    }
  }

  /** Async mode: a request's snapshots still to take ({@code measure}). */
  private record AsyncRun(Job job, int measure, Moments moments) {}

  /** Sums of s_i and s_i s_j (pairs in the order of Couplings.pairs()) over a phase's measured states. */
  static final class Moments { // package-private: PatchNetwork measures with it too
    private final double[] units;
    private final double[] pairProducts;
    private long count;

    Moments(int n, int pairs) {
      units = new double[n];
      pairProducts = new double[pairs];
    }

    void add(double[] s, int[] pairs) {
      for (int i = 0; i < units.length; i++) units[i] += s[i];
      for (int p = 0; p < pairProducts.length; p++) pairProducts[p] += s[pairs[2 * p]] * s[pairs[2 * p + 1]];
      count++;
    }

    /** ⟨s_i⟩ and ⟨s_i s_j⟩ over the measured states. */
    Statistics mean(Phase phase) {
      double[] u = units.clone();
      double[] p = pairProducts.clone();
      for (int i = 0; i < u.length; i++) u[i] /= count;
      for (int i = 0; i < p.length; i++) p[i] /= count;
      return new Statistics(u, p, count, phase);
    }
  }

  /** Replies a step still waits for, and whether any came since the watchdog's last tick. */
  private static final class Replies {
    private int pending;
    private boolean heard = true;

    Replies(int pending) {
      this.pending = pending;
    }

    /** One more reply; true if it was the last. */
    boolean arrived() {
      heard = true;
      return --pending == 0;
    }

    /** A watchdog tick: true if a reply came since the last one. */
    boolean progressed() {
      boolean p = heard;
      heard = false;
      return p;
    }
  }

  // ---------------------------------------------------------------- set up once

  private static final String WATCHDOG = "watchdog";
  private static final String SWEEPS = "sweeps";
  private static final Watchdog WATCHDOG_TICK = new Watchdog();
  private static final SweepsElapsed SWEEPS_ELAPSED = new SweepsElapsed();

  private final ActorContext<Command> context;
  private final TimerScheduler<Command> timers;
  private final StashBuffer<Command> stash;
  private final BoltzmannMachine machine;
  private final Dynamics dynamics;
  private final Schedule schedule;
  private final int n;
  private final int[] pairs;
  private final List<ActorRef<Neuron.Command>> neurons;
  private final int[][] neighbourIds;
  private final int[][] colourClasses;

  /** The joint state as last heard (barrier replies, snapshots). */
  private final double[] state;

  // What outlives a request (a request's own progress is passed from behaviour to behaviour).
  /** Sweeps run since the last phase began: where an exact-mode schedule is. */
  private long sweepClock;
  /** Barrier steps sent so far, numbering each. */
  private long step;
  /** Snapshots taken so far: a result tagged with an older number is stale. */
  private long snapshots;
  /** Whether the neurons run on their clocks (async mode). */
  private boolean clocksRunning;
  /** All neurons' updates when the previous sample was taken (exclusive mode counts sweeps by them). */
  private long sampledUpdates;
  private ActorRef<Annealer.Command> annealer;

  /**
   * A network for {@code machine} (at the machine's temperature, or along {@code schedule} when not
   * null) from initial state {@code initial} (null: uniform random), neurons seeded by splitting
   * {@code seed}.
   */
  public static Behavior<Command> create(
      BoltzmannMachine machine, Dynamics dynamics, Schedule schedule, double[] initial, long seed) {
    return create(machine, dynamics, schedule, initial, seed, null);
  }

  /**
   * The coordinator of neurons already spawned elsewhere — on the members of a cluster, from
   * {@link #neurons} with the same machine, initial state and seed — instead of spawning its own:
   * {@code placed.get(i)} is neuron i (null: spawn them here). Everything else is the same code in
   * one JVM and in many.
   */
  public static Behavior<Command> create(
      BoltzmannMachine machine, Dynamics dynamics, Schedule schedule, double[] initial, long seed, List<ActorRef<Neuron.Command>> placed) {
    if (placed != null && placed.size() != machine.size()) {
      throw new IllegalArgumentException(placed.size() + " placed neurons (expected " + machine.size() + ")");
    }
    return Behaviors.withStash(100_000, stash -> Behaviors.setup(ctx -> Behaviors.withTimers(timers ->
        new Network(ctx, timers, stash, machine, dynamics, schedule, initial, seed, placed).idle())));
  }

  /**
   * The behaviours of neurons {@code which} (ascending) of the network that {@link #create} builds
   * from the same machine, initial state and seed — the same specs and random sources — for a
   * cluster member to spawn; the coordinator then takes their refs ({@code placed}).
   */
  public static List<Behavior<Neuron.Command>> neurons(BoltzmannMachine machine, double[] initial, long seed, int[] which) {
    int n = machine.size();
    SplittableRandom random = new SplittableRandom(seed);
    double[] s = startState(machine, initial, random);
    List<Behavior<Neuron.Command>> out = new ArrayList<>(which.length);
    for (int i = 0, k = 0; k < which.length; i++) {
      if (i >= n || (k > 0 && which[k] <= which[k - 1])) {
        throw new IllegalArgumentException("neuron " + which[k] + " (expected ascending neurons below " + n + ")");
      }
      SplittableRandom r = random.split(); // neuron i's source, drawn in the coordinator's order
      if (which[k] == i) out.add(Neuron.create(NeuronSpec.of(machine, which[k++], s, r)));
    }
    return out;
  }

  private Network(ActorContext<Command> context, TimerScheduler<Command> timers, StashBuffer<Command> stash,
      BoltzmannMachine machine, Dynamics dynamics, Schedule schedule, double[] initial, long seed, List<ActorRef<Neuron.Command>> placed) {
    this.context = context;
    this.timers = timers;
    this.stash = stash;
    this.machine = machine;
    this.dynamics = dynamics;
    this.schedule = schedule != null ? schedule : Schedule.constant(machine.temperature(), 1);
    this.n = machine.size();
    this.pairs = machine.couplings().pairs();
    SplittableRandom random = new SplittableRandom(seed);
    this.state = startState(machine, initial, random);
    this.neurons = new ArrayList<>(n);
    this.neighbourIds = new int[n][];
    Props props = ActorConfig.neuronProps(dynamics);
    for (int i = 0; i < n; i++) {
      NeuronSpec spec = NeuronSpec.of(machine, i, state, random.split());
      neighbourIds[i] = spec.neighbours();
      if (placed != null) {
        neurons.add(placed.get(i));
        continue;
      }
      ActorRef<Neuron.Command> neuron = context.spawn(Neuron.create(spec), "n" + i, props);
      Placement.place(neuron, i, n);
      neurons.add(neuron);
    }
    if (dynamics.mode() == Mode.EXCLUSIVE) {
      // forks start in (colour, id) order: the hygienic algorithm's best concurrency (Neuron.Precedence),
      // told before the wiring: a neighbour's fork request, which may overtake the wiring across
      // members, waits for the wiring (Neuron keeps it) and so finds the precedence in place
      int[] colour = machine.couplings().colours();
      for (int i = 0; i < n; i++) {
        int[] nc = new int[neighbourIds[i].length];
        for (int k = 0; k < nc.length; k++) nc[k] = colour[neighbourIds[i][k]];
        neurons.get(i).tell(new Neuron.Precedence(colour[i], nc));
      }
    }
    for (int i = 0; i < n; i++) {
      List<ActorRef<Neuron.Command>> nb = new ArrayList<>(neighbourIds[i].length);
      for (int j : neighbourIds[i]) nb.add(neurons.get(j));
      neurons.get(i).tell(new Neuron.Wire(nb, context.getSelf()));
    }
    if (dynamics.mode() == Mode.EXACT && !dynamics.delay().isZero()) {
      // the barrier's messages between neighbours (changes and acks) take the same delays as the clocked modes'
      Neuron.SetDelays delays = new Neuron.SetDelays(dynamics.delay().toNanos(), dynamics.timing());
      for (ActorRef<Neuron.Command> r : neurons) r.tell(delays);
    }
    this.colourClasses = classes(machine.couplings().colours());
  }

  /** The starting joint state: {@code initial} (its length checked), or uniform random from the run's first split. */
  private static double[] startState(BoltzmannMachine machine, double[] initial, SplittableRandom random) {
    double[] s = initial != null ? initial.clone() : randomState(machine.units(), machine.size(), random.split());
    if (s.length != machine.size()) throw new IllegalArgumentException("initial state of " + s.length + " units (expected " + machine.size() + ")");
    return s;
  }

  private static double[] randomState(Units units, int n, SplittableRandom r) {
    double[] s = new double[n];
    for (int i = 0; i < n; i++) s[i] = units.value(r.nextBoolean());
    return s;
  }

  private static int[][] classes(int[] colour) {
    int c = Arrays.stream(colour).max().orElse(0) + 1;
    int[] count = new int[c];
    for (int x : colour) count[x]++;
    int[][] out = new int[c][];
    for (int k = 0; k < c; k++) out[k] = new int[count[k]];
    int[] fill = new int[c];
    for (int i = 0; i < colour.length; i++) out[colour[i]][fill[colour[i]]++] = i;
    return out;
  }

  // ---------------------------------------------------------------- idle, busy, broken

  /** Waiting for a request; late results of a finished one (stale snapshots, replies) are dropped. */
  private Behavior<Command> idle() {
    return Behaviors.receive(Command.class)
        .onMessage(Sample.class, this::onSample)
        .onMessage(RunPhase.class, this::onRunPhase)
        .onMessage(Count.class, this::onCount)
        .onMessage(Learn.class, this::onLearn)
        .onMessage(SetParameters.class, this::onSetParameters)
        .onMessage(EndPhase.class, this::onEndPhase)
        .onMessage(InjectFault.class, this::onInjectFault)
        .onMessage(Stop.class, m -> Behaviors.stopped())
        .onAnyMessage(m -> Behaviors.same())
        .build();
  }

  /** What every busy behaviour does: requests wait in the stash, in order; faults and Stop act at once. */
  private BehaviorBuilder<Command> busy() {
    return Behaviors.receive(Command.class)
        .onMessage(Request.class, this::defer)
        .onMessage(InjectFault.class, this::onInjectFault)
        .onMessage(Stop.class, m -> Behaviors.stopped());
  }

  private Behavior<Command> defer(Command m) {
    stash.stash(m);
    return Behaviors.same();
  }

  /** The request is answered: take up the next waiting one. */
  private Behavior<Command> backToIdle() {
    return stash.unstashAll(idle());
  }

  /** After a failure: every request gets the same answer. */
  private Behavior<Command> broken(String reason) {
    return Behaviors.receive(Command.class)
        .onMessage(Sample.class, m -> refuse(m.replyTo(), reason))
        .onMessage(RunPhase.class, m -> refuse(m.replyTo(), reason))
        .onMessage(Count.class, m -> refuse(m.replyTo(), reason))
        .onMessage(Learn.class, m -> refuse(m.replyTo(), reason))
        .onMessage(Stop.class, m -> Behaviors.stopped())
        .onAnyMessage(m -> Behaviors.same())
        .build();
  }

  private Behavior<Command> refuse(ActorRef<Reply> replyTo, String reason) {
    replyTo.tell(new Failed(reason));
    return Behaviors.same();
  }

  private Behavior<Command> fail(Job job, String reason) {
    timers.cancelAll();
    job.replyTo().tell(new Failed(reason));
    context.getLog().error(reason);
    return stash.unstashAll(broken(reason));
  }

  // ---------------------------------------------------------------- requests

  private Behavior<Command> onSample(Sample m) {
    if (m.sweeps() < 1) return refuse(m.replyTo(), "sample after " + m.sweeps() + " sweeps (expected ≥ 1)");
    if (dynamics.mode() == Mode.EXACT) return sweep(new Sweeps(new Sampling(m.replyTo()), m.sweeps(), 0, 0, null));
    Sampling job = new Sampling(m.replyTo(), dynamics.mode() == Mode.EXCLUSIVE ? (long) m.sweeps() * n : 0);
    return runAsync(new AsyncRun(job, 1, null), m.sweeps());
  }

  private Behavior<Command> onRunPhase(RunPhase m) {
    if (m.sweeps() < 1 || m.burnIn() < 0) {
      return refuse(m.replyTo(), "phase of " + m.burnIn() + " burn-in and " + m.sweeps() + " measured sweeps (expected ≥ 0 and ≥ 1)");
    }
    if (m.clamp() != null && m.clamp().length != machine.nVisible()) {
      return refuse(m.replyTo(), "clamp vector of " + m.clamp().length + " values (expected " + machine.nVisible() + " visible units)");
    }
    if (m.local() && dynamics.mode() != Mode.EXACT) {
      return refuse(m.replyTo(), "local learning needs exact mode (consistent co-activations at both ends of a pair)");
    }
    if (m.redraws() != null) {
      String bad = redrawsProblem(m);
      if (bad != null) return refuse(m.replyTo(), bad);
    }
    Measuring job = new Measuring(m.clamp(), m.local(), m.replyTo());
    Sweeps run = new Sweeps(job, m.burnIn(), m.sweeps(), m.clamp() == null ? 0 : machine.nVisible(), new Moments(n, pairs.length / 2),
        m.redraws(), 0);
    sweepClock = 0;
    // release every unit, then (clamped phase) clamp the visible ones: a barrier step of its own
    Neuron.Release release = new Neuron.Release();
    for (int i = 0; i < machine.nVisible(); i++) neurons.get(i).tell(release);
    if (m.clamp() != null) return clamp(run, m.clamp());
    return dynamics.mode() == Mode.EXACT ? sweep(run) : runAsync(run);
  }

  /** What is wrong with a phase's redrawn clamps, or null. */
  private String redrawsProblem(RunPhase m) {
    if (dynamics.mode() != Mode.EXACT) return "clamps redrawn every sweep need exact mode (a sweep is the time unit between two clamps)";
    if (m.clamp() == null) return "clamps redrawn in a free-running phase (expected a clamp)";
    if (m.redraws().length != m.burnIn() + m.sweeps() - 1) {
      return m.redraws().length + " redrawn clamps for " + (m.burnIn() + m.sweeps()) + " sweeps (expected one before every sweep after the first)";
    }
    for (double[] v : m.redraws()) {
      if (v == null || v.length != machine.nVisible()) {
        return "redrawn clamp of " + (v == null ? 0 : v.length) + " values (expected " + machine.nVisible() + " visible units)";
      }
    }
    return null;
  }

  private Behavior<Command> onCount(Count m) {
    // between requests an exact-mode network is still (no barrier step in flight): a snapshot reads it
    return snapshot(new AsyncRun(new Counting(m.replyTo()), 1, null));
  }

  private Behavior<Command> onSetParameters(SetParameters m) {
    if (m.pairWeights().length != pairs.length / 2 || m.bias().length != n) {
      throw new IllegalArgumentException("parameters of " + m.pairWeights().length + " weights and " + m.bias().length
          + " biases (expected " + pairs.length / 2 + " and " + n + ")");
    }
    double[][] rows = new double[n][];
    for (int i = 0; i < n; i++) rows[i] = new double[neighbourIds[i].length];
    for (int p = 0; p < pairs.length / 2; p++) {
      int i = pairs[2 * p];
      int j = pairs[2 * p + 1];
      rows[i][Arrays.binarySearch(neighbourIds[i], j)] = m.pairWeights()[p];
      rows[j][Arrays.binarySearch(neighbourIds[j], i)] = m.pairWeights()[p];
    }
    for (int i = 0; i < n; i++) neurons.get(i).tell(new Neuron.UpdateWeights(rows[i], m.bias()[i]));
    return Behaviors.same();
  }

  private Behavior<Command> onEndPhase(EndPhase m) {
    broadcast(new Neuron.EndPhase(m.phase()));
    return Behaviors.same();
  }

  private Behavior<Command> onInjectFault(InjectFault m) {
    neurons.get(m.id()).tell(new Neuron.FailNext());
    return Behaviors.same();
  }

  // ---------------------------------------------------------------- exact mode: barrier steps

  /** Clamps the visible units behind a barrier; the phase's sweeps follow. */
  private Behavior<Command> clamp(Sweeps run, double[] values) {
    Units units = machine.units();
    for (int i = 0; i < machine.nVisible(); i++) neurons.get(i).tell(new Neuron.Clamp(units.value(values[i] == units.high())));
    startWatchdog();
    return clamping(run, ++step, new Replies(machine.nVisible()));
  }

  /** The visible neurons are taking their clamped values; each replies Done once its neighbours know. */
  private Behavior<Command> clamping(Sweeps run, long id, Replies replies) {
    return busy()
        .onMessage(Done.class, d -> heard(d, replies) ? afterClamping(run) : Behaviors.same())
        .onMessage(Watchdog.class, w -> replies.progressed() ? Behaviors.same()
            : fail(run.job(), stalled(run.job(), id, "clamping the visible units", replies)))
        .build();
  }

  private Behavior<Command> afterClamping(Sweeps run) {
    return dynamics.mode() == Mode.EXACT ? sweep(run) : runAsync(run);
  }

  /** Starts a request's sweeps: colour by colour, each a barrier step. */
  private Behavior<Command> sweep(Sweeps run) {
    startWatchdog();
    return nextStep(run, 0);
  }

  /** Tells the next colour from {@code colour} on that has free units to update, closing sweeps on the way. */
  private Behavior<Command> nextStep(Sweeps run, int colour) {
    while (true) {
      if (colour == colourClasses.length) {
        run = sweepDone(run);
        if (run.done()) return finish(run.job(), run.moments());
        if (run.nextClamp() != null) return clamp(run.redrawn(), run.nextClamp());
        colour = 0;
      }
      Neuron.Update update = new Neuron.Update(++step, schedule.temperatureAt(sweepClock));
      int sent = 0;
      for (int i : colourClasses[colour]) {
        if (i < run.firstFree()) continue;
        neurons.get(i).tell(update);
        sent++;
      }
      if (sent > 0) return stepping(run, colour, step, new Replies(sent));
      colour++;
    }
  }

  /** One colour is updating; each of its neurons replies Done once its neighbours know its change. */
  private Behavior<Command> stepping(Sweeps run, int colour, long id, Replies replies) {
    return busy()
        .onMessage(Done.class, d -> heard(d, replies) ? nextStep(run, colour + 1) : Behaviors.same())
        .onMessage(Watchdog.class, w -> replies.progressed() ? Behaviors.same()
            : fail(run.job(), stalled(run.job(), id, "colour " + colour + " of sweep " + (sweepClock + 1), replies)))
        .build();
  }

  /** A barrier reply: the state it carries is part of the next snapshot. True if it was the last. */
  private boolean heard(Done d, Replies replies) {
    state[d.id()] = d.state();
    return replies.arrived();
  }

  /** End of a sweep: the joint state is consistent; measure it or count it as burn-in. */
  private Sweeps sweepDone(Sweeps run) {
    sweepClock++;
    if (run.burnIn() > 0) return run.burnedIn();
    if (run.measure() == 0) return run;
    run.moments().add(state, pairs);
    if (run.job() instanceof Measuring p && p.local()) broadcast(Neuron.Measure.INSTANCE);
    return run.measured();
  }

  private String stalled(Job job, long id, String what, Replies replies) {
    return job.name() + ": barrier step " + id + " (" + what + ") made no progress for " + dynamics.stepTimeout()
        + "; " + replies.pending + " neurons have not replied";
  }

  private void startWatchdog() {
    timers.startTimerWithFixedDelay(WATCHDOG, WATCHDOG_TICK, dynamics.stepTimeout());
  }

  /** Answers a request whose sweeps or snapshots are done. */
  private Behavior<Command> finish(Job job, Moments moments) {
    timers.cancel(WATCHDOG);
    if (job instanceof Sampling) {
      int[] out = new int[n];
      for (int i = 0; i < n; i++) out[i] = (int) state[i];
      job.replyTo().tell(new Sampled(out));
    } else if (job instanceof Measuring p) {
      job.replyTo().tell(new PhaseDone(moments.mean(p.phase())));
    }
    return backToIdle();
  }

  // ---------------------------------------------------------------- exact mode: local learning

  private Behavior<Command> onLearn(Learn m) {
    broadcast(new Neuron.Learn(m.rule()));
    broadcast(new Neuron.GetParameters(context.getSelf()));
    startWatchdog();
    return gatheringRows(new Learning(m.replyTo()), new Row[n], new Replies(n));
  }

  /** Local learning: collecting every neuron's new row. */
  private Behavior<Command> gatheringRows(Learning job, Row[] rows, Replies replies) {
    return busy()
        .onMessage(Row.class, r -> {
          if (rows[r.id()] != null) return Behaviors.same();
          rows[r.id()] = r;
          if (!replies.arrived()) return Behaviors.same();
          timers.cancel(WATCHDOG);
          job.replyTo().tell(assemble(rows));
          return backToIdle();
        })
        .onMessage(Watchdog.class, w -> replies.progressed() ? Behaviors.same()
            : fail(job, "local learning: " + replies.pending + " neurons sent no parameters within " + dynamics.stepTimeout()))
        .build();
  }

  private Parameters assemble(Row[] rows) {
    double[] w = new double[pairs.length / 2];
    double asym = 0;
    for (int p = 0; p < w.length; p++) {
      int i = pairs[2 * p];
      int j = pairs[2 * p + 1];
      double wij = rows[i].weights()[Arrays.binarySearch(neighbourIds[i], j)];
      double wji = rows[j].weights()[Arrays.binarySearch(neighbourIds[j], i)];
      w[p] = wij;
      asym = Math.max(asym, Math.abs(wij - wji));
    }
    double[] b = new double[n];
    for (int i = 0; i < n; i++) b[i] = rows[i].bias();
    return new Parameters(w, b, asym);
  }

  // ---------------------------------------------------------------- async mode

  /** A phase after its (optional) clamping: wait out the burn-in, at least one sweep time. */
  private Behavior<Command> runAsync(Sweeps run) {
    return runAsync(new AsyncRun(run.job(), run.measure(), run.moments()), Math.max(run.burnIn(), 1));
  }

  /** Starts the clocks unless they run, then waits {@code sweeps} sweep times. */
  private Behavior<Command> runAsync(AsyncRun run, int sweeps) {
    timers.cancel(WATCHDOG);
    startClocks();
    timers.startSingleTimer(SWEEPS, SWEEPS_ELAPSED, dynamics.sweepTime().multipliedBy(sweeps));
    return waitingForSweeps(run);
  }

  private void startClocks() {
    if (clocksRunning) return;
    broadcast(new Neuron.StartAsync(schedule.temperatureAt(0), dynamics.meanInterval().toNanos(), dynamics.delay().toNanos(),
        dynamics.mode() == Mode.EXCLUSIVE, dynamics.timing()));
    clocksRunning = true;
    if (schedule.steps().size() > 1) {
      // every start of the clocks anneals from the schedule's beginning: each phase of two-phase learning does
      if (annealer != null) context.stop(annealer);
      annealer = context.spawnAnonymous(Annealer.create(schedule, dynamics.sweepTime(), neurons));
    }
  }

  /** The neurons run on their clocks; waiting for the sweep time to pass. */
  private Behavior<Command> waitingForSweeps(AsyncRun run) {
    return busy()
        .onMessage(SweepsElapsed.class, e -> snapshot(run))
        .build();
  }

  private Behavior<Command> snapshot(AsyncRun run) {
    long tag = ++snapshots;
    context.spawnAnonymous(Snapshot.create(neurons, context.getSelf(), dynamics.stepTimeout(), tag, dynamics.mode() == Mode.EXCLUSIVE));
    return awaitingSnapshot(run, tag);
  }

  /** A {@link Snapshot} aggregator is asking every neuron for its state. */
  private Behavior<Command> awaitingSnapshot(AsyncRun run, long tag) {
    return busy()
        .onMessage(SnapshotTaken.class, s -> s.tag() == tag ? snapshotTaken(run, s) : Behaviors.same())
        .onMessage(SnapshotFailed.class, f -> f.tag() == tag ? fail(run.job(), f.reason()) : Behaviors.same())
        .build();
  }

  private Behavior<Command> snapshotTaken(AsyncRun run, SnapshotTaken s) {
    boolean frozen = dynamics.mode() == Mode.EXCLUSIVE;
    if (run.job() instanceof Counting) {
      if (frozen) broadcast(Neuron.Thaw.INSTANCE);
      run.job().replyTo().tell(new Counted(s.updates(), s.informed(), s.updates() + s.sent()));
      return backToIdle();
    }
    if (run.job() instanceof Sampling job && s.updates() - sampledUpdates < job.minUpdates()) {
      // Exclusive mode counts its sweeps: too few updates since the previous sample (a loaded
      // machine, slow clocks) — thaw and look again a sweep time per missing sweep later, so that samples are at
      // least the requested sweeps apart however fast the neurons run. Skipping this state is not
      // a choice by state: the update count depends on clocks and fork passing, never on the
      // states (Neuron's exclusive-mode javadoc), so the states taken remain states of the chain
      // at times independent of it.
      long missing = job.minUpdates() - (s.updates() - sampledUpdates);
      broadcast(Neuron.Thaw.INSTANCE);
      timers.startSingleTimer(SWEEPS, SWEEPS_ELAPSED, dynamics.sweepTime().multipliedBy((missing + n - 1) / n));
      return waitingForSweeps(run);
    }
    if (run.job() instanceof Sampling) sampledUpdates = s.updates();
    System.arraycopy(s.state(), 0, state, 0, n);
    // exclusive mode: every neuron froze before reporting, so the state is one state of the chain
    if (frozen && !(run.job() instanceof Measuring && run.measure() <= 1)) broadcast(Neuron.Thaw.INSTANCE);
    if (run.job() instanceof Measuring) {
      run.moments().add(state, pairs);
      if (run.measure() > 1) {
        timers.startSingleTimer(SWEEPS, SWEEPS_ELAPSED, dynamics.sweepTime());
        return waitingForSweeps(new AsyncRun(run.job(), run.measure() - 1, run.moments()));
      }
      // a learning phase ends with the neurons paused, so the next phase can clamp behind a barrier
      broadcast(new Neuron.Pause());
      clocksRunning = false;
    }
    return finish(run.job(), run.moments());
  }

  private void broadcast(Neuron.Command m) {
    for (ActorRef<Neuron.Command> r : neurons) r.tell(m);
  }
}
