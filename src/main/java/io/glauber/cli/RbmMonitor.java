package io.glauber.cli;

import com.typesafe.config.Config;
import io.glauber.data.DataSpecs;
import io.glauber.data.Dataset;
import io.glauber.evaluate.Evaluation;
import io.glauber.exact.ExactRbm;
import io.glauber.io.Plots;
import io.glauber.model.Rbm;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What both RBM training jobs (batched and layer actors) do with their epochs: evaluate
 * {@code eval.metrics} (default {@code exact-ll} when the model is small enough to enumerate, else
 * {@code recon-error}) on {@code test-data} when given, collect the training curves, show the latest
 * figure on the progress bar, and draw the curves at the end.
 */
final class RbmMonitor {
  private static final List<String> CURVES =
      List.of("exact_ll", "ais_ll", "pseudo_ll", "recon_error", "recon_error_train", "free_energy_gap");

  private final Map<String, List<double[]>> curve = new LinkedHashMap<>();
  private Double lastExactLl;

  /** The configuration's {@code test-data} (binary), or null. */
  static Dataset testData(Config c) {
    return c.hasPath("test-data") ? RbmBatchJob.binary(DataSpecs.load(c.getString("test-data"))) : null;
  }

  /** The per-epoch evaluation of {@code eval.metrics} for an RBM of {@code hidden} units on {@code data}. */
  static Function<Rbm, Map<String, Object>> evaluation(Config c, Dataset data, Dataset test, int hidden, long seed) {
    boolean exactFeasible = Math.min(data.cols(), hidden) <= ExactRbm.MAX_ENUMERATED;
    List<String> metricNames = c.hasPath("eval.metrics") ? c.getStringList("eval.metrics")
        : List.of(exactFeasible ? "exact-ll" : "recon-error");
    return Evaluation.perEpoch(metricNames, data, test, seed);
  }

  /** Adds an epoch's metrics to the curves and shows its exact LL (or reconstruction error) on {@code bar}. */
  void record(int epoch, Map<String, Object> m, Progress bar) {
    for (String key : CURVES) {
      if (m.get(key) instanceof Number v) curve.computeIfAbsent(key, k -> new ArrayList<>()).add(new double[] {epoch, v.doubleValue()});
    }
    if (m.get("exact_ll") instanceof Number ll) {
      lastExactLl = ll.doubleValue();
      bar.message(String.format("exact LL %.4f", lastExactLl));
    } else if (m.get("recon_error_train") instanceof Number r) {
      bar.message(String.format("recon %.3f", r.doubleValue()));
    } else if (m.get("recon_error") instanceof Number r) {
      bar.message(String.format("recon %.3f", r.doubleValue()));
    }
    bar.stepTo(epoch);
  }

  /** "; exact mean LL … nats per pattern" of the last evaluated epoch, or "" when none was. */
  String exactLlSuffix() {
    return lastExactLl == null ? "" : String.format("; exact mean LL %.4f nats per pattern", lastExactLl);
  }

  /** Log-likelihoods on one chart, reconstruction errors and free-energy gap on another. */
  void writeCurves(Path out, boolean force) {
    Map<String, double[][]> ll = new LinkedHashMap<>();
    Map<String, double[][]> other = new LinkedHashMap<>();
    curve.forEach((k, points) -> {
      double[][] xy = new double[2][points.size()];
      for (int i = 0; i < points.size(); i++) {
        xy[0][i] = points.get(i)[0];
        xy[1][i] = points.get(i)[1];
      }
      (k.endsWith("_ll") ? ll : other).put(k, xy);
    });
    Plots.lines(out.resolve("curve-ll.png"), "Log-likelihood per pattern", "epoch", "nats", ll, force);
    Plots.lines(out.resolve("curve-recon.png"), "Reconstruction error and free-energy gap", "epoch", "", other, force);
  }
}
