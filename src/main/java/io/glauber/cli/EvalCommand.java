package io.glauber.cli;

import io.glauber.data.DataSpecs;
import io.glauber.data.Dataset;
import io.glauber.exact.ExactBoltzmann;
import io.glauber.exact.ExactRbm;
import io.glauber.io.Json;
import io.glauber.io.ModelFiles;
import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Model;
import io.glauber.model.Rbm;
import io.glauber.model.Units;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code glauber eval --model FILE --data SPEC --metric NAME [--json]}. */
@Command(name = "eval", mixinStandardHelpOptions = true, description = "Evaluate a model on data.")
final class EvalCommand implements Callable<Integer> {
  @Option(names = "--model", required = true, paramLabel = "FILE", description = "Model file (.npz).")
  Path model;

  @Option(names = "--data", required = true, paramLabel = "SPEC", description = "Data spec: bas:4x4, idx:PATH?binarize=0.5, csv:PATH, ...")
  String data;

  @Option(names = "--metric", required = true, paramLabel = "NAME",
      description = "exact-ll, ais-ll, pseudo-ll, recon-error, free-energy-gap or features-accuracy.")
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
    if (!io.glauber.evaluate.Evaluation.METRICS.contains(metric)) {
      throw new IllegalArgumentException("unknown metric '" + metric + "' (expected one of " + io.glauber.evaluate.Evaluation.METRICS + ")");
    }
    Model m = ModelFiles.read(model);
    Dataset d = DataSpecs.load(data);
    if (d.cols() != m.nVisible()) {
      throw new IllegalArgumentException(data + ": " + d.cols() + " values per row (expected n_visible = " + m.nVisible() + " of " + model + ")");
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("metric", metric);
    result.put("model", model.toString());
    result.put("data", data);
    result.put("rows", d.rows());
    if (metric.equals("exact-ll") && m instanceof BoltzmannMachine) {
      result.put("value", exactLogLikelihood(m, d));
      result.put("unit", "nats per pattern");
    } else if (m instanceof Rbm r) {
      // the same code the trainer's per-epoch report runs, so the figures agree to the last digit
      Dataset ref = reference == null ? null : DataSpecs.load(reference);
      Map<String, Object> e = io.glauber.evaluate.Evaluation.run(metric, r, d, ref, seed);
      e.remove("metric");
      e.remove("rows");
      String key = metric.replace('-', '_');
      if (e.containsKey(key)) result.put("value", e.get(key));
      result.putAll(e);
    } else {
      throw new IllegalArgumentException("metric " + metric + " is for RBMs (this model is a Boltzmann machine; use exact-ll)");
    }
    if (json) {
      System.out.println(Json.toLine(result));
    } else {
      result.forEach((k, v) -> System.out.printf("%-22s %s%n", k, v instanceof double[] x ? java.util.Arrays.toString(x) : v));
    }
    return 0;
  }

  /** Mean exact log p(v) per pattern; data in {0,1} (mapped to ±1 for spin models). */
  static double exactLogLikelihood(Model m, Dataset d) {
    if (!d.isBinary()) throw new IllegalArgumentException(d.name() + ": values are not all 0 or 1 (expected binary data)");
    double[][] rows = d.rowsAsDouble();
    if (m instanceof Rbm r) return ExactRbm.of(r).meanLogLikelihood(rows);
    BoltzmannMachine b = (BoltzmannMachine) m;
    if (b.units() == Units.SPIN) {
      for (int i = 0; i < rows.length; i++) rows[i] = BoltzmannMachine.convertState(rows[i], Units.BINARY, Units.SPIN);
    }
    return ExactBoltzmann.of(b).meanLogLikelihood(rows);
  }
}
