package io.glauber.engine.actor.layer;

import akka.NotUsed;
import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.Scheduler;
import akka.actor.typed.javadsl.Adapter;
import akka.actor.typed.javadsl.AskPattern;
import akka.actor.typed.javadsl.Behaviors;
import akka.stream.Materializer;
import akka.stream.javadsl.Keep;
import akka.stream.javadsl.Sink;
import akka.stream.javadsl.Source;
import com.typesafe.config.Config;
import io.glauber.data.Dataset;
import io.glauber.engine.actor.ActorConfig;
import io.glauber.learn.Initialisation;
import io.glauber.model.Rbm;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * The RBM layer-actor engine as the CLI and users call it: training (CD-k / PCD-k) and sampling,
 * with data in and samples and metrics out as backpressured akka-stream Sources.
 *
 * <p>Training: the data become, per epoch, a shuffled sequence of mini-batches followed by an
 * end-of-epoch marker; each is handed to the {@link RbmSupervisor} by an ask with parallelism 1
 * (the shape of {@code ActorFlow.ask}, written as {@code mapAsync(1, AskPattern.ask)} because
 * {@code akka-stream-typed} is not among the dependencies), so a batch enters only when the
 * previous one has been learned and the layers hold the new weights. The replies to the markers
 * leave as a {@code Source<EpochMetrics>}.
 *
 * <p>Sampling: the supervisor's chains (started uniformly at random) advance {@code burnIn} sweeps,
 * then {@code thin} sweeps per round; each round yields one joint state per chain, demanded by the
 * downstream Sink — a slow writer slows the sampler.
 */
public final class LayerEngine {
  private LayerEngine() {}

  /** Numbers the supervisors' names (system actors: typed systems refuse top-level spawns from outside). */
  private static final AtomicLong RUNS = new AtomicLong();

  /**
   * The configuration the engine's own actor systems use: the actor engine's
   * ({@link ActorConfig#config()}: serialisation bindings, the layer dispatcher) under the application's.
   */
  public static Config config() {
    return ActorConfig.config();
  }

  /**
   * A fresh RBM for {@code data} as Hinton's guide starts one ({@link Initialisation#hinton}: W ~
   * N(0, initStd²), a_i = log(p_i/(1−p_i)) of the data's means, b = 0, T = 1), its weights drawn
   * from {@code rng}.
   */
  public static Rbm initial(double[][] data, int nHidden, double initStd, RandomGenerator rng) {
    float[][] rows = toFloatRows(data, data.length == 0 ? 0 : data[0].length);
    int cols = rows[0].length;
    float[] flat = new float[rows.length * cols];
    for (int r = 0; r < rows.length; r++) System.arraycopy(rows[r], 0, flat, r * cols, cols);
    return Initialisation.hinton(flat, rows.length, cols, nHidden, initStd, rng);
  }

  /** {@link #initial(double[][], int, double, RandomGenerator)} with the guide's 0.01, drawn from {@code SplittableRandom(seed)}. */
  public static Rbm initial(double[][] data, int nHidden, long seed) {
    return initial(data, nHidden, 0.01, new SplittableRandom(seed));
  }

  // ---- training -------------------------------------------------------------------------------

  /**
   * Training as a Source of per-epoch metrics, run in {@code system} (which must bind the layer
   * serializers if it verifies serialisation: see {@link #config()}). The last element's model is
   * the trained RBM. Fails with a {@link LayerEngineException} naming the phase when a phase times out.
   *
   * @param evaluateEvery compute the exact log-likelihood (when small enough) every this many
   *     epochs and at the last one; 0 never (it costs a 2^min(nv,nh) enumeration each time)
   */
  public static Source<EpochMetrics, NotUsed> training(ActorSystem<?> system, Rbm init, double[][] data,
      LayerSettings settings, int evaluateEvery) {
    return training(system, init, data, settings, evaluateEvery, RbmSupervisor.Layers.LOCAL);
  }

