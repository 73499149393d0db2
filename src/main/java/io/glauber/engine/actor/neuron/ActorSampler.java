package io.glauber.engine.actor.neuron;

import io.glauber.engine.actor.ActorConfig;
import io.glauber.engine.actor.Dynamics;
import io.glauber.engine.actor.Granularity;

import akka.NotUsed;
import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.Behavior;
import akka.actor.typed.Props;
import akka.actor.typed.javadsl.AskPattern;
import akka.actor.typed.javadsl.Behaviors;
import akka.stream.javadsl.Sink;
import akka.stream.javadsl.Source;
import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Schedule;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples a Boltzmann machine with neuron actors, as an akka-stream {@link Source} of states.
 *
 * <p>Each materialisation spawns one {@link Network} of neuron actors and pulls samples from it
 * with an ask per element ({@code mapAsync(1, ask)}, the shape of {@code ActorFlow.ask}): the
 * network runs {@code burnIn + thin} sweeps for the first sample and {@code thin} for each next
 * one, only when the stream asks — a slow sink slows the simulation instead of filling memory. The
 * network stops when the stream completes, fails or is cancelled.
 *
 * <p>Consistency: in {@link Mode#EXACT} every sample is the joint state between two barrier
 * sweeps — a state of a valid Gibbs chain. In {@link Mode#ASYNC} a sample is a snapshot gathered by
 * asking every neuron for its state while the others keep running (a fuzzy cut; see {@link
 * io.glauber.engine.actor.neuron.Snapshot}); "sweeps" are then wall-clock time, {@link
 * Dynamics#sweepTime()} each.
 */
public final class ActorSampler {
  private ActorSampler() {}

  private static final AtomicLong RUNS = new AtomicLong();

  /**
   * What to sample and how.
   *
   * @param dynamics mode and knobs
   * @param schedule temperatures over sweeps (null: the machine's temperature throughout)
   * @param initial starting state (null: uniform random from the seed)
   * @param seed run seed, split per neuron
   * @param burnIn sweeps before the first sample, ≥ 0
   * @param samples number of samples, ≥ 0
   * @param thin sweeps between samples, ≥ 1
   * @param granularity neuron actors (one per unit) or patch actors ({@link PatchNetwork})
   */
  public record Settings(Dynamics dynamics, Schedule schedule, double[] initial, long seed, int burnIn, long samples, int thin,
      Granularity granularity) {
    public Settings {
      if (dynamics == null) throw new IllegalArgumentException("dynamics missing");
      if (granularity == null || granularity.kind() == Granularity.Kind.LAYER) {
        throw new IllegalArgumentException("granularity " + granularity + " (expected neuron or patch actors for a Boltzmann machine)");
      }
      granularity.requireSupports(dynamics.mode());
      if (burnIn < 0) throw new IllegalArgumentException("burn-in " + burnIn + " (expected ≥ 0)");
      if (samples < 0) throw new IllegalArgumentException("samples " + samples + " (expected ≥ 0)");
      if (thin < 1) throw new IllegalArgumentException("thinning " + thin + " (expected ≥ 1 sweep)");
    }

    /** Neuron actors, one per unit. */
    public Settings(Dynamics dynamics, Schedule schedule, double[] initial, long seed, int burnIn, long samples, int thin) {
      this(dynamics, schedule, initial, seed, burnIn, samples, thin, Granularity.NEURON);
    }

    /** The same settings on another granularity. */
    public Settings withGranularity(Granularity g) {
      return new Settings(dynamics, schedule, initial, seed, burnIn, samples, thin, g);
    }

    /** Exact-mode settings at the machine's temperature from a random start. */
    public static Settings exact(long seed, int burnIn, long samples, int thin) {
      return new Settings(Dynamics.exact(), null, null, seed, burnIn, samples, thin);
    }
  }

  /** The samples of {@code machine} as a stream; materialise it with an actor system. */
  public static Source<int[], NotUsed> source(ActorSystem<?> system, BoltzmannMachine machine, Settings s) {
    return source(system, s, () -> PatchNetwork.of(s.granularity(), machine, s.dynamics(), s.schedule(), s.initial(), s.seed()));
  }

  /**
   * The samples of the network that {@code network} creates (each materialisation spawns one): a
   * coordinator that answers {@link Network}'s protocol — the neuron or patch network of
   * {@code s}, or one whose actors live on the members of a cluster.
   */
  public static Source<int[], NotUsed> source(ActorSystem<?> system, Settings s, java.util.function.Supplier<Behavior<Network.Command>> network) {
    Duration askTimeout = s.dynamics().stepTimeout().multipliedBy(4).plus(
        s.dynamics().sweepTime().multipliedBy(Math.max(s.burnIn(), s.thin()) + 1L));
    if (s.samples() == 0) return Source.empty();
    return Source.lazySource(() -> {
          ActorRef<Network.Command> net = system.systemActorOf(network.get(), "sampler-" + RUNS.incrementAndGet(), Props.empty());
          return Source.range(0, (int) Math.min(Integer.MAX_VALUE, s.samples()) - 1)
              .mapAsync(1, k -> ask(system, net, k == 0 ? s.burnIn() + s.thin() : s.thin(), askTimeout))
              .watchTermination((nu, done) -> {
                done.whenComplete((d, e) -> net.tell(new Network.Stop()));
                return nu;
              });
        })
        .mapMaterializedValue(f -> NotUsed.getInstance());
  }

  static CompletionStage<int[]> ask(ActorSystem<?> system, ActorRef<Network.Command> net, int sweeps, Duration timeout) {
    CompletionStage<Network.Reply> reply =
        AskPattern.ask(net, r -> new Network.Sample(sweeps, r), timeout, system.scheduler());
    return reply.thenApply(r -> {
      if (r instanceof Network.Sampled sampled) return sampled.state();
      throw new IllegalStateException(((Network.Failed) r).reason());
    });
  }

  /**
   * Blocking helper: starts an actor system ({@link ActorConfig#config()}), collects all samples,
   * shuts the system down.
   */
  public static List<int[]> sample(BoltzmannMachine machine, Settings s) {
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "glauber-sampler", ActorConfig.config());
    try {
      return source(system, machine, s).runWith(Sink.seq(), system).toCompletableFuture().join();
    } finally {
      system.terminate();
      system.getWhenTerminated().toCompletableFuture().join();
    }
  }
}
