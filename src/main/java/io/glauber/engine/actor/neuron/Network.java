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
import io.glauber.engine.actor.BinaryMessage;
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
 * there).
 *
 * <p>No request can hang: a watchdog fails the request with {@link Failed} when a barrier step or a
 * snapshot makes no progress for {@link Dynamics#stepTimeout()}, naming the step and the silent
 * neurons; the network then answers every later request with the same failure.
 */
public final class Network {

  /** Requests and internal events. */
  public sealed interface Command {}

  /** Run {@code sweeps} sweeps (≥ 1) and reply {@link Sampled}. */
  public record Sample(int sweeps, ActorRef<Reply> replyTo) implements Command, JsonMessage {}

  /**
   * One phase: clamp the visible units to {@code clamp} (null: release all, free-running), burn in,
   * then measure over {@code sweeps} sweeps; reply {@link PhaseDone}. With {@code local} (exact mode
   * only) every neuron also accumulates its own co-activations.
   */
  public record RunPhase(double[] clamp, int burnIn, int sweeps, boolean local, ActorRef<Reply> replyTo) implements Command, JsonMessage {}

  /** New parameters (pair weights in the order of Couplings.pairs(), biases) for every neuron. */
  public record SetParameters(double[] pairWeights, double[] bias) implements Command, JsonMessage {}

  /** Local learning: every neuron closes its accumulators of a phase. */
  public record EndPhase(Phase phase) implements Command, JsonMessage {}

  /** Local learning: every neuron applies the rule; reply {@link Parameters} gathered from all. */
  public record Learn(LearningRule rule, ActorRef<Reply> replyTo) implements Command, JsonMessage {}

  /** Reply {@link Counted}: total updates and state-change messages of all neurons so far. */
  public record Count(ActorRef<Reply> replyTo) implements Command, JsonMessage {}

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

  /** Private timers. */
  public record Watchdog() implements Command, BinaryMessage {}

  public record SweepsElapsed(long tag) implements Command, BinaryMessage {}

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
  private final double[] state;

  // the request in progress (exact barrier or async timing)
  private Job job;
  private int colour;
  private int pending;
  private long step;
  private long sweepClock;
  private long progress;
  private long progressAtLastWatch = -1;
  private long tag;
  private boolean asyncRunning;
  private ActorRef<Annealer.Command> annealer;

  /** What a request still has to do. */
  private static final class Job {
    final ActorRef<Reply> replyTo;
    final boolean sample;
    final boolean local;
    final double[] clamp;
    int burnIn;
    int measure;
    final double[] sumUnits;
    final double[] sumPairs;
    long measured;
    final String name;

    Job(ActorRef<Reply> replyTo, boolean sample, boolean local, double[] clamp, int burnIn, int measure, int n, int p, String name) {
      this.replyTo = replyTo;
      this.sample = sample;
      this.local = local;
      this.clamp = clamp;
      this.burnIn = burnIn;
      this.measure = measure;
      this.sumUnits = sample ? null : new double[n];
      this.sumPairs = sample ? null : new double[p];
      this.name = name;
    }
  }

  /**
   * A network for {@code machine} (at the machine's temperature, or along {@code schedule} when not
   * null) from initial state {@code initial} (null: uniform random), neurons seeded by splitting
   * {@code seed}.
   */
  public static Behavior<Command> create(
      BoltzmannMachine machine, Dynamics dynamics, Schedule schedule, double[] initial, long seed) {
    return Behaviors.withStash(100_000, stash -> Behaviors.setup(ctx -> Behaviors.withTimers(timers ->
        new Network(ctx, timers, stash, machine, dynamics, schedule, initial, seed).idle())));
  }

  private Network(ActorContext<Command> context, TimerScheduler<Command> timers, StashBuffer<Command> stash,
      BoltzmannMachine machine, Dynamics dynamics, Schedule schedule, double[] initial, long seed) {
    this.context = context;
    this.timers = timers;
    this.stash = stash;
    this.machine = machine;
    this.dynamics = dynamics;
    this.schedule = schedule != null ? schedule : Schedule.constant(machine.temperature(), 1);
    this.n = machine.size();
    this.pairs = machine.couplings().pairs();
    SplittableRandom random = new SplittableRandom(seed);
    this.state = initial != null ? initial.clone() : randomState(machine.units(), n, random.split());
    if (state.length != n) throw new IllegalArgumentException("initial state of " + state.length + " units (expected " + n + ")");
    this.neurons = new ArrayList<>(n);
    this.neighbourIds = new int[n][];
    Props props = ActorConfig.neuronProps(dynamics);
    for (int i = 0; i < n; i++) {
      NeuronSpec spec = NeuronSpec.of(machine, i, state, random.split());
      neighbourIds[i] = spec.neighbours();
      ActorRef<Neuron.Command> neuron = context.spawn(Neuron.create(spec), "n" + i, props);
      Placement.place(neuron, i, n);
      neurons.add(neuron);
    }
    for (int i = 0; i < n; i++) {
      List<ActorRef<Neuron.Command>> nb = new ArrayList<>(neighbourIds[i].length);
      for (int j : neighbourIds[i]) nb.add(neurons.get(j));
      neurons.get(i).tell(new Neuron.Wire(nb, context.getSelf()));
    }
    this.colourClasses = classes(machine.couplings().colours());
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

  // ---------------------------------------------------------------- behaviours

  /** Waiting for a request. */
  private Behavior<Command> idle() {
    return Behaviors.receive(Command.class)
        .onMessage(Sample.class, this::onSample)
        .onMessage(RunPhase.class, this::onRunPhase)
        .onMessage(SetParameters.class, this::onSetParameters)
        .onMessage(EndPhase.class, m -> { broadcast(new Neuron.EndPhase(m.phase())); return Behaviors.same(); })
        .onMessage(Learn.class, this::onLearn)
        .onMessage(Count.class, this::onCount)
        .onMessage(InjectFault.class, m -> { neurons.get(m.id()).tell(new Neuron.FailNext()); return Behaviors.same(); })
        .onMessage(Stop.class, m -> Behaviors.stopped())
        .onMessage(SnapshotTaken.class, m -> Behaviors.same())
        .onMessage(SnapshotFailed.class, m -> Behaviors.same())
        .onMessage(SweepsElapsed.class, m -> Behaviors.same())
        .onMessage(Watchdog.class, m -> Behaviors.same())
        .onMessage(Done.class, m -> Behaviors.same())
        .build();
  }

  /** Requests that arrive while one is in progress wait in the stash, in order. */
  private BehaviorBuilder<Command> stashingRequests(BehaviorBuilder<Command> b) {
    return b.onMessage(Sample.class, this::defer)
        .onMessage(RunPhase.class, this::defer)
        .onMessage(SetParameters.class, this::defer)
        .onMessage(EndPhase.class, this::defer)
        .onMessage(Learn.class, this::defer)
        .onMessage(Count.class, this::defer);
  }

  private Behavior<Command> defer(Command m) {
    stash.stash(m);
    return Behaviors.same();
  }

  /** The request is answered: take up the next waiting one. */
  private Behavior<Command> backToIdle() {
    return stash.unstashAll(idle());
  }

  /** Exact mode: a barrier step is in flight (clamping or one colour updating). */
  private Behavior<Command> stepping() {
    return stashingRequests(Behaviors.receive(Command.class))
        .onMessage(Done.class, this::onDone)
        .onMessage(Watchdog.class, this::onWatchdog)
        .onMessage(InjectFault.class, m -> { neurons.get(m.id()).tell(new Neuron.FailNext()); return Behaviors.same(); })
        .onMessage(Stop.class, m -> Behaviors.stopped())
        .build();
  }

  /** Async mode: neurons run on their clocks; waiting for sweep time or a snapshot. */
  private Behavior<Command> runningAsync() {
    return stashingRequests(Behaviors.receive(Command.class))
        .onMessage(SweepsElapsed.class, this::onSweepsElapsed)
        .onMessage(SnapshotTaken.class, this::onSnapshot)
        .onMessage(SnapshotFailed.class, m -> m.tag() == tag ? fail(m.reason()) : Behaviors.same())
        .onMessage(Watchdog.class, m -> Behaviors.same())
        .onMessage(InjectFault.class, m -> { neurons.get(m.id()).tell(new Neuron.FailNext()); return Behaviors.same(); })
        .onMessage(Stop.class, m -> Behaviors.stopped())
        .build();
  }

  /** After a failure: every request gets the same answer. */
  private Behavior<Command> broken(String reason) {
    return Behaviors.receive(Command.class)
        .onMessage(Sample.class, m -> { m.replyTo().tell(new Failed(reason)); return Behaviors.same(); })
        .onMessage(RunPhase.class, m -> { m.replyTo().tell(new Failed(reason)); return Behaviors.same(); })
        .onMessage(Learn.class, m -> { m.replyTo().tell(new Failed(reason)); return Behaviors.same(); })
        .onMessage(Count.class, m -> { m.replyTo().tell(new Failed(reason)); return Behaviors.same(); })
        .onMessage(Stop.class, m -> Behaviors.stopped())
        .onAnyMessage(m -> Behaviors.same())
        .build();
  }

  // ---------------------------------------------------------------- requests

  private Behavior<Command> onSample(Sample m) {
    if (m.sweeps() < 1) { m.replyTo().tell(new Failed("sample after " + m.sweeps() + " sweeps (expected ≥ 1)")); return Behaviors.same(); }
    job = new Job(m.replyTo(), true, false, null, m.sweeps(), 0, n, 0, "sampling");
    return dynamics.mode() == Mode.EXACT ? beginSweeps() : beginAsync();
  }

  private Behavior<Command> onRunPhase(RunPhase m) {
    if (m.sweeps() < 1 || m.burnIn() < 0) {
      m.replyTo().tell(new Failed("phase of " + m.burnIn() + " burn-in and " + m.sweeps() + " measured sweeps (expected ≥ 0 and ≥ 1)"));
      return Behaviors.same();
    }
    if (m.clamp() != null && m.clamp().length != machine.nVisible()) {
      m.replyTo().tell(new Failed("clamp vector of " + m.clamp().length + " values (expected " + machine.nVisible() + " visible units)"));
      return Behaviors.same();
    }
    if (m.local() && dynamics.mode() != Mode.EXACT) {
      m.replyTo().tell(new Failed("local learning needs exact mode (consistent co-activations at both ends of a pair)"));
      return Behaviors.same();
    }
    String name = m.clamp() == null ? "free-running phase" : "clamped phase";
    job = new Job(m.replyTo(), false, m.local(), m.clamp(), m.burnIn(), m.sweeps(), n, pairs.length / 2, name);
    sweepClock = 0;
    // release every unit, then (clamped phase) clamp the visible ones: a barrier step of its own
    Neuron.Release release = new Neuron.Release();
    for (int i = 0; i < machine.nVisible(); i++) neurons.get(i).tell(release);
    if (m.clamp() == null) return dynamics.mode() == Mode.EXACT ? beginSweeps() : beginAsync();
    colour = -1;
    pending = machine.nVisible();
    for (int i = 0; i < pending; i++) neurons.get(i).tell(new Neuron.Clamp(machine.units().value(m.clamp()[i] == machine.units().high())));
    startWatchdog();
    return stepping();
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

  private Behavior<Command> onLearn(Learn m) {
    broadcast(new Neuron.Learn(m.rule()));
    broadcast(new Neuron.GetParameters(context.getSelf()));
    return gatheringRows(m.replyTo(), new Row[n], n);
  }

  /** Local learning: collecting every neuron's new row. */
  private Behavior<Command> gatheringRows(ActorRef<Reply> replyTo, Row[] rows, int missing) {
    startWatchdog();
    progressAtLastWatch = -1;
    int[] left = {missing};
    return stashingRequests(Behaviors.receive(Command.class))
        .onMessage(Row.class, r -> {
          progress++;
          if (rows[r.id()] == null) left[0]--;
          rows[r.id()] = r;
          if (left[0] > 0) return Behaviors.same();
          timers.cancel(WATCHDOG);
          replyTo.tell(assemble(rows));
          return backToIdle();
        })
        .onMessage(Watchdog.class, w -> {
          if (progress != progressAtLastWatch) { progressAtLastWatch = progress; return Behaviors.same(); }
          String reason = "local learning: " + left[0] + " neurons sent no parameters within " + dynamics.stepTimeout();
          replyTo.tell(new Failed(reason));
          return stash.unstashAll(broken(reason));
        })
        .onMessage(Stop.class, s -> Behaviors.stopped())
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

  private Behavior<Command> onCount(Count m) {
    if (dynamics.mode() != Mode.ASYNC) { m.replyTo().tell(new Failed("counters are kept in async mode only")); return Behaviors.same(); }
    job = new Job(m.replyTo(), true, false, null, 0, 0, n, 0, "count");
    takeSnapshot();
    return runningAsync();
  }

  // ---------------------------------------------------------------- exact mode

  private Behavior<Command> beginSweeps() {
    startWatchdog();
    colour = -1;
    return nextColour();
  }

  /** Starts the next colour with free units, or closes the sweep. */
  private Behavior<Command> nextColour() {
    while (true) {
      colour++;
      if (colour == colourClasses.length) {
        Behavior<Command> after = sweepDone();
        if (after != null) return after;
        colour = 0;
      }
      int[] members = colourClasses[colour];
      double t = schedule.temperatureAt(sweepClock);
      Neuron.Update update = new Neuron.Update(++step, t);
      int sent = 0;
      for (int i : members) {
        if (job.clamp != null && i < machine.nVisible()) continue;
        neurons.get(i).tell(update);
        sent++;
      }
      if (sent > 0) {
        pending = sent;
        return stepping();
      }
    }
  }

  private Behavior<Command> onDone(Done d) {
    state[d.id()] = d.state();
    progress++;
    if (--pending > 0) return Behaviors.same();
    if (colour == -1 && dynamics.mode() == Mode.ASYNC) return beginAsync();
    return nextColour();
  }

  /** End of a sweep: measure, and either finish the request (returns its behaviour) or go on (null). */
  private Behavior<Command> sweepDone() {
    sweepClock++;
    if (job.burnIn > 0) {
      job.burnIn--;
    } else if (job.measure > 0) {
      measure(state);
      if (job.local) broadcast(Neuron.Measure.INSTANCE);
      job.measure--;
    }
    if (job.burnIn > 0 || job.measure > 0) return null;
    timers.cancel(WATCHDOG);
    finish();
    return backToIdle();
  }

  private void measure(double[] s) {
    for (int i = 0; i < n; i++) job.sumUnits[i] += s[i];
    for (int p = 0; p < job.sumPairs.length; p++) job.sumPairs[p] += s[pairs[2 * p]] * s[pairs[2 * p + 1]];
    job.measured++;
  }

  private void finish() {
    if (job.sample) {
      int[] out = new int[n];
      for (int i = 0; i < n; i++) out[i] = (int) state[i];
      job.replyTo.tell(new Sampled(out));
    } else {
      double[] u = job.sumUnits.clone();
      double[] p = job.sumPairs.clone();
      for (int i = 0; i < u.length; i++) u[i] /= job.measured;
      for (int i = 0; i < p.length; i++) p[i] /= job.measured;
      job.replyTo.tell(new PhaseDone(new Statistics(u, p, job.measured, job.clamp == null ? Phase.FREE : Phase.CLAMPED)));
    }
    job = null;
  }

  private static final String WATCHDOG = "watchdog";

  private void startWatchdog() {
    progressAtLastWatch = -1;
    timers.startTimerWithFixedDelay(WATCHDOG, new Watchdog(), dynamics.stepTimeout());
  }

  private Behavior<Command> onWatchdog(Watchdog w) {
    if (progress != progressAtLastWatch) {
      progressAtLastWatch = progress;
      return Behaviors.same();
    }
    String what = colour < 0 ? "clamping the visible units" : "colour " + colour + " of sweep " + (sweepClock + 1);
    return fail(job.name + ": barrier step " + step + " (" + what + ") made no progress for " + dynamics.stepTimeout()
        + "; " + pending + " neurons have not replied");
  }

  private Behavior<Command> fail(String reason) {
    timers.cancelAll();
    if (job != null) job.replyTo.tell(new Failed(reason));
    job = null;
    context.getLog().error(reason);
    return stash.unstashAll(broken(reason));
  }

  // ---------------------------------------------------------------- async mode

  private Behavior<Command> beginAsync() {
    timers.cancel(WATCHDOG);
    if (!asyncRunning) {
      Neuron.StartAsync start = new Neuron.StartAsync(schedule.temperatureAt(0),
          dynamics.meanInterval().toNanos(), dynamics.delay().toNanos());
      broadcast(start);
      asyncRunning = true;
      if (schedule.steps().size() > 1 && annealer == null) {
        annealer = context.spawn(Annealer.create(schedule, dynamics.sweepTime(), neurons), "annealer");
      }
    }
    int wait = job.sample ? job.burnIn : Math.max(job.burnIn, 1);
    job.burnIn = 0;
    tag++;
    timers.startSingleTimer(new SweepsElapsed(tag), dynamics.sweepTime().multipliedBy(wait));
    return runningAsync();
  }

  private Behavior<Command> onSweepsElapsed(SweepsElapsed m) {
    if (m.tag() != tag) return Behaviors.same();
    takeSnapshot();
    return Behaviors.same();
  }

  private void takeSnapshot() {
    tag++;
    context.spawnAnonymous(Snapshot.create(neurons, context.getSelf(), dynamics.stepTimeout(), tag));
  }

  private Behavior<Command> onSnapshot(SnapshotTaken m) {
    if (m.tag() != tag || job == null) return Behaviors.same();
    if (job.name.equals("count")) {
      job.replyTo.tell(new Counted(m.updates(), m.informed(), m.updates() + m.sent()));
      job = null;
      return backToIdle();
    }
    System.arraycopy(m.state(), 0, state, 0, n);
    if (job.sample) {
      finish();
      return backToIdle();
    }
    measure(state);
    if (--job.measure > 0) {
      tag++;
      timers.startSingleTimer(new SweepsElapsed(tag), dynamics.sweepTime());
      return Behaviors.same();
    }
    // a learning phase ends with the neurons paused, so the next phase can clamp behind a barrier
    broadcast(new Neuron.Pause());
    asyncRunning = false;
    finish();
    return backToIdle();
  }

  private void broadcast(Neuron.Command m) {
    for (ActorRef<Neuron.Command> r : neurons) r.tell(m);
  }
}