  /**
   * As {@link #training(ActorSystem, Rbm, double[][], LayerSettings, int)}, the layer actors started
   * by {@code layers} (e.g. on other members of a cluster; the supervisor runs in {@code system}).
   */
  public static Source<EpochMetrics, NotUsed> training(ActorSystem<?> system, Rbm init, double[][] data,
      LayerSettings settings, int evaluateEvery, RbmSupervisor.Layers layers) {
    if (evaluateEvery < 0) throw new IllegalArgumentException("evaluateEvery " + evaluateEvery + " (expected ≥ 0; 0 = never)");
    float[][] rows = toFloatRows(data, init.nVisible());
    // a batch has three phases and may wait for the one before it
    Duration askTimeout = settings.phaseTimeout().multipliedBy(8).plusSeconds(5);
    return Source.<EpochMetrics, NotUsed>lazySource(() -> {
          ActorRef<RbmSupervisor.Command> supervisor = system.systemActorOf(
              RbmSupervisor.create(LayerParameters.of(init), settings, layers), "rbm-layer-trainer-" + RUNS.incrementAndGet(), ActorConfig.on(system, ActorConfig.LAYER_DISPATCHER));
          Scheduler scheduler = system.scheduler();
          RunRandom random = new RunRandom(settings.seed());
          long[] clock = {System.nanoTime()};
          long[] sequence = {0};
          return Source.range(1, settings.epochs())
              // an epoch's mini-batches, then its end, as plain elements (mapConcat: no sub-stream to
              // materialise per epoch, which on small data sets cost more than the epoch's learning)
              .mapConcat(epoch -> {
                List<Object> items = new ArrayList<>(Arrays.<Object>asList((Object[]) random.epochBatches(rows, settings.batchSize())));
                items.add(epoch);
                return items;
              })
              // two in flight: the next batch waits in the supervisor's stash and starts at once
              .mapAsync(2, item -> AskPattern.<RbmSupervisor.Command, RbmSupervisor.Reply>ask(supervisor,
                  replyTo -> item instanceof StateBatch b
                      ? new RbmSupervisor.Train(++sequence[0], b, replyTo)
                      : new RbmSupervisor.EndEpoch((Integer) item, replyTo),
                  askTimeout, scheduler))
              .map(LayerEngine::orFail)
              .collectType(RbmSupervisor.EpochEnded.class)
              .map(e -> {
                double seconds = (System.nanoTime() - clock[0]) / 1e9;
                EpochMetrics m = EpochMetrics.of(e.epoch(), e.batches(), seconds, e.reconstructionMismatch(),
                    e.parameters().toRbm(), data, evaluates(evaluateEvery, e.epoch(), settings.epochs()));
                clock[0] = System.nanoTime();
                return m;
              })
              .watchTermination((notUsed, done) -> {
                done.whenComplete((d, failure) -> supervisor.tell(new RbmSupervisor.Stop()));
                return notUsed;
              });
        })
        .mapMaterializedValue(future -> NotUsed.getInstance());
  }

  /**
   * Trains in {@code system}; completes with the trained RBM after calling {@code onEpoch} once per
   * epoch (with the exact log-likelihood every epoch when the smaller layer is small enough).
   */
  public static CompletionStage<Rbm> train(ActorSystem<?> system, Rbm init, double[][] data, LayerSettings settings,
      Consumer<Map<String, Object>> onEpoch) {
    return train(system, init, data, settings, 1, m -> {
      if (onEpoch != null) onEpoch.accept(m.toMap());
    });
  }

  /**
   * As {@link #train(ActorSystem, Rbm, double[][], LayerSettings, Consumer)}, handing out each
   * epoch's {@link EpochMetrics} (its model included, for the caller's own evaluation), with the
   * exact log-likelihood only every {@code evaluateEvery} epochs and at the last (0: never) — each
   * costs a 2^min(nv,nh) enumeration, which on BAS 4×4 with CD-20 is most of an epoch's time.
   */
  public static CompletionStage<Rbm> train(ActorSystem<?> system, Rbm init, double[][] data, LayerSettings settings,
      int evaluateEvery, Consumer<EpochMetrics> onEpoch) {
    return train(system, init, data, settings, evaluateEvery, onEpoch, RbmSupervisor.Layers.LOCAL);
  }

  /** As {@link #train(ActorSystem, Rbm, double[][], LayerSettings, int, Consumer)}, the layer actors started by {@code layers}. */
  public static CompletionStage<Rbm> train(ActorSystem<?> system, Rbm init, double[][] data, LayerSettings settings,
      int evaluateEvery, Consumer<EpochMetrics> onEpoch, RbmSupervisor.Layers layers) {
    return training(system, init, data, settings, evaluateEvery, layers)
        // the caller's work on an epoch (evaluating it, writing it) runs beside the next epoch's
        // training instead of stalling it, and does not count in that epoch's seconds
        .async()
        .map(m -> {
          if (onEpoch != null) onEpoch.accept(m);
          return m.model();
        })
        .toMat(Sink.last(), Keep.right())
        .run(Materializer.createMaterializer(system));
  }

  /** Trains in an actor system of its own (blocking); returns the trained RBM. */
  public static Rbm train(Rbm init, double[][] data, LayerSettings settings, Consumer<Map<String, Object>> onEpoch) {
    return withSystem("glauber-layer-train", system -> train(system, init, data, settings, onEpoch));
  }

