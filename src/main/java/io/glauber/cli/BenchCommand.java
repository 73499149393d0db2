package io.glauber.cli;

import io.glauber.bench.ActorBench;
import io.glauber.bench.BenchSettings;
import io.glauber.bench.ClusterBench;
import io.glauber.bench.GibbsBench;
import io.glauber.bench.HopfieldBenchmark;
import io.glauber.bench.LayerBench;
import io.glauber.bench.PatchBench;
import io.glauber.bench.RbmBench;
import io.glauber.bench.jmh.KernelBenchmarks;
import io.glauber.engine.actor.Granularity;
import io.glauber.engine.actor.Mode;
import io.glauber.engine.actor.Timing;
import io.glauber.io.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/** {@code glauber bench ...}: the benchmarks of {@code io.glauber.bench}, whose results docs/BENCHMARKS.md records. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks (measure on a quiet machine; every result names the BLAS backend).",
    subcommands = {BenchCommand.Rbm.class, BenchCommand.Actor.class, BenchCommand.Hopfield.class, BenchCommand.Layer.class, BenchCommand.Gibbs.class, BenchCommand.Jmh.class})
final class BenchCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing benchmark (rbm, actor, hopfield, layer, gibbs, jmh)");
  }

  static void print(Map<String, Object> result, boolean json) {
    if (json) System.out.println(Json.toLine(result));
    else result.forEach((k, v) -> System.out.printf("%-22s %s%n", k, v instanceof double[] d ? java.util.Arrays.toString(d) : v));
  }

  /** The options both RBM benchmarks share: the model's shape, the seed and --json. */
  static final class Shape {
    @Option(names = "--visible", defaultValue = "784") int visible;
    @Option(names = "--hidden", defaultValue = "500") int hidden;
    @Option(names = "--batch", defaultValue = "100") int batch;
    @Option(names = "--seed", defaultValue = "1") long seed;
    @Option(names = "--json") boolean json;
  }

  @Command(name = "rbm", mixinStandardHelpOptions = true, description = "Batched RBM training samples/s beside the sgemm bound, scikit-learn and numpy.")
  static final class Rbm implements Runnable {
    @Mixin Shape shape;
    @Option(names = "--data", defaultValue = BenchSettings.FASHION_MNIST) String data;
    @Option(names = "--k", defaultValue = "1") int k;
    @Option(names = "--seconds", defaultValue = "20", description = "Measuring time (after a warm-up of a quarter of it).") double seconds;
    @Option(names = "--peers", defaultValue = "bench/peers.py", description = "Peers script, run with --python.") Path peers;
    @Option(names = "--no-peers", description = "Skip the Python peers.") boolean noPeers;
    @Option(names = "--python", defaultValue = "/usr/bin/python3", description = "Interpreter with scikit-learn (Debian's python3-sklearn).") String python;
    @Option(names = "--peer-rows", defaultValue = "20000") int peerRows;

    @Override public void run() {
      var s = new BenchSettings(data, shape.visible, shape.hidden, shape.batch, k, seconds, noPeers ? null : peers, python, peerRows, shape.seed);
      print(RbmBench.run(s), shape.json);
    }
  }

  @Command(name = "actor", mixinStandardHelpOptions = true, description = "Asynchronous neuron actors on an Ising lattice vs the ping-pong message ceiling.")
  static final class Actor implements Runnable {
    @Option(names = "--side", defaultValue = "64", split = ",", description = "Lattice side(s) L (L² neuron actors), e.g. 32,100,316.") List<Integer> sides;
    @Option(names = "--temperature", defaultValue = "2.5") double temperature;
    @Option(names = "--warmup-s", defaultValue = "3") int warmup;
    @Option(names = "--measure-s", defaultValue = "5") int measure;
    @Option(names = "--throughput", defaultValue = "32", description = "Dispatcher throughput (messages per actor per turn; sampling runs at the free-running dispatcher's, 8 unless configured).") int throughput;
    @Option(names = "--seed", defaultValue = "1") long seed;
    @Option(names = "--mode", defaultValue = "async", split = ",", description = "exact, exclusive and/or async (default ${DEFAULT-VALUE}).") List<String> modes;
    @Option(names = "--event-driven-ms", paramLabel = "MS", description = "Event-driven updates over a background clock of this mean interval (async, exclusive).") Long eventDrivenMs;
    @Option(names = "--delay-us", defaultValue = "0", description = "Mean message delay in µs, every mode (exact: changes and acks).") long delayUs;
    @Option(names = "--delay-shape", defaultValue = "fixed", description = "fixed, exponential or log-normal[:σ], with /edge for one delay per synapse.") String delayShape;
    @Option(names = "--json") boolean json;
    @Option(names = "--png", paramLabel = "FILE", description = "Also plot wall and CPU ns per update against the number of neurons (one point per side).") Path png;
    @Option(names = "--force", description = "Replace an existing --png file.") boolean force;
    @Option(names = "--granularity", defaultValue = "neuron", description = "neuron (a neuron actor per site) or patch (square tiles of about --patch-size sites, default 10000, at least two per core).") String granularity;
    @Option(names = "--patch-size", defaultValue = "10000") int patchSize;
    @Mixin ClusterOptions cluster;

    @Override public void run() {
      if (cluster.on()) {
        var s = new ClusterBench.Settings(sides.get(0), Granularity.parse(granularity, patchSize), temperature, Duration.ofSeconds(warmup), Duration.ofSeconds(measure), seed);
        ClusterBench.run(s, cluster.settings(), cluster.members()).forEach(r -> print(r, json));
        return;
      }
      if (Granularity.parse(granularity, patchSize).patch()) {
        PatchBench.modes(new PatchBench.Settings(sides, patchSize, temperature, Duration.ofSeconds(warmup), Duration.ofSeconds(measure), seed),
            modes.stream().map(Mode::parse).toList(), Duration.ofNanos(delayUs * 1000), Timing.parseDelayShape(delayShape), r -> print(r, json));
        return;
      }
      if (throughput < 1) throw new IllegalArgumentException("--throughput " + throughput + " (expected ≥ 1)");
      var s = new ActorBench.Settings(sides, temperature, Duration.ofSeconds(warmup), Duration.ofSeconds(measure), seed, throughput,
          modes.stream().map(Mode::parse).toList(), eventDrivenMs == null ? null : Duration.ofMillis(eventDrivenMs),
          Duration.ofNanos(delayUs * 1000), Timing.parseDelayShape(delayShape));
      ActorBench.scaling(s, png, force, r -> print(r, json));
    }
  }

  @Command(name = "hopfield", mixinStandardHelpOptions = true, description = "Batched Hopfield recall: probes of an N-unit network with p stored patterns.")
  static final class Hopfield implements Runnable {
    @Option(names = "--units", defaultValue = "1000") int n;
    @Option(names = "--patterns", defaultValue = "100") int p;
    @Option(names = "--probes", defaultValue = "10000") int probes;
    @Option(names = "--noise", defaultValue = "0.1") double noise;
    @Option(names = "--threads", defaultValue = "2") int threads;
    @Option(names = "--repeats", defaultValue = "5") int repeats;
    @Option(names = "--json") boolean json;

    @Override public void run() { print(HopfieldBenchmark.run(new HopfieldBenchmark.Settings(n, p, probes, noise, threads, repeats), System.err::println), json); }
  }

  @Command(name = "layer", mixinStandardHelpOptions = true, description = "RBM CD-1 with layer actors vs the same kernel and learning rule without actors,"
      + " and vs the batched engine; each engine warmed up and measured in fresh JVMs of its own (forks), as JMH does.")
  static final class Layer implements Runnable {
    @Mixin Shape shape;
    @Option(names = "--rows", defaultValue = "2000") int rows;
    @Option(names = "--epochs", description = "Measured epochs per run (default: enough for " + LayerBench.MEASURE_BATCHES + " mini-batches, at least 2).") Integer epochs;
    @Option(names = "--warmup", description = "Unrecorded epochs before them, in the same run (default: enough for " + LayerBench.WARMUP_BATCHES
        + " mini-batches, after which the compiler had settled).") Integer warmup;
    @Option(names = "--forks", defaultValue = "2", description = "Fresh JVMs per engine, the engines' forks in rotated order;"
        + " 0 runs all three engines in this JVM, where they slow each other's compiled code.") int forks;
    @Option(names = "--engine", paramLabel = "ENGINE", description = "Run only this engine (direct, actor or batched), in this JVM, and print its epochs: what each fork runs.") String engine;
    @Option(names = "--data", paramLabel = "SPEC", description = "Train on this binary data set (e.g. idx:...train-images...?binarize=0.5) instead of --rows random vectors of --visible units.") String data;
    @Option(names = "--pcd", description = "PCD-1 (as many persistent chains as a mini-batch has rows) instead of CD-1; with --data.") boolean pcd;

    @Override public void run() {
      print(LayerBench.run(new LayerBench.Request(data, pcd, shape.visible, rows, shape.hidden, shape.batch, epochs, warmup, forks, engine, shape.seed)), shape.json);
    }
  }

  @Command(name = "gibbs", mixinStandardHelpOptions = true, description = "Batched colour-class Gibbs on an Ising torus (spins, J = 1, T = 2.5) vs a sequential"
      + " one-chain loop in this JVM; with --dense, a fully connected BM of N units vs the rate of its products alone.")
  static final class Gibbs implements Runnable {
    @Option(names = "--dense", arity = "0..1", fallbackValue = "256", defaultValue = "0", paramLabel = "N", description = "Also a dense BM of N units (N default 256).") int dense;
    @Option(names = "--side", defaultValue = "64") int side;
    @Option(names = "--chains", defaultValue = "512", description = "Chains (blocks of 256 are split over the cores).") int chains;
    @Option(names = "--seconds", defaultValue = "5", description = "Measuring time of each figure: 5 windows taken in turns with its baseline, median reported (after a warm-up until two windows agree).") double seconds;
    @Option(names = "--seed", defaultValue = "1") long seed;
    @Option(names = "--json") boolean json;

    @Override public void run() { print(GibbsBench.run(new GibbsBench.Settings(side, chains, seconds, dense, seed)), json); }
  }

  @Command(name = "jmh", description = "JMH benchmarks of the kernels (sgemm, σ, Bernoulli draws, one Glauber update), with JMH's options:"
      + " e.g. -wi 3 -i 5 -f 2 Elementwise; -h lists them all, -l the benchmarks.")
  static final class Jmh implements Runnable {
    @Unmatched List<String> args = new java.util.ArrayList<>();

    @Override public void run() { KernelBenchmarks.run(args); }
  }
}
