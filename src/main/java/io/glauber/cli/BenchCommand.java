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
    subcommands = {BenchCommand.Hopfield.class, BenchCommand.Layer.class})
final class BenchCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing benchmark (hopfield, layer)");
  }

  static void print(Map<String, Object> result, boolean json) {
    if (json) {
      System.out.println(Json.toLine(result));
    } else {
      result.forEach((k, v) -> System.out.printf("%-22s %s%n", k, v instanceof double[] d ? java.util.Arrays.toString(d) : v));
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
    @Option(names = "--epochs", defaultValue = "6") int epochs;
    @Option(names = "--seed", defaultValue = "1") long seed;
    @Option(names = "--json") boolean json;

    @Override
    public Integer call() {
      print(LayerEngine.bench(visible, hidden, rows, batch, epochs, seed), json);
      return 0;
    }
  }
}
