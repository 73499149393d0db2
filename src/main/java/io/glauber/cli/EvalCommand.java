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

  @Option(names = "--metric", required = true, paramLabel = "NAME", description = "exact-ll")
  String metric;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  /** Metrics by name: each maps a model and data to a figure. */
  private static final Map<String, java.util.function.BiFunction<Model, Dataset, Double>> METRICS = Map.of(
      "exact-ll", EvalCommand::exactLogLikelihood);

  @Override
  public Integer call() {
    var compute = METRICS.get(metric);
    if (compute == null) {
      throw new IllegalArgumentException("unknown metric '" + metric + "' (expected one of " + new java.util.TreeSet<>(METRICS.keySet()) + ")");
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
    result.put("value", compute.apply(m, d));
    result.put("unit", "nats per pattern");
    if (json) {
      System.out.println(Json.toLine(result));
    } else {
      System.out.printf("%s of %s on %s (%d rows): %.6f %s%n", metric, model, data, d.rows(), (double) result.get("value"), result.get("unit"));
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
