package io.glauber.engine.actor.neuron;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import io.glauber.engine.actor.Dynamics;
import io.glauber.engine.actor.JsonMessage;
import io.glauber.engine.actor.Mode;
import io.glauber.learn.TwoPhaseSettings;
import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Schedule;
import io.glauber.model.Statistics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Runs the phases of the two-phase learning algorithm of Ackley, Hinton and Sejnowski (1985; seed
 * 003, "Training the Boltzmann Machine"; {@link TwoPhaseSettings}) on neuron actors, and answers
 * each with the phase's ⟨s_i⟩ and ⟨s_i s_j⟩ (layout of {@link io.glauber.model.Couplings#pairs()}).
 * The learning step is not here: {@code learn.TwoPhaseLearning} applies the shared rule to what the
 * phases return ({@link NeuronPhases}).
 *
 * <p>Its networks ({@link Network}, exact mode: colour classes behind barriers, one time unit = one
 * sweep) are spawned once, for the whole run, and get new weights by {@link Network.SetParameters}
 * when a phase brings parameters that differ from the last ones sent:
 *
 * <ul>
 *   <li>{@code networks} clamping networks: the clamped phase's chains (one per noisy training
 *       vector) are dealt out to them in turn; each network takes its requests in order;</li>
 *   <li>{@code freeChains} free networks, one per free chain.</li>
 * </ul>
 *
 * A chain that starts from random states runs one sweep at T = ∞ first — the Glauber rule then
 * sets every free unit by a fair coin ({@link io.glauber.model.Glauber#pOn}), a uniform random
 * state of the units not clamped — and then the settings' schedule: its networks are created with
 * the schedule [1@∞] + schedule, so the temperature of every barrier step comes with the step
 * itself ({@link Neuron.Update}); the burn-in of a phase is the schedule's length, the measurement
 * the {@code window} sweeps after it, at the last temperature. Persistent free chains skip the
 * coin-flip sweep and anneal again from wherever the last phase left them. Clamped chains always
 * restart their hidden units.
 *
 * <p>Async mode ({@link Mode#ASYNC}): the same requests, but every neuron runs on its own clock, a
 * time unit is {@link Dynamics#sweepTime()} of wall-clock time, the {@link Annealer} steps the
 * temperature along the same schedule (a fresh one each time the network's clocks start, i.e. each
 * phase), and the measured states are {@link Snapshot}s one time unit apart; the network pauses its
 * neurons at the end of each phase, so the next can clamp behind a barrier.
 *
 * <p>A phase's answer is the exact ratio of its moments' sums to their count over all chains
 * ({@link #pooled}), whatever order the chains answer in, so that a run is repeated exactly from its
 * seed. Every chain is
 * one ask ({@code context.ask}) with the phase's deadline; a chain that fails or misses it fails the
 * phase with {@link Failed} naming it, and the supervisor stops (its networks stop with it).
 *
 * <p>Behaviours: {@link #idle()} and {@link #measuring}; {@link Stop} in either; a {@link Measure}
 * that arrives during a phase is refused.
 */
public final class PhaseSupervisor {

  /** The protocol. */
  public sealed interface Command {}

  /**
   * Run one phase with these parameters (pair weights in the order of Couplings.pairs(), biases):
   * clamped, one chain per row of {@code clamps} (the visible values, noise already applied), or,
   * when {@code clamps} is null, free; reply {@link Measured} or {@link Failed}. With {@code
   * redraws} (clamped phases in exact mode; null: each clamp holds for its chain's phase), chain c
   * is clamped again before every sweep after its first, to the rows of {@code redraws[c]}
   * ({@link Network.RunPhase}).
   */
  public record Measure(double[] pairWeights, double[] bias, double[][] clamps, double[][][] redraws, ActorRef<Reply> replyTo)
      implements Command, JsonMessage {}

  /** Stop the supervisor and its networks. */
  public record Stop() implements Command, JsonMessage {}

  /** A chain's answer (or the failure of its ask), through {@code context.ask}. */
  private record ChainDone(int chain, Network.Reply reply, String failure) implements Command {}

  /** Replies. */
  public sealed interface Reply {}

  /** The phase's statistics. */
  public record Measured(Statistics statistics) implements Reply, JsonMessage {}

  /** The phase failed or was refused; the reason names the chain. */
  public record Failed(String reason) implements Reply, JsonMessage {}

  /**
   * How to run the phases.
   *
   * @param phases the algorithm's settings (schedule, window, persistence, free chains)
   * @param dynamics the networks' dynamics: exact or async mode
   * @param networks clamping networks, ≥ 1 (the clamped phase's parallelism)
   * @param phaseTimeout deadline of one phase
   */
  public record Settings(TwoPhaseSettings phases, Dynamics dynamics, int networks, Duration phaseTimeout) {
    public Settings {
      if (phases == null || dynamics == null) throw new IllegalArgumentException("phase settings and dynamics are required");
      if (dynamics.mode() != Mode.EXACT && dynamics.mode() != Mode.ASYNC) {
        throw new IllegalArgumentException("actor mode " + dynamics.mode().name().toLowerCase(java.util.Locale.ROOT)
            + " for two-phase learning (expected exact or async)");
      }
      if (networks < 1) throw new IllegalArgumentException("clamping networks " + networks + " (expected ≥ 1)");
      if (phaseTimeout == null || phaseTimeout.isNegative() || phaseTimeout.isZero()) {
        throw new IllegalArgumentException("phase timeout " + phaseTimeout + " (expected > 0)");
      }
    }
  }

  /**
   * How the supervisor gets each of its networks: a behaviour answering {@link Network}'s protocol
   * for {@code machine} along {@code schedule}, from uniform random states, its neurons seeded from
   * {@code seed}. {@link #LOCAL} spawns the neurons in this JVM; a cluster's network places them
   * over its members (engine.actor.cluster), the same neurons and coordinator code.
   */
  @FunctionalInterface
  public interface Networks {
    Behavior<Network.Command> create(BoltzmannMachine machine, Dynamics dynamics, Schedule schedule, long seed);

    /** Every network's neurons in this JVM ({@link Network#create}). */
    Networks LOCAL = (machine, dynamics, schedule, seed) -> Network.create(machine, dynamics, schedule, null, seed);
  }

  /** A phase in progress: who asked, which networks run which chains, the chains' answers so far. */
  private record Phase(ActorRef<Reply> replyTo, String name, Statistics[] chains, int[] pending) {}

  private final ActorContext<Command> context;
  private final Settings settings;
  private final int nVisible;
  private final int pairCount;
  private final int n;
  private final List<ActorRef<Network.Command>> clamping = new ArrayList<>();
  private final List<ActorRef<Network.Command>> free = new ArrayList<>();
  /** Burn-in sweeps of a phase on each pool: the schedule, plus the coin-flip sweep where chains restart. */
  private final int clampedBurnIn;
  private final int freeBurnIn;
  private double[] sentWeights;
  private double[] sentBias;

  /** A supervisor for the graph of {@code initial}, its networks seeded from {@code seed}. */
  public static Behavior<Command> create(BoltzmannMachine initial, Settings settings, long seed) {
    return create(initial, settings, seed, Networks.LOCAL);
  }

  /** The same with its networks built by {@code networks} (e.g. placed over a cluster's members). */
  public static Behavior<Command> create(BoltzmannMachine initial, Settings settings, long seed, Networks networks) {
    if (networks == null) throw new IllegalArgumentException("networks missing (expected e.g. Networks.LOCAL)");
    return Behaviors.setup(ctx -> new PhaseSupervisor(ctx, initial, settings, seed, networks).idle());
  }

  private PhaseSupervisor(ActorContext<Command> context, BoltzmannMachine initial, Settings settings, long seed, Networks networks) {
    this.context = context;
    this.settings = settings;
    this.nVisible = initial.nVisible();
    this.pairCount = initial.couplings().pairCount();
    this.n = initial.size();
    TwoPhaseSettings p = settings.phases();
    Schedule restart = restarting(p.schedule());
    this.clampedBurnIn = Math.toIntExact(restart.totalDuration());
    this.freeBurnIn = Math.toIntExact((p.persistent() ? p.schedule() : restart).totalDuration());
    SplittableRandom random = new SplittableRandom(seed);
    for (int k = 0; k < settings.networks(); k++) {
      clamping.add(context.spawn(networks.create(initial, settings.dynamics(), restart, random.split().nextLong()), "clamped" + k));
    }
    for (int k = 0; k < p.freeChains(); k++) {
      free.add(context.spawn(networks.create(initial, settings.dynamics(), p.persistent() ? p.schedule() : restart,
          random.split().nextLong()), "free" + k));
    }
    this.sentWeights = initial.couplings().pairWeights();
    this.sentBias = initial.bias().clone();
  }

  /** [1@∞] followed by {@code schedule}: one sweep of fair coins, a uniform random start, then the annealing. */
  static Schedule restarting(Schedule schedule) {
    List<Schedule.Step> steps = new ArrayList<>();
    steps.add(new Schedule.Step(Double.POSITIVE_INFINITY, 1));
    steps.addAll(schedule.steps());
    return new Schedule(steps);
  }

  // ---------------------------------------------------------------- states

  private Behavior<Command> idle() {
    return Behaviors.receive(Command.class)
        .onMessage(Measure.class, this::onMeasure)
        .onMessage(Stop.class, m -> Behaviors.stopped())
        .onMessage(ChainDone.class, m -> Behaviors.same()) // late answers of a failed phase
        .build();
  }

  /** A phase's chains are running; their answers are kept by chain index. */
  private Behavior<Command> measuring(Phase phase) {
    return Behaviors.receive(Command.class)
        .onMessage(ChainDone.class, m -> onChainDone(phase, m))
        .onMessage(Measure.class, m -> refuse(m.replyTo(), "a phase is in progress (" + phase.name() + "); send the next after its reply"))
        .onMessage(Stop.class, m -> {
          phase.replyTo().tell(new Failed("stopped during the " + phase.name()));
          return Behaviors.stopped();
        })
        .build();
  }

  // ---------------------------------------------------------------- transitions

  private Behavior<Command> onMeasure(Measure m) {
    if (m.pairWeights() == null || m.bias() == null || m.pairWeights().length != pairCount || m.bias().length != n) {
      return refuse(m.replyTo(), "parameters of " + (m.pairWeights() == null ? 0 : m.pairWeights().length) + " weights and "
          + (m.bias() == null ? 0 : m.bias().length) + " biases (expected " + pairCount + " and " + n + ")");
    }
    if (m.clamps() != null) {
      if (m.clamps().length == 0) return refuse(m.replyTo(), "clamped phase without vectors (expected ≥ 1)");
      for (double[] v : m.clamps()) {
        if (v == null || v.length != nVisible) {
          return refuse(m.replyTo(), "clamp vector of " + (v == null ? 0 : v.length) + " values (expected " + nVisible + " visible units)");
        }
      }
    }
    if (m.redraws() != null && (m.clamps() == null || m.redraws().length != m.clamps().length)) {
      return refuse(m.replyTo(), "redrawn clamps for " + m.redraws().length + " chains (expected one list per clamped chain, "
          + (m.clamps() == null ? 0 : m.clamps().length) + ")");
    }
    sendParametersIfNew(m.pairWeights(), m.bias());
    boolean clamped = m.clamps() != null;
    int chains = clamped ? m.clamps().length : free.size();
    Phase phase = new Phase(m.replyTo(), clamped ? "clamped phase" : "free phase", new Statistics[chains], new int[] {chains});
    int window = settings.phases().window();
    for (int c = 0; c < chains; c++) {
      ActorRef<Network.Command> net = clamped ? clamping.get(c % clamping.size()) : free.get(c);
      double[] clamp = clamped ? m.clamps()[c] : null;
      double[][] redraws = m.redraws() == null ? null : m.redraws()[c];
      int burnIn = clamped ? clampedBurnIn : freeBurnIn;
      int chain = c;
      context.ask(Network.Reply.class, net, settings.phaseTimeout(),
          replyTo -> new Network.RunPhase(clamp, redraws, burnIn, window, false, replyTo),
          (reply, failure) -> new ChainDone(chain, reply, failure == null ? null : failure.getMessage()));
    }
    return measuring(phase);
  }

  private Behavior<Command> onChainDone(Phase phase, ChainDone m) {
    if (m.failure() != null || !(m.reply() instanceof Network.PhaseDone done)) {
      String why = m.failure() != null ? m.failure()
          : m.reply() instanceof Network.Failed f ? f.reason() : "unexpected reply " + m.reply();
      String reason = phase.name() + ", chain " + m.chain() + ": " + why;
      context.getLog().debug(reason); // NeuronPhases throws it: one line for the user, not a log line beside it
      phase.replyTo().tell(new Failed(reason));
      return Behaviors.stopped();
    }
    phase.chains()[m.chain()] = done.statistics();
    if (--phase.pending()[0] > 0) return Behaviors.same();
    phase.replyTo().tell(new Measured(pooled(phase.chains())));
    return idle();
  }

  /**
   * The phase's means: every moment's sum over all chains and measured sweeps, divided by their
   * count. Unit values are integers ({0,1} or {−1,+1}), so each chain's sums are integers and
   * rint(mean × samples) gives them back exactly: the result is the exact ratio sum/count, as the
   * batched engine's, and independent of the order the chains are added in. Exactness matters to
   * the sign update: a moment whose clamped and free estimates are equal must give p⁺ − p⁻ = 0, not
   * a rounding residue of either sign (which would move the weight by ±η).
   */
  static Statistics pooled(Statistics[] chains) {
    double[] units = new double[chains[0].unitMeans().length];
    double[] pairs = new double[chains[0].pairMeans().length];
    long count = 0;
    for (Statistics c : chains) {
      count += c.samples();
      for (int i = 0; i < units.length; i++) units[i] += Math.rint(c.unitMeans()[i] * c.samples());
      for (int m = 0; m < pairs.length; m++) pairs[m] += Math.rint(c.pairMeans()[m] * c.samples());
    }
    for (int i = 0; i < units.length; i++) units[i] /= count;
    for (int m = 0; m < pairs.length; m++) pairs[m] /= count;
    return new Statistics(units, pairs, count, chains[0].phase());
  }

  /** New weights for every network, only when they differ from the last ones sent (once per cycle). */
  private void sendParametersIfNew(double[] weights, double[] bias) {
    if (Arrays.equals(weights, sentWeights) && Arrays.equals(bias, sentBias)) return;
    sentWeights = weights.clone();
    sentBias = bias.clone();
    Network.SetParameters set = new Network.SetParameters(sentWeights, sentBias);
    for (ActorRef<Network.Command> net : clamping) net.tell(set);
    for (ActorRef<Network.Command> net : free) net.tell(set);
  }

  private Behavior<Command> refuse(ActorRef<Reply> replyTo, String reason) {
    replyTo.tell(new Failed(reason));
    return Behaviors.same();
  }
}
