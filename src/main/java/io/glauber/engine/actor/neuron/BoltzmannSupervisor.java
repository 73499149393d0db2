package io.glauber.engine.actor.neuron;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.BehaviorBuilder;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.TimerScheduler;
import io.glauber.engine.actor.Dynamics;
import io.glauber.engine.actor.Granularity;
import io.glauber.engine.actor.JsonMessage;
import io.glauber.engine.actor.Mode;
import io.glauber.learn.Learner;
import io.glauber.learn.LearningRule;
import io.glauber.model.Phase;
import io.glauber.model.Statistics;
import io.glauber.model.BoltzmannMachine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.SplittableRandom;

/**
 * Boltzmann learning with neuron actors (Ackley, Hinton and Sejnowski 1985; seeds 001–002): for
 * each mini-batch, a {@link #clamped} phase (visible units clamped to each data vector, hidden
 * units settle for a burn-in, then ⟨s_i⟩₊ and ⟨s_i s_j⟩₊ are measured), a {@link #freeRunning}
 * phase (all units released, burn-in, ⟨·⟩₋ measured), then one step of the shared {@link Learner}
 * and the new weights sent out to every copy ({@link Network.SetParameters} → {@link
 * Neuron.UpdateWeights}).
 *
 * <p>Which statistics: averages over consistent snapshots — in exact mode the joint state between
 * two barrier sweeps (which the barrier replies deliver for free), in async mode snapshots gathered
 * by {@link Snapshot}. Not time averages of reported changes: those would need every state change
 * to be reported to the supervisor (n× the engine's messages, the supervisor a bottleneck), and
 * in async mode a time average of products s_i s_j seen by one observer mixes values of different
 * ages. Snapshots cost n messages per measured sweep and give exactly the estimator the learning
 * rule asks for.
 *
 * <p>Mini-batches run on {@code copies} networks in parallel: data vector k goes to copy k mod
 * copies, each copy contributes one free-phase chain; the chains persist from batch to batch
 * (persistent contrastive divergence in spirit). With {@code local} learning the supervisor
 * collects nothing: one copy runs the phases with every neuron accumulating its own co-activations
 * ({@link Neuron}), the supervisor signals the phase ends and the learning step, and reports the
 * weights it reads back, with the largest asymmetry |w_ij − w_ji|.
 *
 * <p>Every phase has a deadline ({@code phaseTimeout}); a phase that misses it ends the batch with
 * {@link Failed} naming the phase and how many replies were missing, and the supervisor stops.
 *
 * <p>One behaviour per state — {@link #idle()}, {@link #clamped}, {@link #freeRunning},
 * {@link #learningLocally} — each given the batch's progress as a record. Every state answers
 * {@link Stop} (a batch in progress is answered {@link Failed}, then the supervisor and its
 * networks stop) and {@link InjectFault}; a {@link TrainBatch} that arrives while a batch runs is
 * refused at once with {@link Failed} (one batch at a time: {@link ActorTrainer#flow} asks with
 * parallelism 1, so only a second client can get there), and replies of a finished batch or stale
 * deadlines are dropped. Network replies are matched on their sealed type; one a phase does not
 * expect fails the batch with a message naming it.
 */
public final class BoltzmannSupervisor {

  /** The protocol. */
  public sealed interface Command {}

  /** Learn from one mini-batch of visible vectors; reply {@link BatchDone} or {@link Failed}. */
  public record TrainBatch(double[][] batch, ActorRef<Reply> replyTo) implements Command, JsonMessage {}

  /** Fault injection: neuron {@code neuron} of copy {@code copy} throws on its next update. */
  public record InjectFault(int copy, int neuron) implements Command, JsonMessage {}

  /** Stop the supervisor and its networks, in any state; a batch in progress is answered {@link Failed}. */
  public record Stop() implements Command, JsonMessage {}

  /** A reply of a network, through the message adapter (never sent by anyone). */
  private record FromNetwork(Network.Reply reply) implements Command {}

  /** Timer: phase {@code phase}'s deadline has passed. */
  private record PhaseDeadline(long phase) implements Command {}

  /** Replies. */
  public sealed interface Reply {}

  /** The parameters after the batch's learning step (pair weights in the order of Couplings.pairs()). */
  public record BatchDone(double[] pairWeights, double[] bias, double maxAsymmetry) implements Reply, JsonMessage {}

  /** The batch failed or was refused; the reason names the phase. */
  public record Failed(String reason) implements Reply, JsonMessage {}