  /**
   * Trains in an actor system of its own (blocking), handing out each epoch's {@link EpochMetrics},
   * with the exact log-likelihood every {@code evaluateEvery} epochs and at the last (0: never).
   */
  public static Rbm train(Rbm init, double[][] data, LayerSettings settings, int evaluateEvery, Consumer<EpochMetrics> onEpoch) {
    return withSystem("glauber-layer-train", system -> train(system, init, data, settings, evaluateEvery, onEpoch));
  }

  /** Trains on a {@link Dataset} (its rows as visible vectors) in an actor system of its own (blocking). */
  public static Rbm train(Rbm init, Dataset data, LayerSettings settings, Consumer<Map<String, Object>> onEpoch) {
    return train(init, data.rowsAsDouble(), settings, onEpoch);
  }

  /**
   * A configured run (blocking, in an actor system of its own): the starting model of
   * {@link LayerTrainConfig#initial}, trained on {@code data} by the layer actors, each epoch's
   * {@link EpochMetrics} handed to {@code onEpoch} (no exact log-likelihood: the caller evaluates
   * what it wants). Returns the trained RBM.
   */
  public static Rbm train(LayerTrainConfig config, double[][] data, Consumer<EpochMetrics> onEpoch) {
    return train(config.initial(data), data, config.settings(), 0, onEpoch);
  }

