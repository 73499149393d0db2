package io.glauber.cli;

import io.glauber.data.DataSpecs;
import io.glauber.data.Dataset;
import io.glauber.evaluate.Evaluation;
import io.glauber.io.Json;
import io.glauber.io.ModelFiles;
import io.glauber.model.Model;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code glauber eval --model FILE --data SPEC --metric NAME [--json]}: {@link Evaluation#evaluate}. */
@Command(name = "eval", mixinStandardHelpOptions = true, description = "Evaluate a model on data.")
final class EvalCommand implements Callable<Integer> {
  @Option(names = "--model", required = true, paramLabel = "FILE", description = "Model file (.npz).")
  Path model;
  @Option(names = "--data", required = true, paramLabel = "SPEC", description = "Data spec: bas:4x4, idx:PATH?binarize=0.5, csv:PATH, ...")
  String data;
  @Option(names = "--metric", required = true, paramLabel = "NAME",
      description = "exact-ll, ais-ll, pseudo-ll, recon-error, free-energy-gap, features-accuracy or svd.")
  String metric;
  @Option(names = "--reference", paramLabel = "SPEC",
      description = "Training data where a metric needs it: AIS base rates (ais-ll), the training side of free-energy-gap, the labelled training set of features-accuracy.")
  String reference;
  @Option(names = "--seed", defaultValue = "1", description = "Seed of the random parts (AIS runs, classifier).")
  long seed;
  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Override
  public Integer call() {
    if (!Evaluation.METRICS.contains(metric)) {
      throw new IllegalArgumentException("unknown metric '" + metric + "' (expected one of " + Evaluation.METRICS + ")");
    }
    Model m = ModelFiles.read(model);
    Dataset d = DataSpecs.load(data);
    if (d.cols() != m.nVisible()) {
      throw new IllegalArgumentException(data + ": " + d.cols() + " values per row (expected n_visible = " + m.nVisible() + " of " + model + ")");
    }
    Dataset ref = reference == null ? null : DataSpecs.load(reference);
    // the same code the trainer's per-epoch report runs, so the figures agree to the last digit
    Map<String, Object> result = Json.object("metric", metric, "model", model.toString(), "data", data);
    result.putAll(Evaluation.evaluate(metric, m, d, ref, seed));
    if (json) {
      System.out.println(Json.toLine(result));
    } else {
      result.forEach((k, v) -> System.out.printf("%-22s %s%n", k, v instanceof double[] x ? Arrays.toString(x) : v));
    }
    return 0;
  }
}