  /**
   * How to learn.
   *
   * @param rule the shared learning rule's settings
   * @param dynamics mode and knobs of the networks
   * @param burnIn sweeps before measuring, each phase
   * @param sweeps measured sweeps, each phase
   * @param copies networks run in parallel (1 with local learning)
   * @param local each neuron learns from its own co-activations (exact mode)
   * @param phaseTimeout deadline of one phase
   */
  public record Settings(LearningRule rule, Dynamics dynamics, int burnIn, int sweeps, int copies, boolean local, Duration phaseTimeout) {
    public Settings {
      if (rule == null || dynamics == null) throw new IllegalArgumentException("rule and dynamics are required");
      if (burnIn < 0 || sweeps < 1) throw new IllegalArgumentException("burn-in " + burnIn + ", sweeps " + sweeps + " (expected ≥ 0 and ≥ 1)");
      if (copies < 1) throw new IllegalArgumentException("copies " + copies + " (expected ≥ 1)");
      if (local && copies != 1) throw new IllegalArgumentException("local learning with " + copies + " copies (expected 1: each neuron learns in place)");
      if (local && dynamics.mode() != Mode.EXACT) throw new IllegalArgumentException("local learning needs exact mode");
    }
  }

  /** A batch in progress: who asked, and which phase deadline is armed. */
  private record Batch(ActorRef<Reply> replyTo, long phase) {}

  private static final String DEADLINE = "phase";

  private final ActorContext<Command> context;
  private final TimerScheduler<Command> timers;
  private final Settings settings;
  private final int nVisible;
  /** The model being learned: updated in place by the learning step, copied into every reply. */
  private final double[] weights;
  private final double[] bias;
  private final Learner learner;
  private final List<ActorRef<Network.Command>> copies = new ArrayList<>();
  private final ActorRef<Network.Reply> replies;
  /** Phases begun so far: a deadline of an older phase is stale. */
  private long phases;

  /** A supervisor training {@code initial} from {@code seed}. */
  public static Behavior<Command> create(BoltzmannMachine initial, Settings settings, long seed) {
    return create(initial, settings, seed, Granularity.NEURON);
  }

