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
import io.glauber.engine.actor.Granularity;
import io.glauber.engine.actor.Mode;
import io.glauber.engine.actor.Partition;
import io.glauber.engine.actor.Placement;
import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Phase;
import io.glauber.model.Schedule;
import io.glauber.model.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One copy of a Boltzmann machine as {@link Patch} actors, and the coordinator that runs it. It
 * answers the neuron {@link Network}'s own requests ({@link Network.Sample}, {@link
 * Network.RunPhase}, {@link Network.SetParameters}, {@link Network.Count}, {@link
 * Network.InjectFault}, {@link Network.Stop}) with the same replies, so that {@link ActorSampler},
 * {@link BoltzmannSupervisor} and everything above them run on either granularity ({@link #of}).
 * Local learning ({@code RunPhase.local}, {@link Network.Learn}) is refused: each unit's own learner
 * lives in a neuron actor.
 *
 * <p>Exact mode: a request becomes a sweep target; every patch is told {@link Patch.Run} and runs
 * its sweeps synchronising with its neighbouring patches only (why that is an exact Gibbs sampler:
 * {@link Patch}); each reports {@link Reached} with its units' states at the target, and together
 * these are the joint state after that sweep. Burn-in sweeps run as one target; measured sweeps one
 * target each, their states summed into the phase's moments. Clamping, releasing and new
 * parameters are sent between targets, when every patch is at rest and nothing is in flight:
 * {@link Patch.Load} carries each patch's own and external states from the joint state.
 *
 * <p>Async mode: patches run on their clocks ({@link Patch.StartAsync}); samples and phase
 * statistics come from snapshots ({@link Patch.GetState}, one {@link Report} per patch: a fuzzy cut
 * at patch granularity) one sweep time apart. A phase first pauses the patches and takes a
 * snapshot, so that its clamp is loaded onto the true current state; load epochs make the boundary
 * messages still in flight from before the load harmless.
 *
 * <p>Exclusive mode: as async mode, but the patches are philosophers of the patch graph ({@link
 * Patch.StartExclusive}); a snapshot freezes every patch before reading it ({@link Patch.Freeze},
 * then {@link Patch.Thaw}), and, as {@link Network} does, a sample is taken only once the patches
 * have made sweeps · n updates since the previous one. Phases and restarts are refused (their
 * loads would race boundary values riding with forks).
 *
 * <p>No request hangs: a run target or a snapshot that makes no progress within the step timeout
 * (times the sweeps of the target) fails the request with {@link Network.Failed}, naming the silent
 * patches; the coordinator then refuses every later request with the same reason.
 *
 * <p>The coordinator is a {@code Behavior<Object>} narrowed to {@code Network.Command}: its patches'
 * replies ({@link Event}) are its own types, and {@code Network.Command} is sealed in
 * {@link Network}, which this class does not change.
 */
public final class PatchNetwork {

  /** What patches (and the coordinator's timers) tell the coordinator. */
  public sealed interface Event {}

  /** Patch {@code patch} is at sweep {@code sweep} (the target) with its own units in these states. */
  public record Reached(int patch, long sweep, double[] state) implements Event, PatchMessage {}

  /** Patch {@code patch}'s states and counters (updates, informed updates, messages) for snapshot {@code tag}. */
  public record Report(int patch, long tag, double[] state, long updates, long informed, long messages) implements Event, PatchMessage {}

  /**
   * Start again from {@code state} (all units released): what recall from many probes sends
   * between probes, so that one network serves them all instead of one spawned per probe. Answered
   * in turn like a request (no reply; the next {@link Network.Sample} runs from this state).
   */
  public record Restart(double[] state) implements PatchMessage {}

  private record Watchdog() implements Event {}

  private record SweepsElapsed() implements Event {}

  private record SnapshotDeadline(long tag) implements Event {}

  private record AnnealTick() implements Event {}

  /** A request in progress; what it asks for decides how it ends. */
  private sealed interface Job permits Sampling, Measuring, Counting {
    ActorRef<Network.Reply> replyTo();

    String name();
  }

  /** {@code minUpdates}: exclusive mode takes the state only after this many updates since the previous sample (as {@link Network}). */
  private record Sampling(ActorRef<Network.Reply> replyTo, long minUpdates) implements Job {
    @Override public String name() { return "sampling"; }
  }

  private record Measuring(double[] clamp, int burnIn, ActorRef<Network.Reply> replyTo) implements Job {
    Phase phase() { return clamp == null ? Phase.FREE : Phase.CLAMPED; }

    @Override public String name() { return clamp == null ? "free-running phase" : "clamped phase"; }
  }

  private record Counting(ActorRef<Network.Reply> replyTo) implements Job {
    @Override public String name() { return "count"; }
  }

  /** Exact mode: sweeps still to burn in and to measure; {@code measured}: the target in flight is a measured sweep. */
  private record Sweeps(Job job, int burnIn, int measure, Network.Moments moments, boolean measured) {}

  /** Async mode: snapshots still to take; {@code loading}: the snapshot in flight is a phase's paused start. */
  private record AsyncRun(Job job, int measure, Network.Moments moments, boolean loading) {}

  /** Replies a target or snapshot still waits for, and whether any came since the watchdog's last look. */
  private static final class Pending {
    final boolean[] seen;
    int left;
    boolean heard = true;

    Pending(int patches) {
      seen = new boolean[patches];
      left = patches;
    }

    /** Patch p replied; true if it was the last. */
    boolean arrived(int p) {
      heard = true;
      if (!seen[p]) {
        seen[p] = true;
        left--;
      }
      return left == 0;
    }

    boolean progressed() {
      boolean h = heard;
      heard = false;
      return h;
    }

    String silent() {
      StringBuilder b = new StringBuilder();
      for (int p = 0, shown = 0; p < seen.length && shown < 10; p++) if (!seen[p]) b.append(shown++ == 0 ? "" : ", ").append(p);
      return left + " of " + seen.length + " patches silent (first: " + b + ")";
    }
  }

  private static final String WATCHDOG = "watchdog";
  private static final String SWEEPS = "sweeps";
  private static final String SNAPSHOT = "snapshot";
  private static final String ANNEAL = "anneal";
  /**
   * Why exclusive patch actors answer samples and counts only: a phase or a restart loads new
   * states into the patches, and boundary values riding with forks from before the load would
   * overwrite them; load epochs for forks are not built yet.
   */
  private static final String EXCLUSIVE_SAMPLES_ONLY = "exclusive mode on patch actors runs samples and counts only (phases and restarts need neuron actors or exact/async mode)";

  private final ActorContext<Object> context;
  private final TimerScheduler<Object> timers;
  private final StashBuffer<Object> stash;
  private final Dynamics dynamics;
  private final Schedule schedule;
  private final Partition partition;
  private final int n;
  private final int[] pairs;
  private final List<ActorRef<Patch.Command>> patches = new ArrayList<>();
  private BoltzmannMachine machine;
  private PatchSpec.Builder layout;
  /** The joint state as last heard (targets reached, snapshots). */
  private final double[] state;
  /** Exact mode: the sweep every patch is at (between requests) or heading for. */
  private long target;
  /** The sweep the schedule's clock counts from (the start of the last phase). */
  private long origin;
  private int epoch;
  private long snapshots;
  private boolean clocksRunning;
  private boolean annealing;
  private long annealClock;
  /** Exclusive mode: all patches' updates when the previous sample was taken (samples are spaced by this count). */
  private long sampledUpdates;

  /**
   * The network of a patch granularity, or the neuron {@link Network} for neuron granularity, as
   * {@link Network#create} takes them; patches from {@link Partition#grow}.
   */
  public static Behavior<Network.Command> of(Granularity g, BoltzmannMachine machine, Dynamics dynamics, Schedule schedule, double[] initial, long seed) {
    return switch (g.kind()) {
      case NEURON -> Network.create(machine, dynamics, schedule, initial, seed);
      case PATCH -> create(machine, dynamics, schedule, initial, seed, Partition.grow(machine.couplings(), g.patchSize()));
      case LAYER -> throw new IllegalArgumentException("layer actors run RBMs (block Gibbs); a Boltzmann machine runs on neuron or patch actors");
    };
  }

  /**
   * A network of patch actors for {@code machine} cut by {@code partition}, at the machine's
   * temperature or along {@code schedule} (null: constant), from {@code initial} (null: uniform
   * random), patches seeded by splitting {@code seed}.
   */
  public static Behavior<Network.Command> create(BoltzmannMachine machine, Dynamics dynamics, Schedule schedule, double[] initial, long seed,
      Partition partition) {
    return create(machine, dynamics, schedule, initial, seed, partition, null);
  }

  /**
   * The coordinator of patches already spawned elsewhere — on the members of a cluster, from
   * {@link #patches} with the same arguments — instead of spawning its own: {@code placed.get(p)}
   * is patch p (null: spawn them here, as {@link #create(BoltzmannMachine, Dynamics, Schedule,
   * double[], long, Partition)} does). Everything else is the same code in one JVM and in many.
   */
  public static Behavior<Network.Command> create(BoltzmannMachine machine, Dynamics dynamics, Schedule schedule, double[] initial, long seed,
      Partition partition, List<ActorRef<Patch.Command>> placed) {
    Granularity.patches(partition.count()).requireSupports(dynamics.mode()); // the samplers refuse it first; direct callers too
    if (placed != null && placed.size() != partition.count()) {
      throw new IllegalArgumentException(placed.size() + " placed patches (expected " + partition.count() + ")");
    }
    Behavior<Object> b = Behaviors.withStash(100_000, stash -> Behaviors.setup(ctx -> Behaviors.withTimers(timers ->
        new PatchNetwork(ctx, timers, stash, machine, dynamics, schedule, initial, seed, partition, placed).idle())));
    return b.narrow();
  }

  /**
   * The behaviours of patches {@code which} (ascending) of the network that {@link #create} builds
   * from the same arguments — the same specs and the same random sources — for a cluster member
   * to spawn; the coordinator then takes their refs ({@code placed}).
   */
  public static List<Behavior<Patch.Command>> patches(BoltzmannMachine machine, Schedule schedule, double[] initial, long seed,
      Partition partition, int[] which) {
    Schedule sched = schedule != null ? schedule : Schedule.constant(machine.temperature(), 1);
    SplittableRandom random = new SplittableRandom(seed);
    double[] s = startState(machine, initial, random);
    PatchSpec.Builder layout = new PatchSpec.Builder(machine, partition);
    List<Behavior<Patch.Command>> out = new ArrayList<>(which.length);
    for (int p = 0, k = 0; k < which.length; p++) {
      if (p >= partition.count() || (k > 0 && which[k] <= which[k - 1])) {
        throw new IllegalArgumentException("patch " + which[k] + " (expected ascending patches below " + partition.count() + ")");
      }
      SplittableRandom r = random.split(); // patch p's source, drawn in the coordinator's order
      if (which[k] == p) out.add(Patch.create(layout.spec(which[k++], s, sched, r)));
    }
    return out;
  }

  /** The starting joint state: {@code initial} (checked), or uniform random from the run's first split. */
  private static double[] startState(BoltzmannMachine machine, double[] initial, SplittableRandom random) {
    int n = machine.size();
    if (initial != null && initial.length != n) throw new IllegalArgumentException("initial state of " + initial.length + " units (expected " + n + ")");
    double[] s = initial != null ? initial.clone() : randomState(machine.units(), n, random.split());
    for (int i = 0; i < n; i++) {
      if (!machine.units().admits(s[i])) throw new IllegalArgumentException("initial state " + s[i] + " of unit " + i + " (expected a " + machine.units() + " value)");
    }
    return s;
  }

  private PatchNetwork(ActorContext<Object> context, TimerScheduler<Object> timers, StashBuffer<Object> stash, BoltzmannMachine machine,
      Dynamics dynamics, Schedule schedule, double[] initial, long seed, Partition partition, List<ActorRef<Patch.Command>> placed) {
    this.context = context;
    this.timers = timers;
    this.stash = stash;
    this.machine = machine;
    this.dynamics = dynamics;
    this.schedule = schedule != null ? schedule : Schedule.constant(machine.temperature(), 1);
    this.partition = partition;
    this.n = machine.size();
    this.pairs = machine.couplings().pairs();
    this.layout = new PatchSpec.Builder(machine, partition);
    SplittableRandom random = new SplittableRandom(seed);
    this.state = startState(machine, initial, random);
    Props props = ActorConfig.neuronProps(dynamics);
    int count = partition.count();
    if (placed != null) patches.addAll(placed);
    for (int p = 0; p < count && placed == null; p++) {
      ActorRef<Patch.Command> ref = context.spawn(Patch.create(layout.spec(p, state, this.schedule, random.split())), "p" + p, props);
      Placement.place(ref, p, count);
      patches.add(ref);
    }
    ActorRef<Event> self = context.getSelf().narrow();
    for (int p = 0; p < count; p++) {
      List<ActorRef<Patch.Command>> nb = new ArrayList<>();
      for (int q : layout.graph[p]) nb.add(patches.get(q));
      patches.get(p).tell(new Patch.Wire(nb, self));
    }
  }

  private static double[] randomState(Units units, int n, SplittableRandom r) {
    double[] s = new double[n];
    for (int i = 0; i < n; i++) s[i] = units.value(r.nextBoolean());
    return s;
  }

  // ---------------------------------------------------------------- idle, busy, broken

  private Behavior<Object> idle() {
    return Behaviors.receive(Object.class)
        .onMessage(Network.Sample.class, this::onSample)
        .onMessage(Network.RunPhase.class, this::onRunPhase)
        .onMessage(Network.Count.class, this::onCount)
        .onMessage(Network.Learn.class, m -> refuse(m.replyTo(), "local learning needs neuron actors (each unit its own learner); patch actors learn through the supervisor"))
        .onMessage(Network.SetParameters.class, this::onSetParameters)
        .onMessage(Restart.class, this::onRestart)
        .onMessage(Network.InjectFault.class, this::onInjectFault)
        .onMessage(AnnealTick.class, this::onAnneal)
        .onMessage(Network.Stop.class, m -> Behaviors.stopped())
        .onAnyMessage(m -> Behaviors.same()) // EndPhase (local learning only), stale replies and timers
        .build();
  }

  private BehaviorBuilder<Object> busy() {
    return Behaviors.receive(Object.class)
        .onMessage(Network.Request.class, m -> {
          stash.stash(m);
          return Behaviors.same();
        })
        .onMessage(Restart.class, m -> {
          stash.stash(m);
          return Behaviors.same();
        })
        .onMessage(Network.InjectFault.class, this::onInjectFault)
        .onMessage(AnnealTick.class, this::onAnneal)
        .onMessage(Network.Stop.class, m -> Behaviors.stopped());
  }

  private Behavior<Object> backToIdle() {
    return stash.unstashAll(idle());
  }

  private Behavior<Object> broken(String reason) {
    return Behaviors.receive(Object.class)
        .onMessage(Network.Sample.class, m -> refuse(m.replyTo(), reason))
        .onMessage(Network.RunPhase.class, m -> refuse(m.replyTo(), reason))
        .onMessage(Network.Count.class, m -> refuse(m.replyTo(), reason))
        .onMessage(Network.Learn.class, m -> refuse(m.replyTo(), reason))
        .onMessage(Network.Stop.class, m -> Behaviors.stopped())
        .onAnyMessage(m -> Behaviors.same())
        .build();
  }

  private Behavior<Object> refuse(ActorRef<Network.Reply> replyTo, String reason) {
    replyTo.tell(new Network.Failed(reason));
    return Behaviors.same();
  }

  private Behavior<Object> fail(Job job, String reason) {
    timers.cancelAll();
    job.replyTo().tell(new Network.Failed(reason));
    context.getLog().error(reason);
    return stash.unstashAll(broken(reason));
  }

  // ---------------------------------------------------------------- requests

  private Behavior<Object> onSample(Network.Sample m) {
    if (m.sweeps() < 1) return refuse(m.replyTo(), "sample after " + m.sweeps() + " sweeps (expected ≥ 1)");
    Sampling job = new Sampling(m.replyTo(), dynamics.mode() == Mode.EXCLUSIVE ? (long) m.sweeps() * n : 0);
    if (dynamics.mode() == Mode.EXACT) return step(new Sweeps(job, m.sweeps(), 0, null, false));
    return runAsync(new AsyncRun(job, 1, null, false), m.sweeps());
  }

  private Behavior<Object> onRunPhase(Network.RunPhase m) {
    if (m.sweeps() < 1 || m.burnIn() < 0) {
      return refuse(m.replyTo(), "phase of " + m.burnIn() + " burn-in and " + m.sweeps() + " measured sweeps (expected ≥ 0 and ≥ 1)");
    }
    if (m.clamp() != null && m.clamp().length != machine.nVisible()) {
      return refuse(m.replyTo(), "clamp vector of " + m.clamp().length + " values (expected " + machine.nVisible() + " visible units)");
    }
    if (dynamics.mode() == Mode.EXCLUSIVE) return refuse(m.replyTo(), EXCLUSIVE_SAMPLES_ONLY);
    if (m.redraws() != null) return refuse(m.replyTo(), "clamps redrawn every sweep need neuron actors (patch actors clamp once per phase)");
    if (m.local()) return refuse(m.replyTo(), "local learning needs neuron actors (each unit its own learner); patch actors learn through the supervisor");
    Measuring job = new Measuring(m.clamp(), m.burnIn(), m.replyTo());
    Network.Moments moments = new Network.Moments(n, pairs.length / 2);
    if (dynamics.mode() == Mode.EXACT) {
      origin = target;
      load(job.clamp());
      return step(new Sweeps(job, m.burnIn(), m.sweeps(), moments, false));
    }
    // async: stop the clocks and read where every unit is, then load the clamp onto that state
    pause();
    return snapshot(new AsyncRun(job, m.sweeps(), moments, true));
  }

  private Behavior<Object> onCount(Network.Count m) {
    if (dynamics.mode() == Mode.EXACT) return refuse(m.replyTo(), "counters are kept in async and exclusive modes only");
    return snapshot(new AsyncRun(new Counting(m.replyTo()), 1, null, false));
  }

  private Behavior<Object> onSetParameters(Network.SetParameters m) {
    if (m.pairWeights().length != pairs.length / 2 || m.bias().length != n) {
      throw new IllegalArgumentException("parameters of " + m.pairWeights().length + " weights and " + m.bias().length
          + " biases (expected " + pairs.length / 2 + " and " + n + ")");
    }
    machine = machine.withParameters(m.pairWeights(), m.bias());
    layout = new PatchSpec.Builder(machine, partition);
    for (int p = 0; p < patches.size(); p++) {
      PatchSpec spec = layout.spec(p, state, schedule, null);
      patches.get(p).tell(new Patch.SetWeights(spec.bias, spec.inW, spec.exW));
    }
    return Behaviors.same();
  }

  private Behavior<Object> onRestart(Restart m) {
    if (dynamics.mode() == Mode.EXCLUSIVE) {
      context.getLog().error("restart: " + EXCLUSIVE_SAMPLES_ONLY);
      return broken("restart: " + EXCLUSIVE_SAMPLES_ONLY); // no reply to give: the next request fails with the reason
    }
    if (m.state().length != n) throw new IllegalArgumentException("restart state of " + m.state().length + " units (expected " + n + ")");
    for (int i = 0; i < n; i++) {
      if (!machine.units().admits(m.state()[i])) throw new IllegalArgumentException("restart state " + m.state()[i] + " of unit " + i + " (expected a " + machine.units() + " value)");
    }
    pause();
    System.arraycopy(m.state(), 0, state, 0, n);
    origin = target;
    load(null);
    return Behaviors.same();
  }

  private Behavior<Object> onInjectFault(Network.InjectFault m) {
    patches.get(partition.patchOf()[m.id()]).tell(new Patch.FailNext());
    return Behaviors.same();
  }

  /** Clamps the visible units to {@code clamp} (null: releases them) in the joint state and loads it into every patch. */
  private void load(double[] clamp) {
    Units units = machine.units();
    if (clamp != null) for (int i = 0; i < machine.nVisible(); i++) state[i] = units.value(clamp[i] == units.high());
    int clampedBelow = clamp == null ? 0 : machine.nVisible();
    epoch++;
    for (int p = 0; p < patches.size(); p++) {
      int[] own = partition.members()[p];
      int[] ext = layout.extIds[p];
      double[] o = new double[own.length];
      double[] x = new double[ext.length];
      for (int a = 0; a < own.length; a++) o[a] = state[own[a]];
      for (int a = 0; a < ext.length; a++) x[a] = state[ext[a]];
      patches.get(p).tell(new Patch.Load(epoch, o, x, clampedBelow));
    }
  }

  // ---------------------------------------------------------------- exact mode

  /** The next target of a request: its burn-in in one, then each measured sweep, then the reply. */
  private Behavior<Object> step(Sweeps run) {
    if (run.burnIn() > 0) return runTo(new Sweeps(run.job(), 0, run.measure(), run.moments(), false), run.burnIn());
    if (run.measure() > 0) return runTo(new Sweeps(run.job(), 0, run.measure() - 1, run.moments(), true), 1);
    return finish(run.job(), run.moments());
  }

  private Behavior<Object> runTo(Sweeps next, int sweeps) {
    target += sweeps;
    Patch.Run run = new Patch.Run(target, origin);
    for (ActorRef<Patch.Command> p : patches) p.tell(run);
    timers.startTimerWithFixedDelay(WATCHDOG, new Watchdog(), dynamics.stepTimeout().multipliedBy(sweeps));
    return running(next, new Pending(patches.size()));
  }

  /** Every patch runs towards the target; each reports its states when it is there. */
  private Behavior<Object> running(Sweeps next, Pending pending) {
    return busy()
        .onMessage(Reached.class, r -> {
          if (r.sweep() != target) return Behaviors.same();
          int[] own = partition.members()[r.patch()];
          for (int a = 0; a < own.length; a++) state[own[a]] = r.state()[a];
          if (!pending.arrived(r.patch())) return Behaviors.same();
          timers.cancel(WATCHDOG);
          if (next.measured()) next.moments().add(state, pairs);
          return step(next);
        })
        .onMessage(Watchdog.class, w -> pending.progressed() ? Behaviors.same()
            : fail(next.job(), next.job().name() + ": sweep " + target + " not reached within " + dynamics.stepTimeout() + " per sweep; " + pending.silent()))
        .build();
  }

  private Behavior<Object> finish(Job job, Network.Moments moments) {
    if (job instanceof Sampling) {
      int[] out = new int[n];
      for (int i = 0; i < n; i++) out[i] = (int) state[i];
      job.replyTo().tell(new Network.Sampled(out));
    } else if (job instanceof Measuring p) {
      job.replyTo().tell(new Network.PhaseDone(moments.mean(p.phase())));
    }
    return backToIdle();
  }

  // ---------------------------------------------------------------- async mode

  private Behavior<Object> runAsync(AsyncRun run, int sweeps) {
    startClocks();
    timers.startSingleTimer(SWEEPS, new SweepsElapsed(), dynamics.sweepTime().multipliedBy(sweeps));
    return busy().onMessage(SweepsElapsed.class, e -> snapshot(run)).build();
  }

  private void startClocks() {
    if (clocksRunning) return;
    if (!dynamics.timing().equals(io.glauber.engine.actor.Timing.DEFAULT)) {
      Patch.SetTiming shapes = new Patch.SetTiming(dynamics.timing()); // delay and clock shapes (Patch.SetTiming)
      for (ActorRef<Patch.Command> p : patches) p.tell(shapes);
    }
    double t = schedule.temperatureAt(annealClock);
    Patch.Command start = dynamics.mode() == Mode.EXCLUSIVE
        ? new Patch.StartExclusive(t, dynamics.meanInterval().toNanos(), dynamics.delay().toNanos())
        : new Patch.StartAsync(t, dynamics.meanInterval().toNanos(), dynamics.delay().toNanos());
    for (ActorRef<Patch.Command> p : patches) p.tell(start);
    clocksRunning = true;
    if (schedule.steps().size() > 1 && !annealing) {
      annealing = true;
      timers.startTimerAtFixedRate(ANNEAL, new AnnealTick(), dynamics.sweepTime());
    }
  }

  /** Async annealing: the schedule counts sweep times from the first start; each change of T is broadcast. */
  private Behavior<Object> onAnneal(AnnealTick t) {
    double before = schedule.temperatureAt(annealClock);
    double after = schedule.temperatureAt(++annealClock);
    if (after != before) {
      Patch.SetTemperature set = new Patch.SetTemperature(after);
      for (ActorRef<Patch.Command> p : patches) p.tell(set);
    }
    return Behaviors.same();
  }

  private void thaw() {
    Patch.Thaw thaw = new Patch.Thaw();
    for (ActorRef<Patch.Command> p : patches) p.tell(thaw);
  }

  private void pause() {
    if (!clocksRunning) return;
    Patch.Pause pause = new Patch.Pause();
    for (ActorRef<Patch.Command> p : patches) p.tell(pause);
    clocksRunning = false;
  }

  private Behavior<Object> snapshot(AsyncRun run) {
    long tag = ++snapshots;
    // exclusive mode: every patch freezes before it reports, so the reports are one state of the chain (Patch.Freeze)
    Patch.Command ask = dynamics.mode() == Mode.EXCLUSIVE ? new Patch.Freeze(tag) : new Patch.GetState(tag);
    for (ActorRef<Patch.Command> p : patches) p.tell(ask);
    timers.startSingleTimer(SNAPSHOT, new SnapshotDeadline(tag), dynamics.stepTimeout());
    long[] totals = new long[3];
    Pending pending = new Pending(patches.size());
    return busy()
        .onMessage(Report.class, r -> {
          if (r.tag() != tag || pending.seen[r.patch()]) return Behaviors.same();
          int[] own = partition.members()[r.patch()];
          for (int a = 0; a < own.length; a++) state[own[a]] = r.state()[a];
          totals[0] += r.updates();
          totals[1] += r.informed();
          totals[2] += r.messages();
          if (!pending.arrived(r.patch())) return Behaviors.same();
          timers.cancel(SNAPSHOT);
          return snapshotTaken(run, totals);
        })
        .onMessage(SnapshotDeadline.class, d -> d.tag() != tag ? Behaviors.same()
            : fail(run.job(), "snapshot: " + pending.silent() + " after " + dynamics.stepTimeout()))
        .build();
  }

  private Behavior<Object> snapshotTaken(AsyncRun run, long[] totals) {
    boolean frozen = dynamics.mode() == Mode.EXCLUSIVE;
    if (frozen) thaw(); // the state is read; the chain goes on (nothing here loads into the patches)
    if (run.job() instanceof Sampling job && frozen) {
      long made = totals[0] - sampledUpdates;
      if (made < job.minUpdates()) {
        // as Network: too few updates since the previous sample — look again a sweep time per
        // missing sweep later; the count depends on clocks and fork passing, never on the states
        long missing = job.minUpdates() - made;
        return runAsync(run, (int) Math.min(Integer.MAX_VALUE, (missing + n - 1) / n));
      }
      sampledUpdates = totals[0];
    }
    if (run.job() instanceof Counting) {
      run.job().replyTo().tell(new Network.Counted(totals[0], totals[1], totals[2]));
      return backToIdle();
    }
    if (run.job() instanceof Measuring p) {
      if (run.loading()) {
        load(p.clamp());
        return runAsync(new AsyncRun(p, run.measure(), run.moments(), false), Math.max(p.burnIn(), 1));
      }
      run.moments().add(state, pairs);
      if (run.measure() > 1) return runAsync(new AsyncRun(p, run.measure() - 1, run.moments(), false), 1);
      pause(); // a learning phase ends with the patches paused, as the neuron network's does
    }
    return finish(run.job(), run.moments());
  }
}
