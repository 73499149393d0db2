package io.glauber.job;

import com.typesafe.config.Config;
import io.glauber.data.Dataset;
import io.glauber.engine.batch.RbmSampler;
import io.glauber.engine.batch.RbmTrainer;
import io.glauber.engine.batch.TrainConfig;
import io.glauber.engine.batch.cluster.ClusterTraining;
import io.glauber.io.ImageGrid;
import io.glauber.io.MetricsWriter;
import io.glauber.io.ModelFiles;
import io.glauber.model.Rbm;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * Trains an RBM on the batched engine ({@link RbmTrainer#open}: CD-k, PCD-k or parallel tempering,
 * checkpoints in {@code checkpoints/}, resumed from there), evaluating {@code eval.metrics} every
 * {@code eval.every} epochs (on {@code test-data} when given), then writes the model, samples,
 * filters and training curves. With {@code cluster.join} (train --join HOST:PORT --members N) every
 * step's statistics are computed on the cluster's members ({@link ClusterTraining}).
 */
final class RbmBatchJob implements TrainJob {

  @Override
  public void run(Config c, Path out, boolean force, boolean resume) throws Exception {
    Dataset data = Configs.binaryData(c);
    TrainConfig cfg = TrainConfig.from(c);
    int every = Configs.evalEvery(c, 1);
    Function<Rbm, Map<String, Object>> evaluate = RbmMonitor.evaluation(c, data, RbmMonitor.testData(c), cfg.hidden(), cfg.seed());
    RbmMonitor monitor = new RbmMonitor();
    long t0 = System.nanoTime();
    try (ClusterTraining cluster = ClusterTraining.fromConfig(c);
        RbmTrainer trainer = RbmTrainer.open(cfg, data, out.resolve("checkpoints"), resume, p -> System.err.println("glauber: " + p));
        MetricsWriter metrics = resume ? MetricsWriter.append(out.resolve("metrics.jsonl")) : MetricsWriter.open(out.resolve("metrics.jsonl"), force);
        Progress bar = new Progress("train " + data.name() + " (" + cfg.method().name().toLowerCase() + ")", cfg.epochs())) {
      if (resume) System.err.printf("glauber: resuming at epoch %d, step %d%n", trainer.epoch(), trainer.step());
      trainer.withEpochMetrics(rbm -> trainer.epoch() % every == 0 || trainer.epoch() == cfg.epochs() ? evaluate.apply(rbm) : Map.of())
          .keepingBest("exact_ll");
      if (cluster != null) trainer.dataParallel(cluster.shards());
      ClusterTraining.train(trainer, (epoch, m) -> {
        metrics.write(m);
        monitor.record(epoch, m, bar);
      }, out.resolve("checkpoints"), out.resolve("model.npz"));
      // the best-evaluated model is the run's result; the last one is kept beside it when it differs
      RbmTrainer.Best best = trainer.best().orElse(new RbmTrainer.Best(trainer.epoch(), Double.NaN, trainer.rbm()));
      if (best.epoch() != trainer.epoch()) ModelFiles.write(out.resolve("model-last.npz"), trainer.rbm(), force || resume);
      writeOutputs(c, data, best.model(), out, force || resume, cfg.seed(), monitor);
      String ll = Double.isNaN(best.value()) ? monitor.exactLlSuffix() : String.format("; exact mean LL %.4f nats per pattern at epoch %d,"
          + " the best evaluated%s", best.value(), best.epoch(), best.epoch() == trainer.epoch() ? "" : " (the last epoch's: model-last.npz)");
      System.out.printf("trained RBM %d×%d on %s (%s) in %.1f s%s; model %s%n", data.cols(), cfg.hidden(), data.name(),
          cfg.method().name().toLowerCase(), (System.nanoTime() - t0) / 1e9, ll, out.resolve("model.npz"));
    }
  }

  /**
   * What both RBM jobs leave behind: model.npz, samples.png ({@code output.samples} chains after
   * {@code output.sample-burn-in} sweeps), filters.png (the first 100 hidden units' weights, image
   * data only), the training curves and, with {@code svd} evaluated, the leading singular modes.
   */
  static void writeOutputs(Config c, Dataset data, Rbm model, Path out, boolean force, long seed, RbmMonitor monitor) {
    ModelFiles.write(out.resolve("model.npz"), model, force);
    int count = Configs.get(c, "output.samples", Config::getInt, 64);
    int w = data.isImage() ? data.imageWidth() : data.cols();
    int h = data.isImage() ? data.imageHeight() : 1;
    int scale = Math.max(1, 32 / Math.max(w, h));
    if (count > 0) {
      float[][] samples = RbmSampler.visibleSamples(model, count, Configs.get(c, "output.sample-burn-in", Config::getInt, 1000), seed + 1);
      ImageGrid.writeGrid(out.resolve("samples.png"), samples, w, h, (int) Math.ceil(Math.sqrt(count)), scale, false, force);
    }
    if (data.isImage()) ImageGrid.writeGrid(out.resolve("filters.png"), model.filters(100), w, h, 10, scale, true, force);
    monitor.writeCurves(out, model, data, force);
  }
}
