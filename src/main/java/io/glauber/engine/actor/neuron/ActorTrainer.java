package io.glauber.engine.actor.neuron;

import io.glauber.engine.actor.ActorConfig;

import akka.NotUsed;
import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.Props;
import akka.actor.typed.Terminated;
import akka.actor.typed.javadsl.Behaviors;
import akka.stream.javadsl.Flow;
import akka.stream.javadsl.Sink;
import akka.stream.javadsl.Source;
import io.glauber.exact.ExactBoltzmann;
import io.glauber.model.BoltzmannMachine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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

  /**
   * After each epoch: its number (from 1), the model, the largest |w_ij − w_ji| (local learning),
   * and the exact mean log-likelihood of the data (NaN unless the run evaluates this epoch and the
   * machine has at most {@link ExactBoltzmann#MAX_UNITS} units).
   */
  public record EpochReport(int epoch, BoltzmannMachine model, double maxAsymmetry, double exactLogLikelihood) {
    /** The report as the named fields of a metrics line: epoch, exact_ll (when computed), max_weight_asymmetry. */
    public Map<String, Object> fields() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("epoch", epoch);
      if (!Double.isNaN(exactLogLikelihood)) m.put("exact_ll", exactLogLikelihood);
      m.put("max_weight_asymmetry", maxAsymmetry);
      return m;
    }
  }

  /**
   * Trains the machine {@code config} describes ({@link NeuronTrainConfig#initial}) on {@code data}
   * (binary visible vectors) with its own actor system; the exact log-likelihood is computed on
   * the epochs the config evaluates, when the machine is small enough to enumerate.
   */
  public static BoltzmannMachine train(NeuronTrainConfig config, double[][] data, Consumer<EpochReport> listener) {
    if (data.length == 0) throw new IllegalArgumentException("no training data");
    BoltzmannMachine initial = config.initial(data[0].length);
    boolean exact = initial.size() <= ExactBoltzmann.MAX_UNITS;
    return train(initial, data, config.supervisor(), config.epochs(), config.batchSize(), config.seed(), r -> {
      boolean evaluate = exact && config.evaluates(r.epoch());
      double ll = evaluate ? ExactBoltzmann.of(r.model()).meanLogLikelihood(data) : Double.NaN;
      listener.accept(new EpochReport(r.epoch(), r.model(), r.maxAsymmetry(), ll));
    });
  }

  /**
   * Mini-batches in, the parameters after each batch's learning step out: {@code ActorFlow.ask}
   * with parallelism 1, so the next batch is only pulled from upstream when the supervisor has
   * answered the last (backpressure: a slow network slows the data loader, nothing piles up).
   */
  public static Flow<double[][], BoltzmannSupervisor.BatchDone, NotUsed> flow(
      ActorSystem<?> system, ActorRef<BoltzmannSupervisor.Command> supervisor, Duration batchTimeout) {
    return akka.stream.typed.javadsl.ActorFlow.<double[][], BoltzmannSupervisor.Command, BoltzmannSupervisor.Reply>ask(
            1, supervisor, batchTimeout, BoltzmannSupervisor.TrainBatch::new)
        .map(ActorTrainer::done);
  }

  private static BoltzmannSupervisor.BatchDone done(BoltzmannSupervisor.Reply reply) {
    if (reply instanceof BoltzmannSupervisor.BatchDone done) return done;
    if (reply instanceof BoltzmannSupervisor.Failed failed) throw new IllegalStateException(failed.reason());
    throw new IllegalStateException("unexpected reply " + reply);
  }

  /**
   * Trains for {@code epochs} epochs over {@code data} (visible vectors), shuffled each epoch from
   * {@code seed}, in mini-batches of {@code batchSize}; calls {@code listener} after each epoch and
   * returns the trained machine. Runs on {@code system}, spawning the supervisor as a system actor;
   * however the run ends (done, failed, interrupted), it returns only after the supervisor and its
   * networks have stopped.
   */
  public static BoltzmannMachine train(
      ActorSystem<?> system, BoltzmannMachine initial, double[][] data, BoltzmannSupervisor.Settings settings,
      int epochs, int batchSize, long seed, Consumer<EpochReport> listener) {
    if (epochs < 0 || batchSize < 1) throw new IllegalArgumentException("epochs " + epochs + ", batch size " + batchSize + " (expected ≥ 0 and ≥ 1)");
    SplittableRandom random = new SplittableRandom(seed);
    String name = "trainer-" + RUNS.incrementAndGet();
    ActorRef<BoltzmannSupervisor.Command> supervisor = system.systemActorOf(
        BoltzmannSupervisor.create(initial, settings, random.nextLong()), name, Props.empty());
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
            if (k % batchesPerEpoch == 0) listener.accept(new EpochReport((int) (k / batchesPerEpoch), current[0], done.maxAsymmetry(), Double.NaN));
          }), system)
          .toCompletableFuture().join();
    } finally {
      stopAndWait(system, supervisor, name + "-stop", settings.phaseTimeout());
    }
    return current[0];
  }

  /**
   * Stops the supervisor, whatever state it is in, and waits until it has terminated — after its
   * networks and their neurons, which Akka stops before their parent. A short-lived watcher sees
   * the termination (at once, if the supervisor had already stopped after a failure).
   */
  private static void stopAndWait(ActorSystem<?> system, ActorRef<BoltzmannSupervisor.Command> supervisor, String name, Duration timeout) {
    CompletableFuture<Void> stopped = new CompletableFuture<>();
    system.systemActorOf(Behaviors.<Void>setup(ctx -> {
      ctx.watch(supervisor);
      supervisor.tell(new BoltzmannSupervisor.Stop());
      return Behaviors.<Void>receive(Void.class).onSignal(Terminated.class, t -> {
        stopped.complete(null);
        return Behaviors.stopped();
      }).build();
    }), name, Props.empty());
    try {
      stopped.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the supervisor did not stop within " + timeout, e);
    }
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
