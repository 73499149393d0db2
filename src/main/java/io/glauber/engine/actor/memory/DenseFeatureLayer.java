package io.glauber.engine.actor.memory;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.StashBuffer;
import io.glauber.data.Shuffle;
import io.glauber.engine.actor.JsonMessage;
import io.glauber.model.Glauber;
import io.glauber.model.Interaction;
import io.glauber.model.Units;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The feature neurons σ ∈ {−1, +1}^N of a dense associative memory E(σ) = −Σ_μ F(ξ^μ·σ) on actors,
 * with one {@link DenseMemoryUnit} per stored pattern (spawned once, reused for every probe), and the
 * coordinator of its single-flip dynamics.
 *
 * <p>A recall: the layer loads the probe into every memory unit (each answers its current
 * h_μ = ξ^μ·σ, from which E = −Σ_μ F(h_μ) in μ order), then sweeps the units in a fresh random order
 * each sweep. For unit i it asks every memory unit for its two candidate currents (the previous flip
 * travels in the same message), forms the gap Δ_i = Σ_μ [F(up_μ) − F(down_μ)]
 * ({@link Interaction#sumOfDifferences}, μ order) and sets σ_i by the Glauber rule with effective
 * field h_i = Δ_i/2 ({@link Glauber#update}: p(σ_i = +1) = σ(Δ_i/T), at T = 0 "flip if it lowers E").
 * A T = 0 recall stops after a sweep that lowers nothing; a stochastic one runs its sweeps. With the
 * probe's seed split in two (unit orders, then draws) this is {@code hopfield.DenseAssociativeMemory}'s
 * dynamics exactly — the same operations in the same order — so the two agree to the last bit.
 *
 * <p>Why a round trip per unit update (K messages each way): single-flip dynamics is sequential,
 * and each gap needs every memory's current after the previous flip. Sweeps of many units per
 * message would change the dynamics (a synchronous or block update), which is not this memory's.
 */
public final class DenseFeatureLayer {
  /** What the feature layer receives. */
  public sealed interface Command extends JsonMessage permits Recall, Current, Candidates {}

  /**
   * Recall from {@code probe} (±1) at temperature T: T = 0 and {@code stopAtFixedPoint} until a sweep
   * lowers nothing or {@code maxSweeps}; otherwise exactly {@code maxSweeps} sweeps. {@code seed}
   * seeds the run's random streams.
   */
  public record Recall(double[] probe, double temperature, int maxSweeps, boolean stopAtFixedPoint, long seed, ActorRef<Done> replyTo)
      implements Command {}

  /** Memory unit μ's current after a {@link DenseMemoryUnit.Load}. */
  public record Current(int run, int memory, double current) implements Command {}

  /** Memory unit μ's candidate currents for the unit of update {@code update}. */
  public record Candidates(int run, long update, int memory, double up, double down) implements Command {}

  /** The end of a recall: the final state, the sweeps run, whether a T = 0 sweep lowered nothing, E after every sweep (E₀ first). */
  public record Done(double[] state, int sweeps, boolean converged, double[] energies) implements JsonMessage {}

  private final ActorContext<Command> context;
  private final StashBuffer<Command> stash;
  private final Interaction f;
  private final List<ActorRef<DenseMemoryUnit.Command>> memories = new ArrayList<>();
  private int runs;

  private DenseFeatureLayer(ActorContext<Command> context, StashBuffer<Command> stash, double[][] patterns, Interaction f) {
    this.context = context;
    this.stash = stash;
    this.f = f;
    for (int mu = 0; mu < patterns.length; mu++) {
      memories.add(context.spawn(DenseMemoryUnit.create(mu, patterns[mu].clone()), "memory-" + mu));
    }
  }

  /**
   * @param patterns the K stored ±1 patterns ξ^μ (rows; copied into the memory units)
   * @param f the interaction function F
   */
  public static Behavior<Command> create(double[][] patterns, Interaction f) {
    return Behaviors.setup(context -> Behaviors.withStash(16, stash -> new DenseFeatureLayer(context, stash, patterns, f).idle()));
  }

  private Behavior<Command> idle() {
    return Behaviors.receive(Command.class).onMessage(Recall.class, this::start).build();
  }

  /** One recall in progress: its request, state, streams, unit order and the answers of the current round. */
  private final class Run {
    final Recall request;
    final int id = ++runs;
    final double[] s;
    final int[] order;
    final SplittableRandom orderRng;
    final SplittableRandom drawRng;
    final double[] energies;
    final double[] up;
    final double[] down;
    double energy;
    int sweep;
    int position;
    boolean lowered;
    long update;
    int received;
    int flipped = -1;
    double change;

    Run(Recall request, int k) {
      this.request = request;
      this.s = request.probe().clone();
      this.order = Shuffle.identity(s.length);
      SplittableRandom rng = new SplittableRandom(request.seed());
      this.orderRng = rng.split();
      this.drawRng = rng.split();
      this.energies = new double[request.maxSweeps() + 1];
      this.up = new double[k];
      this.down = new double[k];
    }
  }

  private Behavior<Command> start(Recall r) {
    Run run = new Run(r, memories.size());
    for (ActorRef<DenseMemoryUnit.Command> m : memories) m.tell(new DenseMemoryUnit.Load(run.id, run.s, context.getSelf()));
    return Behaviors.receive(Command.class)
        .onMessage(Current.class, c -> c.run() == run.id, c -> loaded(run, c))
        .onMessage(Recall.class, this::later)
        .build();
  }

  private Behavior<Command> loaded(Run run, Current c) {
    run.up[c.memory()] = c.current();
    if (++run.received < memories.size()) return Behaviors.same();
    double e = 0;
    for (int mu = 0; mu < memories.size(); mu++) e -= f.value(run.up[mu]); // μ order, as DenseAssociativeMemory.energy
    run.energy = e;
    run.energies[0] = e;
    if (run.request.maxSweeps() == 0) return finish(run, false);
    Shuffle.shuffle(run.order, run.orderRng);
    ask(run);
    return Behaviors.receive(Command.class)
        .onMessage(Candidates.class, a -> a.run() == run.id && a.update() == run.update, a -> answered(run, a))
        .onMessage(Recall.class, this::later)
        .build();
  }

  /** Asks every memory unit about the next unit of the sweep, passing on the last flip. */
  private void ask(Run run) {
    run.received = 0;
    run.update++;
    int i = run.order[run.position];
    for (ActorRef<DenseMemoryUnit.Command> m : memories) {
      m.tell(new DenseMemoryUnit.Ask(run.id, run.update, run.flipped, run.change, i, run.s[i], context.getSelf()));
    }
  }

  private Behavior<Command> answered(Run run, Candidates c) {
    run.up[c.memory()] = c.up();
    run.down[c.memory()] = c.down();
    if (++run.received < memories.size()) return Behaviors.same();
    int i = run.order[run.position];
    double h = 0.5 * f.sumOfDifferences(run.up, run.down, memories.size());
    double next = Glauber.update(Units.SPIN, h, run.request.temperature(), run.drawRng);
    double d = next - run.s[i];
    run.flipped = -1;
    if (d != 0) {
      run.s[i] = next;
      double de = -d * h;
      run.energy += de;
      if (de < 0) run.lowered = true;
      run.flipped = i;
      run.change = d;
    }
    if (++run.position == run.s.length) {
      run.energies[++run.sweep] = run.energy;
      if (run.request.stopAtFixedPoint() && !run.lowered) return finish(run, true);
      if (run.sweep == run.request.maxSweeps()) return finish(run, false);
      run.position = 0;
      run.lowered = false;
      Shuffle.shuffle(run.order, run.orderRng);
    }
    ask(run);
    return Behaviors.same();
  }

  private Behavior<Command> finish(Run run, boolean converged) {
    run.request.replyTo().tell(new Done(run.s.clone(), run.sweep, converged, Arrays.copyOf(run.energies, run.sweep + 1)));
    return stash.unstashAll(idle());
  }

  private Behavior<Command> later(Recall r) {
    stash.stash(r);
    return Behaviors.same();
  }
}