  /** A supervisor whose copies run on {@code granularity}'s actors (neuron or patch: {@link PatchNetwork#of}). */
  public static Behavior<Command> create(BoltzmannMachine initial, Settings settings, long seed, Granularity granularity) {
    granularity.requireLoads(settings.dynamics().mode()); // phases load clamps: refused up front, not per request
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> new BoltzmannSupervisor(ctx, timers, initial, settings, seed, granularity).idle()));
  }

  private BoltzmannSupervisor(ActorContext<Command> context, TimerScheduler<Command> timers, BoltzmannMachine initial, Settings settings, long seed,
      Granularity granularity) {
    this.context = context;
    this.timers = timers;
    this.settings = settings;
    this.nVisible = initial.nVisible();
    this.weights = initial.couplings().pairWeights();
    this.bias = initial.bias().clone();
    this.learner = new Learner(settings.rule(), weights.length, bias.length, nVisible, initial.nHidden());
    this.replies = context.messageAdapter(Network.Reply.class, FromNetwork::new);
    SplittableRandom random = new SplittableRandom(seed);
    for (int c = 0; c < settings.copies(); c++) {
      copies.add(context.spawn(PatchNetwork.of(granularity, initial, settings.dynamics(), null, null, random.split().nextLong()), "copy" + c));
    }
  }

  // ---------------------------------------------------------------- states

  /** Waiting for a mini-batch; late replies of a failed phase and stale deadlines are dropped. */
  private Behavior<Command> idle() {
    return Behaviors.receive(Command.class)
        .onMessage(TrainBatch.class, this::onTrainBatch)
        .onMessage(InjectFault.class, this::onInjectFault)
        .onMessage(Stop.class, m -> Behaviors.stopped())
        .onMessage(FromNetwork.class, m -> Behaviors.same())
        .onMessage(PhaseDeadline.class, m -> Behaviors.same())
        .build();
  }

  /** Positive phase: visible units clamped to the batch's vectors; waiting for their statistics. */
  private Behavior<Command> clamped(Batch batch, int expected, List<Statistics> got) {
    return collecting(batch, "clamped phase", expected, "data vectors", got, positive -> startFreeRunning(batch, positive));
  }

  /** Negative phase: all units free on every copy; then the learning step. */
  private Behavior<Command> freeRunning(Batch batch, Statistics positive, List<Statistics> got) {
    return collecting(batch, "free-running phase", copies.size(), "copies", got, negative -> learn(batch, positive, negative));
  }

  /** A phase's replies: {@code expected} statistics, averaged and handed to {@code then} when all are in. */
  private Behavior<Command> collecting(Batch batch, String state, int expected, String what, List<Statistics> got,
      Function<Statistics, Behavior<Command>> then) {
    return whileBusy(batch, state)
        .onMessage(FromNetwork.class, m -> {
          if (!(m.reply() instanceof Network.PhaseDone done)) return unexpected(batch, state, m.reply());
          got.add(done.statistics());
          return got.size() < expected ? Behaviors.same() : then.apply(Statistics.average(got));
        })
        .onMessage(PhaseDeadline.class, m -> m.phase() != batch.phase() ? Behaviors.same()
            : fail(batch, state + " timed out after " + settings.phaseTimeout() + ": " + (expected - got.size())
                + " of " + expected + " " + what + " unanswered"))
        .build();
  }

  /** Local learning: the neurons apply the rule; waiting for their parameters. */
  private Behavior<Command> learningLocally(Batch batch) {
    return whileBusy(batch, "local learning")
        .onMessage(FromNetwork.class, m -> m.reply() instanceof Network.Parameters p ? learnedLocally(batch, p)
            : unexpected(batch, "local learning", m.reply()))
        .onMessage(PhaseDeadline.class, m -> m.phase() != batch.phase() ? Behaviors.same()
            : fail(batch, "local learning step timed out after " + settings.phaseTimeout()))
        .build();
  }

  /** What every state with a batch in progress does besides its own replies. */
  private BehaviorBuilder<Command> whileBusy(Batch batch, String state) {
    return Behaviors.receive(Command.class)
        .onMessage(TrainBatch.class, m -> refuse(m.replyTo(), "a batch is in progress (" + state + "); send the next after its reply"))
        .onMessage(InjectFault.class, this::onInjectFault)
        .onMessage(Stop.class, m -> stopDuring(batch, state));
  }

  // ---------------------------------------------------------------- transitions

  private Behavior<Command> onTrainBatch(TrainBatch m) {
    if (m.batch().length == 0) return refuse(m.replyTo(), "empty mini-batch");
    for (double[] v : m.batch()) {
      if (v.length != nVisible) return refuse(m.replyTo(), "data vector of " + v.length + " values (expected " + nVisible + " visible units)");
    }
    for (int k = 0; k < m.batch().length; k++) {
      copies.get(k % copies.size()).tell(new Network.RunPhase(m.batch()[k], null, settings.burnIn(), settings.sweeps(), settings.local(), replies));
    }
    return clamped(new Batch(m.replyTo(), deadline()), m.batch().length, new ArrayList<>());
  }

  private Behavior<Command> startFreeRunning(Batch batch, Statistics positive) {
    if (settings.local()) copies.get(0).tell(new Network.EndPhase(Phase.CLAMPED));
    for (ActorRef<Network.Command> c : copies) {
      c.tell(new Network.RunPhase(null, null, settings.burnIn(), settings.sweeps(), settings.local(), replies));
    }
    return freeRunning(new Batch(batch.replyTo(), deadline()), positive, new ArrayList<>());
  }

  private Behavior<Command> learn(Batch batch, Statistics positive, Statistics negative) {
    if (settings.local()) {
      copies.get(0).tell(new Network.EndPhase(Phase.FREE));
      copies.get(0).tell(new Network.Learn(settings.rule(), replies));
      return learningLocally(batch);
    }
    learner.apply(positive, negative, weights, bias);
    for (ActorRef<Network.Command> c : copies) c.tell(new Network.SetParameters(weights.clone(), bias.clone()));
    return done(batch, 0);
  }

  private Behavior<Command> learnedLocally(Batch batch, Network.Parameters p) {
    System.arraycopy(p.pairWeights(), 0, weights, 0, weights.length);
    System.arraycopy(p.bias(), 0, bias, 0, bias.length);
    return done(batch, p.maxAsymmetry());
  }

  private Behavior<Command> done(Batch batch, double maxAsymmetry) {
    timers.cancel(DEADLINE);
    batch.replyTo().tell(new BatchDone(weights.clone(), bias.clone(), maxAsymmetry));
    return idle();
  }

  /** Arms the deadline of a new phase and returns its number. */
  private long deadline() {
    phases++;
    timers.startSingleTimer(DEADLINE, new PhaseDeadline(phases), settings.phaseTimeout());
    return phases;
  }

  private Behavior<Command> onInjectFault(InjectFault m) {
    copies.get(m.copy()).tell(new Network.InjectFault(m.neuron()));
    return Behaviors.same();
  }

  private Behavior<Command> refuse(ActorRef<Reply> replyTo, String reason) {
    replyTo.tell(new Failed(reason));
    return Behaviors.same();
  }

  /** A network failed ({@link Network.Failed}) or answered what this phase does not ask for. */
  private Behavior<Command> unexpected(Batch batch, String state, Network.Reply reply) {
    return fail(batch, state + ": " + (reply instanceof Network.Failed f ? f.reason() : "unexpected reply " + reply));
  }

  /** Asked to stop: the batch in progress is answered, not left to its asker's timeout. */
  private Behavior<Command> stopDuring(Batch batch, String state) {
    context.getLog().info("stopped during the {}", state);
    batch.replyTo().tell(new Failed("stopped during the " + state));
    return Behaviors.stopped();
  }

  /** Ends the batch with {@link Failed} and stops (the networks stop with the supervisor). */
  private Behavior<Command> fail(Batch batch, String reason) {
    context.getLog().error(reason);
    batch.replyTo().tell(new Failed(reason));
    return Behaviors.stopped();
  }
}
