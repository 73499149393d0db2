package io.glauber.engine.actor.neuron;

import io.glauber.engine.actor.ActorConfig;

import akka.NotUsed;
import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.Props;
import akka.actor.typed.javadsl.Behaviors;
import akka.stream.javadsl.Flow;
import akka.stream.javadsl.Sink;
import akka.stream.javadsl.Source;
import io.glauber.engine.actor.neuron.BoltzmannSupervisor;
import io.glauber.model.BoltzmannMachine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Trains a Boltzmann machine (with hidden units) with neuron actors and a {@link
 * BoltzmannSupervisor}. Data enters as a backpressured stream of mini-batches: {@link #flow} asks
 * the supervisor one batch at a time ({@code mapAsync(1, ask)}, the shape of {@code ActorFlow.ask}),
 * so the data source is pulled only as fast as the phases run.
 */
public final class ActorTrainer {
  private ActorTrainer() {}

  private static final AtomicLong RUNS = new AtomicLong();

  /** After each epoch: its number (from 1), the model, and the largest |w_ij − w_ji| (local learning). */
  public record EpochReport(int epoch, BoltzmannMachine model, double maxAsymmetry) {}

  /**
   * Mini-batches in, the parameters after each batch's learning step out: {@code ActorFlow.ask}
   * with parallelism 1, so the next batch is only pulled from upstream when the supervisor has
   * answered the last (backpressure: a slow network slows the data loader, nothing piles up).
   */
  public static Flow<double[][], BoltzmannSupervisor.BatchDone, NotUsed> flow(
      ActorSystem<?> system, ActorRef<BoltzmannSupervisor.Command> supervisor, Duration batchTimeout) {
    return akka.stream.typed.javadsl.ActorFlow.<double[][], BoltzmannSupervisor.Command, BoltzmannSupervisor.Reply>ask(
            1, supervisor, batchTimeout, BoltzmannSupervisor.TrainBatch::new)
        .map(r -> {
          if (r instanceof BoltzmannSupervisor.BatchDone done) return done;
          throw new IllegalStateException(((BoltzmannSupervisor.Failed) r).reason());
        });
  }

  /**
   * Trains for {@code epochs} epochs over {@code data} (visible vectors), shuffled each epoch from
   * {@code seed}, in mini-batches of {@code batchSize}; calls {@code listener} after each epoch and
   * returns the trained machine. Runs on {@code system}, spawning the supervisor as a system actor
   * and stopping it at the end.
   */
  public static BoltzmannMachine train(
      ActorSystem<?> system, BoltzmannMachine initial, double[][] data, BoltzmannSupervisor.Settings settings,
      int epochs, int batchSize, long seed, Consumer<EpochReport> listener) {
    if (epochs < 0 || batchSize < 1) throw new IllegalArgumentException("epochs " + epochs + ", batch size " + batchSize + " (expected ≥ 0 and ≥ 1)");
    SplittableRandom random = new SplittableRandom(seed);
    ActorRef<BoltzmannSupervisor.Command> supervisor = system.systemActorOf(
        BoltzmannSupervisor.create(initial, settings, random.nextLong()), "trainer-" + RUNS.incrementAndGet(), Props.empty());
    long shuffleSeed = random.nextLong();
    int batchesPerEpoch = (data.length + batchSize - 1) / batchSize;
    Duration batchTimeout = settings.phaseTimeout().multipliedBy(3);
    BoltzmannMachine[] current = {initial};
    try {
      Source.range(1, epochs)
          .flatMapConcat(e -> Source.from(batches(data, batchSize, new SplittableRandom(shuffleSeed + e))))
          .via(flow(system, supervisor, batchTimeout))
          .zipWithIndex()
          .runWith(Sink.foreach(p -> {
            BoltzmannSupervisor.BatchDone done = p.first();
            current[0] = initial.withParameters(done.pairWeights(), done.bias());
            long k = p.second() + 1;
            if (k % batchesPerEpoch == 0) listener.accept(new EpochReport((int) (k / batchesPerEpoch), current[0], done.maxAsymmetry()));
          }), system)
          .toCompletableFuture().join();
    } finally {
      supervisor.tell(new BoltzmannSupervisor.Stop());
    }
    return current[0];
  }

  /** Blocking helper with its own actor system ({@link ActorConfig#config()}). */
  public static BoltzmannMachine train(
      BoltzmannMachine initial, double[][] data, BoltzmannSupervisor.Settings settings,
      int epochs, int batchSize, long seed, Consumer<EpochReport> listener) {
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "glauber-trainer", ActorConfig.config());
    try {
      return train(system, initial, data, settings, epochs, batchSize, seed, listener);
    } finally {
      system.terminate();
      system.getWhenTerminated().toCompletableFuture().join();
    }
  }

  private static List<double[][]> batches(double[][] data, int size, SplittableRandom random) {
    int[] order = io.glauber.data.Shuffle.order(data.length, random);
    List<double[][]> out = new ArrayList<>();
    for (int from = 0; from < data.length; from += size) {
      double[][] b = new double[Math.min(size, data.length - from)][];
      for (int k = 0; k < b.length; k++) b[k] = data[order[from + k]];
      out.add(b);
    }
    return out;
  }
}
