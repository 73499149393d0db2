package io.glauber.cli;

import io.glauber.engine.actor.layer.LayerEngine;
import io.glauber.hopfield.HopfieldBenchmark;
import io.glauber.io.Json;
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
    @Option(names = "--data", defaultValue = io.glauber.engine.batch.BenchSettings.FASHION_MNIST) String data;
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
      var s = new io.glauber.engine.batch.BenchSettings(data, visible, hidden, batch, k, seconds,
          noPeers ? null : java.nio.file.Path.of(peers), python, peerRows, seed);
      print(io.glauber.engine.batch.RbmBench.run(s), json);
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
        Map<String, Object> r = io.glauber.engine.actor.ActorBench.run(sides[i], temperature, java.time.Duration.ofSeconds(warmup),
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

  /** CD-1 training time per epoch with layer actors against the same arithmetic without actors. */
  @Command(name = "layer", mixinStandardHelpOptions = true, description = "RBM CD-1 with layer actors vs the same kernel and learning rule without actors.")
  static final class Layer implements Callable<Integer> {
    @Option(names = "--visible", defaultValue = "784") int visible;
    @Option(names = "--hidden", defaultValue = "500") int hidden;
    @Option(names = "--rows", defaultValue = "2000") int rows;
    @Option(names = "--batch", defaultValue = "100") int batch;
    @Option(names = "--epochs", defaultValue = "6", description = "Epochs per measured run (the first of each is dropped).") int epochs;
    @Option(names = "--warmup", description = "Unrecorded epochs per engine before measuring (JIT warm-up; default: enough for "
        + LayerEngine.WARMUP_BATCHES + " mini-batches, about where the compiler has settled on the synthetic set).") Integer warmup;
    @Option(names = "--rounds", defaultValue = "3", description = "Rounds of one run per engine, order rotated.") int rounds;
    @Option(names = "--data", paramLabel = "SPEC", description = "Train on this binary data set (e.g. idx:...train-images...?binarize=0.5) instead of --rows random vectors of --visible units.") String data;
    @Option(names = "--pcd", description = "PCD-1 (as many persistent chains as a mini-batch has rows) instead of CD-1; with --data.") boolean pcd;
    @Option(names = "--seed", defaultValue = "1") long seed;
    @Option(names = "--json") boolean json;

    @Override
    public Integer call() {
      if (pcd && data == null) throw new IllegalArgumentException("--pcd needs --data (the synthetic benchmark is CD-1)");
      if (warmup != null && warmup < 0) throw new IllegalArgumentException("--warmup " + warmup + " (expected ≥ 0 epochs)");
      if (data != null) {
        io.glauber.data.Dataset d = RbmBatchJob.binary(io.glauber.data.DataSpecs.load(data));
        double[][] x = d.rowsAsDouble();
        print(LayerEngine.bench(x, d.name(), pcd, hidden, batch, epochs, warmupEpochs(x.length), rounds, seed), json);
        return 0;
      }
      print(LayerEngine.bench(visible, hidden, rows, batch, epochs, warmupEpochs(rows), rounds, seed), json);
      return 0;
    }

    private int warmupEpochs(int n) {
      return warmup != null ? warmup : LayerEngine.warmupEpochs(n, batch);
    }
  }
}
