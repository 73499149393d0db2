package io.glauber.job;

import com.typesafe.config.Config;
import io.glauber.data.DataSpecs;
import io.glauber.data.Dataset;
import io.glauber.evaluate.Evaluation;
import io.glauber.evaluate.TrainingCurves;
import io.glauber.exact.ExactRbm;
import io.glauber.model.Rbm;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What both RBM training jobs (batched and layer actors) do with their epochs: evaluate
 * {@code eval.metrics} (default {@code exact-ll} when the model is small enough to enumerate, else
 * {@code recon-error}) on {@code test-data} when given, collect the training curves
 * ({@link TrainingCurves}), show the latest figure on the progress bar, and draw the curves at the end.
 */
final class RbmMonitor {
  private final TrainingCurves curves = new TrainingCurves();
  private Double lastExactLl;

  /** The configuration's {@code test-data} (binary), or null. */
  static Dataset testData(Config c) {
    return c.hasPath("test-data") ? DataSpecs.load(c.getString("test-data")).requireBinary() : null;
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
    curves.add(epoch, m);
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

  /** The curves as pictures, with {@code model}'s singular modes when {@code svd} was evaluated ({@link TrainingCurves#write}). */
  void writeCurves(Path out, Rbm model, Dataset data, boolean force) {
    curves.write(out, model, data, force);
  }
}
