package io.glauber.cli;

import io.glauber.bench.Fork;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glauber.bench.LayerBench;
import io.glauber.bench.HopfieldBenchmark;
import io.glauber.io.Json;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code glauber bench ...}: the benchmarks whose results docs/BENCHMARKS.md records. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Benchmarks (measure on a quiet machine; every result names the BLAS backend).",
    subcommands = {BenchCommand.Rbm.class, BenchCommand.Actor.class, BenchCommand.Hopfield.class, BenchCommand.Layer.class})
final class BenchCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing benchmark (rbm, actor, hopfield, layer)");
  }

  static void print(Map<String, Object> result, boolean json) {
    if (json) {
      System.out.println(Json.toLine(result));
    } else {
      result.forEach((k, v) -> System.out.printf("%-22s %s%n", k, v instanceof double[] d ? java.util.Arrays.toString(d) : v));
    }
  }

  /**
   * PCD-k training throughput of the batched engine on Fashion-MNIST, the machine's sgemm rate at
   * the step's shapes and the arithmetic bound it implies, and the peers (scikit-learn's
   * BernoulliRBM and a numpy CD-1 loop, run by bench/peers.py) measured in the same run.
   */
  @Command(name = "rbm", mixinStandardHelpOptions = true, description = "Batched RBM training samples/s beside the sgemm bound, scikit-learn and numpy.")
  static final class Rbm implements Callable<Integer> {
    @Option(names = "--data", defaultValue = io.glauber.bench.BenchSettings.FASHION_MNIST) String data;
    @Option(names = "--visible", defaultValue = "784") int visible;
    @Option(names = "--hidden", defaultValue = "500") int hidden;
    @Option(names = "--batch", defaultValue = "100") int batch;
    @Option(names = "--k", defaultValue = "1") int k;
    @Option(names = "--seconds", defaultValue = "20", description = "Measuring time (after a warm-up of a quarter of it).") double seconds;
    @Option(names = "--peers", defaultValue = "bench/peers.py", description = "Peers script, run with --python.") String peers;
    @Option(names = "--no-peers", description = "Skip the Python peers.") boolean noPeers;
    @Option(names = "--python", defaultValue = "/usr/bin/python3", description = "Interpreter with scikit-learn (Debian's python3-sklearn).") String python;
    @Option(names = "--peer-rows", defaultValue = "20000") int peerRows;
    @Option(names = "--seed", defaultValue = "1") long seed;
    @Option(names = "--json") boolean json;

    @Override
    public Integer call() {
      var s = new io.glauber.bench.BenchSettings(data, visible, hidden, batch, k, seconds,
          noPeers ? null : java.nio.file.Path.of(peers), python, peerRows, seed);
      print(io.glauber.bench.RbmBench.run(s), json);
      return 0;
    }
  }

  /**
   * Neuron actors on a periodic L×L Ising lattice at T = 2.5 in async mode: updates/s and the
   * messages/s the engine delivers, beside the plain ping-pong ceiling of the same actor system.
   */
  @Command(name = "actor", mixinStandardHelpOptions = true, description = "Asynchronous neuron actors on an Ising lattice vs the ping-pong message ceiling.")
  static final class Actor implements Callable<Integer> {
    @Option(names = "--side", defaultValue = "64", split = ",", description = "Lattice side(s) L (L² neuron actors), e.g. 32,100,316.") int[] sides;
    @Option(names = "--temperature", defaultValue = "2.5") double temperature;
    @Option(names = "--warmup-s", defaultValue = "3") int warmup;
    @Option(names = "--measure-s", defaultValue = "5") int measure;
    @Option(names = "--throughput", defaultValue = "32", description = "Dispatcher throughput (messages per actor per turn; sampling runs at the free-running dispatcher's, 8 unless configured).") int throughput;
    @Option(names = "--seed", defaultValue = "1") long seed;
    @Option(names = "--json") boolean json;
    @Option(names = "--png", paramLabel = "FILE", description = "Also plot wall and CPU ns per update against the number of neurons (one point per side).") java.nio.file.Path png;
    @Option(names = "--force", description = "Replace an existing --png file.") boolean force;

    @Override
    public Integer call() {
      if (throughput < 1) throw new IllegalArgumentException("--throughput " + throughput + " (expected ≥ 1)");
      if (png != null) io.glauber.io.AtomicFiles.checkWritable(png, force); // before minutes of measuring
      double[] neurons = new double[sides.length];
      double[] wall = new double[sides.length];
      double[] cpu = new double[sides.length];
      for (int i = 0; i < sides.length; i++) {
        Map<String, Object> r = io.glauber.bench.ActorBench.run(sides[i], temperature, java.time.Duration.ofSeconds(warmup),
            java.time.Duration.ofSeconds(measure), seed, throughput);
        print(r, json);
        neurons[i] = ((Number) r.get("neurons")).doubleValue();
        wall[i] = ((Number) r.get("ns_per_update")).doubleValue();
        cpu[i] = ((Number) r.get("cpu_ns_per_update")).doubleValue();
      }
      if (png != null) {
        Map<String, double[][]> series = new java.util.LinkedHashMap<>();
        series.put("wall ns per update", new double[][] {neurons, wall});
        series.put("CPU ns per update (all threads)", new double[][] {neurons, cpu});
        io.glauber.io.Plots.lines(png, "Neuron actors, Ising lattice at T = " + temperature + ", " + throughput + " messages per turn",
            "neuron actors", "ns", series, true, force);
      }
      return 0;
    }
  }

  /** Recall of many probes by the batched Hopfield engine. */
  @Command(name = "hopfield", mixinStandardHelpOptions = true, description = "Batched Hopfield recall: probes of an N-unit network with p stored patterns.")
  static final class Hopfield implements Callable<Integer> {
    @Option(names = "--units", defaultValue = "1000") int n;
    @Option(names = "--patterns", defaultValue = "100") int p;
    @Option(names = "--probes", defaultValue = "10000") int probes;
    @Option(names = "--noise", defaultValue = "0.1") double noise;
    @Option(names = "--threads", defaultValue = "2") int threads;
    @Option(names = "--repeats", defaultValue = "5") int repeats;
    @Option(names = "--json") boolean json;

    @Override
    public Integer call() {
      var s = new HopfieldBenchmark.Settings(n, p, probes, noise, threads, repeats);
      print(HopfieldBenchmark.run(s, line -> System.err.println(line)), json);
      return 0;
    }
  }

  /**
   * CD-1 training time per epoch with layer actors against the same arithmetic without actors and
   * against the batched engine, each engine in JVMs of its own ({@link LayerBench}).
   */
  @Command(name = "layer", mixinStandardHelpOptions = true,
      description = "RBM CD-1 with layer actors vs the same kernel and learning rule without actors, and vs the batched engine;"
          + " each engine warmed up and measured in fresh JVMs of its own (forks), as JMH does.")
  static final class Layer implements Callable<Integer> {
    @Option(names = "--visible", defaultValue = "784") int visible;
    @Option(names = "--hidden", defaultValue = "500") int hidden;
    @Option(names = "--rows", defaultValue = "2000") int rows;
    @Option(names = "--batch", defaultValue = "100") int batch;
    @Option(names = "--epochs", description = "Measured epochs per run (default: enough for " + LayerBench.MEASURE_BATCHES
        + " mini-batches, at least 2).") Integer epochs;
    @Option(names = "--warmup", description = "Unrecorded epochs before them, in the same run (default: enough for "
        + LayerBench.WARMUP_BATCHES + " mini-batches, after which the compiler had settled).") Integer warmup;
    @Option(names = "--forks", defaultValue = "2", description = "Fresh JVMs per engine, the engines' forks in rotated order;"
        + " 0 runs all three engines in this JVM, where they slow each other's compiled code.") int forks;
    @Option(names = "--engine", paramLabel = "ENGINE", description = "Run only this engine (direct, actor or batched), in this JVM,"
        + " and print its epochs: what each fork runs.") String engine;
    @Option(names = "--data", paramLabel = "SPEC", description = "Train on this binary data set (e.g. idx:...train-images...?binarize=0.5) instead of --rows random vectors of --visible units.") String data;
    @Option(names = "--pcd", description = "PCD-1 (as many persistent chains as a mini-batch has rows) instead of CD-1; with --data.") boolean pcd;
    @Option(names = "--seed", defaultValue = "1") long seed;
    @Option(names = "--json") boolean json;

    @Override
    public Integer call() {
      if (pcd && data == null) throw new IllegalArgumentException("--pcd needs --data (the synthetic benchmark is CD-1)");
      if (warmup != null && warmup < 0) throw new IllegalArgumentException("--warmup " + warmup + " (expected ≥ 0 epochs)");
      if (epochs != null && epochs < 1) throw new IllegalArgumentException("--epochs " + epochs + " (expected ≥ 1)");
      if (forks < 0) throw new IllegalArgumentException("--forks " + forks + " (expected ≥ 0; 0 = all engines in this JVM)");
      LayerBench.Engine only = engine == null ? null : LayerBench.Engine.parse(engine);
      LayerBench.Spec spec = spec();
      if (only != null) {
        print(LayerBench.runOne(only, spec), json);
      } else if (forks == 0) {
        print(LayerBench.inProcess(spec), json);
      } else {
        print(forked(spec), json);
      }
      return 0;
    }

    private LayerBench.Spec spec() {
      double[][] x;
      String name;
      if (data != null) {
        io.glauber.data.Dataset d = RbmBatchJob.binary(io.glauber.data.DataSpecs.load(data));
        x = d.rowsAsDouble();
        name = d.name();
      } else {
        if (visible < 1 || rows < 1) throw new IllegalArgumentException("--visible " + visible + ", --rows " + rows + " (expected ≥ 1 each)");
        x = LayerBench.syntheticData(visible, rows, seed);
        name = "random binary, p(1) = 0.3";
      }
      int e = epochs != null ? epochs : Math.max(2, LayerBench.epochsFor(LayerBench.MEASURE_BATCHES, x.length, batch));
      int w = warmup != null ? warmup : LayerBench.epochsFor(LayerBench.WARMUP_BATCHES, x.length, batch);
      return new LayerBench.Spec(x, name, pcd, hidden, batch, e, w, seed);
    }

    /** Each engine in {@code forks} fresh JVMs, the order rotated each round (over three rounds each engine runs first, second and third once). */
    private Map<String, Object> forked(LayerBench.Spec spec) {
      double loadBefore = LayerBench.load();
      LayerBench.Engine[] engines = LayerBench.Engine.values();
      Map<LayerBench.Engine, List<Double>> times = new EnumMap<>(LayerBench.Engine.class);
      Map<LayerBench.Engine, Double> jit = new EnumMap<>(LayerBench.Engine.class);
      ObjectMapper mapper = new ObjectMapper();
      int run = 0;
      for (int f = 0; f < forks; f++) {
        for (int j = 0; j < engines.length; j++) {
          LayerBench.Engine e = engines[(j + f) % engines.length];
          JsonNode result;
          try {
            result = mapper.readTree(Fork.jsonLine(childArgs(e, spec)));
          } catch (com.fasterxml.jackson.core.JsonProcessingException x) {
            throw new IllegalStateException("fork of the " + e.key() + " engine printed bad JSON: " + x.getOriginalMessage(), x);
          }
          List<Double> epochs = new ArrayList<>();
          result.get("epochs_s").forEach(t -> epochs.add(t.asDouble()));
          times.computeIfAbsent(e, k -> new ArrayList<>()).addAll(epochs);
          jit.merge(e, result.get("jit_ms_measured").asDouble(), Double::sum);
          System.err.printf("bench layer: fork %d of %d (%s): median %.4f s per epoch, compiler %d ms while measured%n",
              ++run, forks * engines.length, e.key(), LayerBench.median(epochs), result.get("jit_ms_measured").asLong());
        }
      }
      return LayerBench.summary(spec, forks, times, jit, loadBefore);
    }

    private List<String> childArgs(LayerBench.Engine e, LayerBench.Spec spec) {
      List<String> a = new ArrayList<>(List.of("bench", "layer", "--json", "--engine", e.key(), "--hidden", "" + hidden, "--batch", "" + batch,
          "--epochs", "" + spec.epochs(), "--warmup", "" + spec.warmupEpochs(), "--seed", "" + seed));
      if (data != null) {
        a.addAll(List.of("--data", data));
        if (pcd) a.add("--pcd");
      } else {
        a.addAll(List.of("--visible", "" + visible, "--rows", "" + rows));
      }
      return a;
    }
  }
}
