package io.glauber.cli;

import com.typesafe.config.Config;
import io.glauber.data.DataSpecs;
import io.glauber.data.Dataset;
import io.glauber.engine.batch.CdTrainer;
import io.glauber.engine.batch.RbmSampler;
import io.glauber.engine.batch.RbmTrainingSettings;
import io.glauber.exact.ExactRbm;
import io.glauber.io.ImageGrid;
import io.glauber.io.MetricsWriter;
import io.glauber.io.ModelFiles;
import io.glauber.kernel.Blas;
import io.glauber.learn.LearningRule;
import io.glauber.model.Rbm;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Trains an RBM with the batched engine (CD-k), reporting the exact mean log-likelihood per pattern
 * (when the smaller layer has ≤ 24 units) every {@code eval.every} epochs.
 */
final class RbmBatchJob implements TrainJob {

  @Override
  public void run(Config c, Path out, boolean force) throws Exception {
    Dataset data = DataSpecs.load(Configs.get(c, "data", Config::getString));
    if (!data.isBinary()) {
      throw new IllegalArgumentException(data.name() + ": values are not all 0 or 1 (expected binary data; add ?binarize=0.5 to an idx: spec)");
    }
    long seed = Configs.get(c, "seed", Config::getLong, 1L);
    LearningRule rule = new LearningRule(
        Configs.get(c, "train.learning-rate", Config::getDouble),
        Configs.get(c, "train.momentum", Config::getDouble, 0.0),
        Configs.get(c, "train.weight-decay", Config::getDouble, 0.0),
        Configs.get(c, "train.sparsity.target", Config::getDouble, 0.0),
        Configs.get(c, "train.sparsity.cost", Config::getDouble, 0.0),
        Configs.get(c, "train.sparsity.decay", Config::getDouble, 0.9));
    RbmTrainingSettings s = new RbmTrainingSettings(
        Configs.get(c, "model.hidden", Config::getInt),
        Configs.get(c, "train.k", Config::getInt, 1),
        Configs.get(c, "train.epochs", Config::getInt),
        Configs.get(c, "train.batch-size", Config::getInt),
        rule,
        Configs.get(c, "train.init-std", Config::getDouble, 0.01),
        seed);
    int every = Configs.get(c, "eval.every", Config::getInt, 1);
    boolean exact = Math.min(data.cols(), s.hidden()) <= ExactRbm.MAX_ENUMERATED;
    double[][] rows = exact ? data.rowsAsDouble() : null;
    String backend = Blas.backendId();
    long t0 = System.nanoTime();
    double[] lastLl = {Double.NaN};
    Rbm model;
    try (MetricsWriter metrics = MetricsWriter.open(out.resolve("metrics.jsonl"), force);
        Progress bar = new Progress("train " + data.name(), s.epochs())) {
      model = new CdTrainer(s).train(data.values(), data.rows(), data.cols(), (rbm, epoch) -> {
        if (epoch % every != 0 && epoch != s.epochs()) {
          bar.stepTo(epoch);
          return;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epoch", epoch);
        if (exact) {
          lastLl[0] = ExactRbm.of(rbm).meanLogLikelihood(rows);
          m.put("exact_ll", lastLl[0]);
          bar.message(String.format("exact LL %.4f", lastLl[0]));
        }
        m.put("seconds", (System.nanoTime() - t0) / 1e9);
        m.put("blas_backend", backend);
        metrics.write(m);
        bar.stepTo(epoch);
      });
    }
    ModelFiles.write(out.resolve("model.npz"), model, force);
    writeSamples(c, data, model, out, force, seed);
    System.out.printf("trained %s %d×%d on %s in %.1f s%s; model %s%n", "RBM", model.nVisible(), model.nHidden(), data.name(),
        (System.nanoTime() - t0) / 1e9, exact ? String.format("; exact mean LL %.4f nats per pattern", lastLl[0]) : "",
        out.resolve("model.npz"));
  }

  static void writeSamples(Config c, Dataset data, Rbm model, Path out, boolean force, long seed) {
    int count = Configs.get(c, "output.samples", Config::getInt, 64);
    int burnIn = Configs.get(c, "output.sample-burn-in", Config::getInt, 1000);
    if (count == 0) return;
    RbmSampler sampler = new RbmSampler(model, count, 1.0, null, seed + 1);
    for (int s = 0; s < burnIn; s++) sampler.sweep();
    float[] v = sampler.visibleStates();
    float[][] tiles = new float[count][];
    for (int k = 0; k < count; k++) tiles[k] = java.util.Arrays.copyOfRange(v, k * data.cols(), (k + 1) * data.cols());
    int w = data.isImage() ? data.imageWidth() : data.cols();
    int h = data.isImage() ? data.imageHeight() : 1;
    int scale = Math.max(1, 32 / Math.max(w, h));
    ImageGrid.writeGrid(out.resolve("samples.png"), tiles, w, h, (int) Math.ceil(Math.sqrt(count)), scale, false, force);
  }
}
