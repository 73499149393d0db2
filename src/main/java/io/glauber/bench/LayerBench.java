package io.glauber.bench;

import io.glauber.engine.actor.layer.DirectTrainer;
import io.glauber.engine.actor.layer.LayerEngine;
import io.glauber.engine.actor.layer.LayerSettings;

import akka.stream.Materializer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glauber.data.DataSpecs;
import io.glauber.data.Dataset;
import akka.stream.javadsl.Sink;
import io.glauber.engine.batch.RbmTrainer;
import io.glauber.engine.batch.TrainConfig;
import io.glauber.kernel.Blas;
import io.glauber.learn.LearningRule;
import io.glauber.model.Rbm;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code glauber bench layer}: CD-1 (or PCD-1) time per epoch with layer actors, against the same
 * arithmetic without actors ({@link DirectTrainer}, the actors' twin) and against the batched
 * engine itself ({@link RbmTrainer}); same data, settings, start and η = 0.05.
 *
 * <p>Method, as JMH measures: each engine runs in JVMs of its own ({@link Fork}; {@link #runOne} is
 * what each runs), warms up and is then measured in the same run — one actor system, one trainer —
 * and the forks of the three engines alternate in rotated order. Why forks: run one after another
 * in one JVM, the engines deoptimise each other's compiled code (they share {@code BatchGibbs},
 * {@code Team} and the learning rule), and each round's fresh actor system sets the compiler to
 * work again, which made the batched engine's epochs slower in one JVM than alone and the layer
 * actors' first epochs slower than their later ones. Why the long warm-up ({@link #WARMUP_BATCHES}):
 * the actor path's compiler keeps working long after the other engines' has settled. Each run
 * reports the compiler's time during its measured epochs ({@code jit_ms_measured}), so a reader can
 * see whether it had settled. The measurements behind these choices are in docs/BENCHMARKS.md
 * ("Actor engine: layer actors", sixth session).
 */
public final class LayerBench {
  private LayerBench() {}

  /** The engines compared. */
  enum Engine {
    DIRECT, ACTOR, BATCHED;

    /** The engine's name on the command line and in result keys. */
    String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The engine of that name, or a one-line error naming the choices. */
    static Engine parse(String name) {
      for (Engine e : values()) if (e.key().equals(name)) return e;
      throw new IllegalArgumentException("unknown engine '" + name + "' (expected direct, actor or batched)");
    }
  }

  /** Mini-batches each engine runs before its measured epochs, by default (see the class comment). */
  public static final int WARMUP_BATCHES = 3000;

  /** Mini-batches measured per run, by default. */
  public static final int MEASURE_BATCHES = 2000;

  /**
   * What {@code bench layer} is asked to run.
   *
   * @param data a binary data spec (e.g. {@code idx:...?binarize=0.5}), or null for {@code rows}
   *     random vectors of {@code visible} units, each unit on with probability 0.3
   * @param pcd PCD-1 (as many persistent chains as a mini-batch has rows) instead of CD-1; needs data
   * @param visible visible units of the random data
   * @param rows rows of the random data
   * @param hidden hidden units
   * @param batch mini-batch size
   * @param epochs measured epochs per run, or null for enough for {@link #MEASURE_BATCHES} mini-batches (at least 2)
   * @param warmup unrecorded epochs before them, or null for enough for {@link #WARMUP_BATCHES} mini-batches
   * @param forks fresh JVMs per engine; 0 runs all three engines in this JVM
   * @param engine run only this engine (direct, actor or batched) in this JVM, or null for all three
   * @param seed seed of the data, the initial model and the sampling
   */
  public record Request(String data, boolean pcd, int visible, int rows, int hidden, int batch, Integer epochs, Integer warmup,
      int forks, String engine, long seed) {
    public Request {
      // the messages name the options of bench layer, which this record mirrors
      if (pcd && data == null) throw new IllegalArgumentException("--pcd needs --data (the synthetic benchmark is CD-1)");
      if (warmup != null && warmup < 0) throw new IllegalArgumentException("--warmup " + warmup + " (expected ≥ 0 epochs)");
      if (epochs != null && epochs < 1) throw new IllegalArgumentException("--epochs " + epochs + " (expected ≥ 1)");
      if (forks < 0) throw new IllegalArgumentException("--forks " + forks + " (expected ≥ 0; 0 = all engines in this JVM)");
      if (engine != null) Engine.parse(engine);
      if (data == null && (visible < 1 || rows < 1)) {
        throw new IllegalArgumentException("--visible " + visible + ", --rows " + rows + " (expected ≥ 1 each)");
      }
    }
  }

  /**
   * Runs the request: the one engine asked for in this JVM (its epochs, as {@link #runOne}), or the
   * three engines in {@code forks} fresh JVMs each, or, with no forks, one after another in this JVM
   * (the comparison, as {@link #summary}).
   */
  public static Map<String, Object> run(Request r) {
    Spec spec = spec(r);
    if (r.engine() != null) return runOne(Engine.parse(r.engine()), spec);
    return r.forks() == 0 ? inProcess(spec) : forked(r, spec);
  }

  private static Spec spec(Request r) {
    double[][] x;
    String name;
    if (r.data() != null) {
      Dataset d = DataSpecs.load(r.data()).requireBinary();
      x = d.rowsAsDouble();
      name = d.name();
    } else {
      x = syntheticData(r.visible(), r.rows(), r.seed());
      name = "random binary, p(1) = 0.3";
    }
    int e = r.epochs() != null ? r.epochs() : Math.max(2, epochsFor(MEASURE_BATCHES, x.length, r.batch()));
    int w = r.warmup() != null ? r.warmup() : epochsFor(WARMUP_BATCHES, x.length, r.batch());
    return new Spec(x, name, r.pcd(), r.hidden(), r.batch(), e, w, r.seed());
  }

  /** Each engine in {@code forks} fresh JVMs, the order rotated each round (over three rounds each engine runs first, second and third once). */
  private static Map<String, Object> forked(Request r, Spec spec) {
    double loadBefore = Jvm.load();
    Engine[] engines = Engine.values();
    Map<Engine, List<Double>> times = new EnumMap<>(Engine.class);
    Map<Engine, Double> jit = new EnumMap<>(Engine.class);
    ObjectMapper mapper = new ObjectMapper();
    int run = 0;
    for (int f = 0; f < r.forks(); f++) {
      for (int j = 0; j < engines.length; j++) {
        Engine e = engines[(j + f) % engines.length];
        JsonNode result;
        try {
          result = mapper.readTree(Fork.jsonLine(childArgs(r, e, spec)));
        } catch (JsonProcessingException x) {
          throw new IllegalStateException("fork of the " + e.key() + " engine printed bad JSON: " + x.getOriginalMessage(), x);
        }
        List<Double> epochs = new ArrayList<>();
        result.get("epochs_s").forEach(t -> epochs.add(t.asDouble()));
        times.computeIfAbsent(e, k -> new ArrayList<>()).addAll(epochs);
        jit.merge(e, result.get("jit_ms_measured").asDouble(), Double::sum);
        System.err.printf("bench layer: fork %d of %d (%s): median %.4f s per epoch, compiler %d ms while measured%n",
            ++run, r.forks() * engines.length, e.key(), median(epochs), result.get("jit_ms_measured").asLong());
      }
    }
    return summary(spec, r.forks(), times, jit, loadBefore);
  }

  /** The command line of the fork that runs engine {@code e} alone on the same data with the same epochs. */
  private static List<String> childArgs(Request r, Engine e, Spec spec) {
    List<String> a = new ArrayList<>(List.of("bench", "layer", "--json", "--engine", e.key(), "--hidden", "" + r.hidden(),
        "--batch", "" + r.batch(), "--epochs", "" + spec.epochs(), "--warmup", "" + spec.warmupEpochs(), "--seed", "" + r.seed()));
    if (r.data() != null) {
      a.addAll(List.of("--data", r.data()));
      if (r.pcd()) a.add("--pcd");
    } else {
      a.addAll(List.of("--visible", "" + r.visible(), "--rows", "" + r.rows()));
    }
    return a;
  }

  /** Epochs of {@code rows} rows in mini-batches of {@code batchSize} that make at least {@code batches}. */
  static int epochsFor(int batches, int rows, int batchSize) {
    int batchesPerEpoch = Math.max(1, (rows + batchSize - 1) / Math.max(1, batchSize));
    return (batches + batchesPerEpoch - 1) / batchesPerEpoch;
  }

  /** {@code rows} random binary vectors of {@code nVisible} units, each unit on with probability 0.3. */
  static double[][] syntheticData(int nVisible, int rows, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] data = new double[rows][nVisible];
    for (double[] row : data) for (int i = 0; i < nVisible; i++) row[i] = rng.nextDouble() < 0.3 ? 1 : 0;
    return data;
  }

  /**
   * What is measured: binary {@code data} (rows × n_visible) named {@code dataName}, CD-1 or
   * ({@code persistent}) PCD-1 with as many chains as a mini-batch has rows, {@code nHidden} hidden
   * units, mini-batches of {@code batchSize}; per run {@code warmupEpochs} unrecorded epochs, then
   * {@code epochs} measured ones.
   */
  record Spec(double[][] data, String dataName, boolean persistent, int nHidden, int batchSize, int epochs,
      int warmupEpochs, long seed) {
    Spec {
      if (data.length == 0) throw new IllegalArgumentException("no data rows (expected at least one)");
      if (epochs < 1) throw new IllegalArgumentException(epochs + " measured epochs (expected ≥ 1)");
      if (warmupEpochs < 0) throw new IllegalArgumentException(warmupEpochs + " warm-up epochs (expected ≥ 0)");
      if (nHidden < 1 || batchSize < 1) {
        throw new IllegalArgumentException("bench of " + nHidden + " hidden units, batch " + batchSize + " (expected ≥ 1 each)");
      }
    }

    int nVisible() {
      return data[0].length;
    }

    String benchmark() {
      return persistent ? "rbm-pcd1-epoch" : "rbm-cd1-epoch";
    }
  }

  /**
   * One engine in this JVM: {@code warmupEpochs + epochs} epochs in one run; the measured epochs'
   * seconds ({@code epochs_s}), and the compiler's and collectors' milliseconds during the warm-up
   * and during the measured epochs.
   */
  static Map<String, Object> runOne(Engine engine, Spec s) {
    Recorder r = new Recorder(s.warmupEpochs());
    int n = s.warmupEpochs() + s.epochs();
    Rbm init = LayerEngine.initial(s.data(), s.nHidden(), s.seed());
    LayerSettings settings = s.persistent()
        ? LayerSettings.pcd(1, n, s.batchSize(), LearningRule.plain(0.05), s.seed())
        : LayerSettings.cd(1, n, s.batchSize(), LearningRule.plain(0.05), s.seed());
    switch (engine) {
      case DIRECT -> DirectTrainer.train(init, s.data(), settings, 0, m -> r.epoch(m.seconds()));
      case ACTOR -> LayerEngine.withSystem("glauber-layer-bench", system -> LayerEngine.training(system, init, s.data(), settings, 0)
          .runWith(Sink.foreach(m -> r.epoch(m.seconds())), Materializer.createMaterializer(system)));
      case BATCHED -> {
        int rows = s.data().length;
        int nv = s.nVisible();
        float[] flat = new float[rows * nv];
        for (int i = 0; i < rows; i++) for (int j = 0; j < nv; j++) flat[i * nv + j] = (float) s.data()[i][j];
        TrainConfig cfg = TrainConfig.parse("seed = " + s.seed() + ", model.hidden = " + s.nHidden()
            + ", train { method = " + (s.persistent() ? "pcd, chains = " + s.batchSize() : "cd")
            + ", k = 1, epochs = " + n + ", batch-size = " + s.batchSize()
            + ", learning-rate = 0.05, momentum = 0, monitor-rows = 0 }");
        try (RbmTrainer t = new RbmTrainer(cfg, flat, rows, nv, init)) {
          t.train((epoch, m) -> r.epoch(((Number) m.get("seconds")).doubleValue()));
        }
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("benchmark", s.benchmark());
    out.put("engine", engine.key());
    out.put("warmup_epochs", s.warmupEpochs());
    out.put("epochs", s.epochs());
    out.put("epochs_s", r.measured);
    out.put("jit_ms_warmup", r.jitAtMeasure - r.jitAtStart);
    out.put("jit_ms_measured", Jvm.jitMillis() - r.jitAtMeasure);
    out.put("gc_ms_measured", Jvm.gcMillis() - r.gcAtMeasure);
    return out;
  }

  /** All three engines one after another in this JVM (the CLI's {@code --forks 0}: quick, but see the class comment). */
  static Map<String, Object> inProcess(Spec s) {
    double loadBefore = Jvm.load();
    Map<Engine, List<Double>> epochs = new EnumMap<>(Engine.class);
    Map<Engine, Double> jit = new EnumMap<>(Engine.class);
    for (Engine e : Engine.values()) {
      Map<String, Object> one = runOne(e, s);
      @SuppressWarnings("unchecked") List<Double> times = (List<Double>) one.get("epochs_s");
      epochs.put(e, times);
      jit.put(e, ((Number) one.get("jit_ms_measured")).doubleValue());
    }
    return summary(s, 0, epochs, jit, loadBefore);
  }

  /**
   * The comparison from each engine's measured epochs (over all its runs): medians and fastest
   * epochs, their ratios (actor ÷ direct as {@code ratio}, actor ÷ batched as {@code ratio_to_batched}
   * and {@code ratio_to_batched_min}), the epoch lists, the compiler's milliseconds during each
   * engine's measured epochs, BLAS, cores and load averages. The layer actors and the twin train
   * on a last, smaller mini-batch when the rows do not divide evenly; {@code RbmTrainer} drops it.
   */
  static Map<String, Object> summary(Spec s, int forks, Map<Engine, List<Double>> epochs, Map<Engine, Double> jitMsMeasured,
      double loadBefore) {
    for (Engine e : Engine.values()) {
      if (epochs.getOrDefault(e, List.of()).isEmpty()) throw new IllegalArgumentException("no measured epochs of the " + e.key() + " engine");
    }
    double a = median(epochs.get(Engine.ACTOR));
    double d = median(epochs.get(Engine.DIRECT));
    double b = median(epochs.get(Engine.BATCHED));
    double aMin = Collections.min(epochs.get(Engine.ACTOR));
    double bMin = Collections.min(epochs.get(Engine.BATCHED));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("benchmark", s.benchmark());
    out.put("data", s.dataName());
    out.put("n_visible", s.nVisible());
    out.put("n_hidden", s.nHidden());
    out.put("rows", s.data().length);
    out.put("batch_size", s.batchSize());
    out.put("epochs", s.epochs());
    out.put("warmup_epochs", s.warmupEpochs());
    out.put("forks", forks);
    out.put("actor_s_per_epoch", a);
    out.put("direct_s_per_epoch", d);
    out.put("ratio", a / d);
    out.put("batched_s_per_epoch", b);
    out.put("ratio_to_batched", a / b);
    out.put("actor_min_s_per_epoch", aMin);
    out.put("batched_min_s_per_epoch", bMin);
    out.put("ratio_to_batched_min", aMin / bMin);
    Map<String, Object> jit = new LinkedHashMap<>();
    for (Engine e : Engine.values()) jit.put(e.key(), jitMsMeasured.get(e));
    out.put("jit_ms_measured", jit);
    out.put("actor_epochs_s", epochs.get(Engine.ACTOR));
    out.put("direct_epochs_s", epochs.get(Engine.DIRECT));
    out.put("batched_epochs_s", epochs.get(Engine.BATCHED));
    out.put("blas", Blas.backend());
    out.put("cores", Runtime.getRuntime().availableProcessors());
    out.put("load_average_before", loadBefore);
    out.put("load_average_after", Jvm.load());
    return out;
  }

  /** Epoch times after the warm-up, and the compiler's and collectors' clocks where measuring began. */
  private static final class Recorder {
    final int warmup;
    final List<Double> measured = new ArrayList<>();
    final long jitAtStart = Jvm.jitMillis();
    long jitAtMeasure;
    long gcAtMeasure;
    int seen;

    Recorder(int warmup) {
      this.warmup = warmup;
      if (warmup == 0) mark();
    }

    void epoch(double seconds) {
      seen++;
      if (seen > warmup) measured.add(seconds);
      if (seen == warmup) mark();
    }

    private void mark() {
      jitAtMeasure = Jvm.jitMillis();
      gcAtMeasure = Jvm.gcMillis();
    }
  }

  /** The median of xs (the mean of the middle two when their number is even). */
  static double median(List<Double> xs) {
    double[] s = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
  }
}