  /**
   * A configured run (blocking) with its supervisor in {@code system} and its layer actors started
   * by {@code layers} — on a cluster, the members' (engine.actor.cluster); the system stays up.
   */
  public static Rbm train(LayerTrainConfig config, double[][] data, Consumer<EpochMetrics> onEpoch, ActorSystem<?> system,
      RbmSupervisor.Layers layers) {
    try {
      return train(system, config.initial(data), data, config.settings(), 0, onEpoch, layers).toCompletableFuture().join();
    } catch (java.util.concurrent.CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  /** Trains a fresh {@link #initial} RBM of {@code nHidden} hidden units (blocking). */
  public static Rbm train(int nHidden, double[][] data, LayerSettings settings, Consumer<Map<String, Object>> onEpoch) {
    return train(initial(data, nHidden, settings.seed()), data, settings, onEpoch);
  }

  // ---- sampling -------------------------------------------------------------------------------

  /**
   * Joint samples (v₁…v_nv, h₁…h_nh — the unit order of {@link Rbm#toBoltzmannMachine()}) of
   * {@code rbm} at {@code temperature} by block Gibbs sampling in the layer actors: {@code chains}
   * chains started uniformly at random, {@code burnIn} sweeps, then one sample per chain every
   * {@code thin} sweeps, {@code samples} in all. The actors live in the system that runs the Source.
   */
  public static Source<int[], NotUsed> sample(Rbm rbm, int chains, int burnIn, int samples, int thin, double temperature, long seed) {
    return sampleBatches(rbm, chains, burnIn, samples, thin, temperature, seed, Duration.ofSeconds(30))
        .mapConcat(s -> joint(s.visible(), s.hidden()))
        .take(samples);
  }

  /** The visible part of {@link #sample}: one int[nVisible] per sample. */
  public static Source<int[], NotUsed> sampleVisible(Rbm rbm, int chains, int burnIn, int samples, int thin, double temperature, long seed) {
    return sampleVisible(rbm, chains, burnIn, samples, thin, temperature, seed, RbmSupervisor.Layers.LOCAL);
  }

  /**
   * As {@link #sampleVisible(Rbm, int, int, int, int, double, long)}, the two layer actors started
   * by {@code layers} (on a cluster, on other members; the supervisor draws every random number, so
   * the samples are those of one JVM).
   */
  public static Source<int[], NotUsed> sampleVisible(Rbm rbm, int chains, int burnIn, int samples, int thin, double temperature, long seed,
      RbmSupervisor.Layers layers) {
    return sampleBatches(rbm, chains, burnIn, samples, thin, temperature, seed, Duration.ofSeconds(30), layers)
        .mapConcat(s -> rowsOf(s.visible()))
        .take(samples);
  }

  /** {@link #sample} run to completion in an actor system of its own: samples×(nv+nh). */
  public static int[][] sampleBlocking(Rbm rbm, int chains, int burnIn, int samples, int thin, double temperature, long seed) {
    return withSystem("glauber-layer-sample", system -> sample(rbm, chains, burnIn, samples, thin, temperature, seed)
        .runWith(Sink.seq(), Materializer.createMaterializer(system))
        .thenApply(list -> list.toArray(new int[0][])));
  }

  /** The rounds of a sampling run as the supervisor answers them (chains×nv, chains×nh per round). */
  static Source<RbmSupervisor.Samples, NotUsed> sampleBatches(Rbm rbm, int chains, int burnIn, int samples, int thin,
      double temperature, long seed, Duration phaseTimeout) {
    return sampleBatches(rbm, chains, burnIn, samples, thin, temperature, seed, phaseTimeout, RbmSupervisor.Layers.LOCAL);
  }

  static Source<RbmSupervisor.Samples, NotUsed> sampleBatches(Rbm rbm, int chains, int burnIn, int samples, int thin,
      double temperature, long seed, Duration phaseTimeout, RbmSupervisor.Layers layers) {
    if (chains < 1 || burnIn < 0 || samples < 1 || thin < 1 || !(temperature > 0)) {
      throw new IllegalArgumentException("sampling with chains=" + chains + ", burnIn=" + burnIn + ", samples=" + samples
          + ", thin=" + thin + ", T=" + temperature + " (expected chains ≥ 1, burnIn ≥ 0, samples ≥ 1, thin ≥ 1, T > 0)");
    }
    LayerParameters parameters = LayerParameters.of(rbm.withTemperature(temperature));
    int rounds = (samples + chains - 1) / chains;
    Duration askTimeout = phaseTimeout.multipliedBy(2).plusSeconds(5);
    return Source.fromMaterializer((mat, attributes) -> {
          ActorSystem<Void> system = Adapter.toTyped(mat.system());
          ActorRef<RbmSupervisor.Command> supervisor = system.systemActorOf(
              RbmSupervisor.sampler(parameters, seed, phaseTimeout, layers), "rbm-layer-sampler-" + RUNS.incrementAndGet(), ActorConfig.on(system, ActorConfig.LAYER_DISPATCHER));
          StateBatch start = new RunRandom(seed).randomChains(chains, parameters.nVisible());
          return Source.range(0, rounds - 1)
              .mapAsync(1, round -> AskPattern.<RbmSupervisor.Command, RbmSupervisor.Reply>ask(supervisor,
                  replyTo -> new RbmSupervisor.Sample(round == 0 ? burnIn : thin, round == 0 ? start : null, replyTo),
                  askTimeout, system.scheduler()))
              .map(LayerEngine::orFail)
              .map(r -> (RbmSupervisor.Samples) r)
              .watchTermination((notUsed, done) -> {
                done.whenComplete((d, failure) -> supervisor.tell(new RbmSupervisor.Stop()));
                return notUsed;
              });
        })
        .mapMaterializedValue(m -> NotUsed.getInstance());
  }

  // ---- helpers --------------------------------------------------------------------------------

  static boolean evaluates(int every, int epoch, int epochs) {
    return every > 0 && (epoch % every == 0 || epoch == epochs);
  }

  static float[][] toFloatRows(double[][] data, int nVisible) {
    if (data.length == 0) throw new IllegalArgumentException("no data (expected at least one row)");
    float[][] rows = new float[data.length][];
    for (int r = 0; r < data.length; r++) {
      if (data[r].length != nVisible) {
        throw new IllegalArgumentException("data row " + r + " has " + data[r].length + " values (expected n_visible = " + nVisible + ")");
      }
      rows[r] = new float[nVisible];
      for (int i = 0; i < nVisible; i++) rows[r][i] = (float) data[r][i];
    }
    return rows;
  }

  private static RbmSupervisor.Reply orFail(RbmSupervisor.Reply reply) {
    if (reply instanceof RbmSupervisor.Failed f) throw new LayerEngineException(f.reason());
    return reply;
  }

  private static List<int[]> joint(StateBatch v, StateBatch h) {
    List<int[]> out = new ArrayList<>(v.rows());
    for (int r = 0; r < v.rows(); r++) {
      int[] s = new int[v.cols() + h.cols()];
      System.arraycopy(v.intRow(r), 0, s, 0, v.cols());
      System.arraycopy(h.intRow(r), 0, s, v.cols(), h.cols());
      out.add(s);
    }
    return out;
  }

  private static List<int[]> rowsOf(StateBatch v) {
    List<int[]> out = new ArrayList<>(v.rows());
    for (int r = 0; r < v.rows(); r++) out.add(v.intRow(r));
    return out;
  }

  public static <T> T withSystem(String name, java.util.function.Function<ActorSystem<Void>, CompletionStage<T>> run) {
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), name, config());
    try {
      return run.apply(system).toCompletableFuture().join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      throw e;
    } finally {
      system.terminate();
      try {
        system.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
      } catch (Exception ignored) {
        // termination is best effort: the result is already in hand
      }
    }
  }

  /** A layer-engine run failed (phase timeout, a layer that stopped for good, bad input). */
  public static final class LayerEngineException extends RuntimeException {
    public LayerEngineException(String message) {
      super(message);
    }
  }

}
