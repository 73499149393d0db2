package io.glauber.engine.actor.neuron;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.TimerScheduler;
import io.glauber.engine.actor.Dynamics;
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
 */
public final class BoltzmannSupervisor {

  /** The protocol. */
  public sealed interface Command {}

  /** Learn from one mini-batch of visible vectors; reply {@link BatchDone} or {@link Failed}. */
  public record TrainBatch(double[][] batch, ActorRef<Reply> replyTo) implements Command, JsonMessage {}

  /** Fault injection: neuron {@code neuron} of copy {@code copy} throws on its next update. */
  public record InjectFault(int copy, int neuron) implements Command, JsonMessage {}

  /** Stop the supervisor and its networks. */
  public record Stop() implements Command, JsonMessage {}

  /** A reply of a network, adapted. */
  public record FromNetwork(Network.Reply reply) implements Command, JsonMessage {}

  /** Private: a phase's deadline. */
  public record PhaseDeadline(long phase) implements Command, BinaryMessage {}

  /** Replies. */
  public sealed interface Reply {}

  /** The parameters after the batch's learning step (pair weights in the order of Couplings.pairs()). */
  public record BatchDone(double[] pairWeights, double[] bias, double maxAsymmetry) implements Reply, JsonMessage {}

  /** The batch failed; the reason names the phase. */
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

  private final ActorContext<Command> context;
  private final TimerScheduler<Command> timers;
  private final Settings settings;
  private final int nVisible;
  private final double[] weights;
  private final double[] bias;
  private final Learner learner;
  private final List<ActorRef<Network.Command>> copies = new ArrayList<>();
  private final ActorRef<Network.Reply> replies;
  private long phase;

  /** A supervisor training {@code initial} from {@code seed}. */
  public static Behavior<Command> create(BoltzmannMachine initial, Settings settings, long seed) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> new BoltzmannSupervisor(ctx, timers, initial, settings, seed).idle()));
  }

  private BoltzmannSupervisor(ActorContext<Command> context, TimerScheduler<Command> timers, BoltzmannMachine initial, Settings settings, long seed) {
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
      copies.add(context.spawn(Network.create(initial, settings.dynamics(), null, null, random.split().nextLong()), "copy" + c));
    }
  }

  /** Waiting for a mini-batch. */
  private Behavior<Command> idle() {
    return Behaviors.receive(Command.class)
        .onMessage(TrainBatch.class, this::startBatch)
        .onMessage(InjectFault.class, this::onInjectFault)
        .onMessage(Stop.class, m -> Behaviors.stopped())
        .onMessage(FromNetwork.class, m -> Behaviors.same())
        .onMessage(PhaseDeadline.class, m -> Behaviors.same())
        .build();
  }

  private Behavior<Command> onInjectFault(InjectFault m) {
    copies.get(m.copy()).tell(new Network.InjectFault(m.neuron()));
    return Behaviors.same();
  }

  private Behavior<Command> startBatch(TrainBatch m) {
    if (m.batch().length == 0) {
      m.replyTo().tell(new Failed("empty mini-batch"));
      return Behaviors.same();
    }
    for (double[] v : m.batch()) {
      if (v.length != nVisible) {
        m.replyTo().tell(new Failed("data vector of " + v.length + " values (expected " + nVisible + " visible units)"));
        return Behaviors.same();
      }
    }
    for (int k = 0; k < m.batch().length; k++) {
      copies.get(k % copies.size()).tell(new Network.RunPhase(m.batch()[k], settings.burnIn(), settings.sweeps(), settings.local(), replies));
    }
    return clamped(m.replyTo(), m.batch().length, new ArrayList<>(), deadline());
  }

  private long deadline() {
    phase++;
    timers.startSingleTimer("phase", new PhaseDeadline(phase), settings.phaseTimeout());
    return phase;
  }

  /** Positive phase: visible units clamped to the batch's vectors; waiting for their statistics. */
  private Behavior<Command> clamped(ActorRef<Reply> replyTo, int expected, List<Statistics> got, long id) {
    return Behaviors.receive(Command.class)
        .onMessage(FromNetwork.class, m -> {
          if (m.reply() instanceof Network.Failed f) return fail(replyTo, "clamped phase: " + f.reason());
          got.add(((Network.PhaseDone) m.reply()).statistics());
          if (got.size() < expected) return Behaviors.same();
          if (settings.local()) copies.get(0).tell(new Network.EndPhase(Phase.CLAMPED));
          for (ActorRef<Network.Command> c : copies) {
            c.tell(new Network.RunPhase(null, settings.burnIn(), settings.sweeps(), settings.local(), replies));
          }
          return freeRunning(replyTo, Statistics.average(got), new ArrayList<>(), deadline());
        })
        .onMessage(PhaseDeadline.class, m -> m.phase() != id ? Behaviors.same()
            : fail(replyTo, "clamped phase timed out after " + settings.phaseTimeout() + ": " + (expected - got.size())
                + " of " + expected + " data vectors unanswered"))
        .onMessage(InjectFault.class, this::onInjectFault)
        .build();
  }

  /** Negative phase: all units free on every copy; then the learning step. */
  private Behavior<Command> freeRunning(ActorRef<Reply> replyTo, Statistics positive, List<Statistics> got, long id) {
    return Behaviors.receive(Command.class)
        .onMessage(FromNetwork.class, m -> {
          if (m.reply() instanceof Network.Failed f) return fail(replyTo, "free-running phase: " + f.reason());
          got.add(((Network.PhaseDone) m.reply()).statistics());
          if (got.size() < copies.size()) return Behaviors.same();
          if (settings.local()) {
            copies.get(0).tell(new Network.EndPhase(Phase.FREE));
            copies.get(0).tell(new Network.Learn(settings.rule(), replies));
            return learningLocally(replyTo, id);
          }
          learner.apply(positive, Statistics.average(got), weights, bias);
          for (ActorRef<Network.Command> c : copies) c.tell(new Network.SetParameters(weights.clone(), bias.clone()));
          timers.cancel("phase");
          replyTo.tell(new BatchDone(weights.clone(), bias.clone(), 0));
          return idle();
        })
        .onMessage(PhaseDeadline.class, m -> m.phase() != id ? Behaviors.same()
            : fail(replyTo, "free-running phase timed out after " + settings.phaseTimeout() + ": "
                + (copies.size() - got.size()) + " of " + copies.size() + " copies unanswered"))
        .onMessage(InjectFault.class, this::onInjectFault)
        .build();
  }

  /** Local learning: the neurons apply the rule; waiting for their parameters. */
  private Behavior<Command> learningLocally(ActorRef<Reply> replyTo, long id) {
    return Behaviors.receive(Command.class)
        .onMessage(FromNetwork.class, m -> {
          if (m.reply() instanceof Network.Failed f) return fail(replyTo, "local learning: " + f.reason());
          Network.Parameters p = (Network.Parameters) m.reply();
          System.arraycopy(p.pairWeights(), 0, weights, 0, weights.length);
          System.arraycopy(p.bias(), 0, bias, 0, bias.length);
          timers.cancel("phase");
          replyTo.tell(new BatchDone(weights.clone(), bias.clone(), p.maxAsymmetry()));
          return idle();
        })
        .onMessage(PhaseDeadline.class, m -> m.phase() != id ? Behaviors.same()
            : fail(replyTo, "local learning step timed out after " + settings.phaseTimeout()))
        .build();
  }

  private Behavior<Command> fail(ActorRef<Reply> replyTo, String reason) {
    context.getLog().error(reason);
    replyTo.tell(new Failed(reason));
    return Behaviors.stopped();
  }
}
