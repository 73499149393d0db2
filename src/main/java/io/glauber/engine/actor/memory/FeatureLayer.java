package io.glauber.engine.actor.memory;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.StashBuffer;
import io.glauber.engine.actor.JsonMessage;
import io.glauber.model.SoftmaxMemory;
import java.util.ArrayList;
import java.util.List;

/**
 * The feature (visible) neurons of the two-layer memory network and the step's coordinator: it
 * spawns one {@link MemoryUnit} per stored pattern once and recalls probe after probe with them.
 *
 * <p>One step, from feature state ξ: every memory unit gets {@code Drive(ξ)} and answers its score
 * z_μ = β x_μ·ξ; the layer forms the shift c = max z and the normaliser S = Σ_μ exp(z_μ − c) (the
 * hidden layer's lateral inhibition) and sends them back ({@code Inhibit}); every unit answers its
 * share p_μ x_μ; the layer adds the shares in μ order. So one step is exactly
 * ξ' = Xᵀ softmax(β X ξ) as {@link SoftmaxMemory#update} computes it, the same operations in the same
 * order — Krotov and Hopfield's (2020) dynamics with fast hidden neurons, L_v = ½ξ·ξ and
 * L_h = β⁻¹ log Σ exp(z), advanced by one full relaxation step of the feature neurons. Steps repeat
 * until no unit moves by more than the tolerance, or the step limit.
 */
public final class FeatureLayer {
  /** What the feature layer receives. */
  public sealed interface Command extends JsonMessage permits Recall, Score, Share {}

  /** Recall from {@code probe}: reply with every state, the probe first, the last at convergence or after {@code maxSteps}. */
  public record Recall(double[] probe, int maxSteps, double tolerance, ActorRef<Trajectory> replyTo) implements Command {}

  /** Memory unit μ's score z_μ of step {@code step}. */
  public record Score(int step, int memory, double score) implements Command {}

  /** Memory unit μ's share p_μ x_μ of step {@code step}. */
  public record Share(int step, int memory, double[] share) implements Command {}

  /** The states of one recall, the probe first. */
  public record Trajectory(List<double[]> states) implements JsonMessage {}

  private final ActorContext<Command> context;
  private final StashBuffer<Command> stash;
  private final List<ActorRef<MemoryUnit.Command>> memories = new ArrayList<>();

  private FeatureLayer(ActorContext<Command> context, StashBuffer<Command> stash, double[][] patterns, double beta) {
    this.context = context;
    this.stash = stash;
    for (int mu = 0; mu < patterns.length; mu++) {
      memories.add(context.spawn(MemoryUnit.create(mu, patterns[mu].clone(), beta), "memory-" + mu));
    }
  }

  /**
   * @param patterns the K stored patterns x_μ (rows; copied into the memory units)
   * @param beta β &gt; 0
   */
  public static Behavior<Command> create(double[][] patterns, double beta) {
    return Behaviors.setup(context -> Behaviors.withStash(16, stash -> new FeatureLayer(context, stash, patterns, beta).idle()));
  }

  private Behavior<Command> idle() {
    return Behaviors.receive(Command.class).onMessage(Recall.class, this::start).build();
  }

  /** One recall in progress: its request, its states so far and the scores or shares of the current step. */
  private static final class Run {
    final Recall request;
    final List<double[]> states = new ArrayList<>();
    final double[] scores;
    final double[][] shares;
    int received;

    Run(Recall request, int k) {
      this.request = request;
      this.scores = new double[k];
      this.shares = new double[k][];
      states.add(request.probe().clone());
    }

    int step() {
      return states.size();
    }

    double[] state() {
      return states.get(states.size() - 1);
    }
  }

  private Behavior<Command> start(Recall r) {
    Run run = new Run(r, memories.size());
    if (r.maxSteps() == 0) return finish(run);
    return drive(run);
  }

  private Behavior<Command> drive(Run run) {
    run.received = 0;
    for (ActorRef<MemoryUnit.Command> m : memories) m.tell(new MemoryUnit.Drive(run.step(), run.state(), context.getSelf()));
    return Behaviors.receive(Command.class)
        .onMessage(Score.class, s -> s.step() == run.step(), s -> scored(run, s))
        .onMessage(Recall.class, this::later)
        .build();
  }

  private Behavior<Command> scored(Run run, Score s) {
    run.scores[s.memory()] = s.score();
    if (++run.received < memories.size()) return Behaviors.same();
    double c = SoftmaxMemory.shift(run.scores);
    double sum = SoftmaxMemory.normaliser(run.scores, c);
    run.received = 0;
    for (ActorRef<MemoryUnit.Command> m : memories) m.tell(new MemoryUnit.Inhibit(run.step(), c, sum, context.getSelf()));
    return Behaviors.receive(Command.class)
        .onMessage(Share.class, sh -> sh.step() == run.step(), sh -> shared(run, sh))
        .onMessage(Recall.class, this::later)
        .build();
  }

  private Behavior<Command> shared(Run run, Share sh) {
    run.shares[sh.memory()] = sh.share();
    if (++run.received < memories.size()) return Behaviors.same();
    double[] old = run.state();
    double[] next = new double[old.length];
    for (double[] share : run.shares) for (int i = 0; i < next.length; i++) next[i] += share[i]; // μ order, as SoftmaxMemory.update
    double moved = 0;
    for (int i = 0; i < next.length; i++) moved = Math.max(moved, Math.abs(next[i] - old[i]));
    run.states.add(next);
    if (moved <= run.request.tolerance() || run.states.size() > run.request.maxSteps()) return finish(run);
    return drive(run);
  }

  private Behavior<Command> finish(Run run) {
    run.request.replyTo().tell(new Trajectory(List.copyOf(run.states)));
    return stash.unstashAll(idle());
  }

  private Behavior<Command> later(Recall r) {
    stash.stash(r);
    return Behaviors.same();
  }
}
