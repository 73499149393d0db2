package io.glauber.cli;

import com.typesafe.config.Config;
import io.glauber.data.DataSpecs;
import io.glauber.data.Dataset;
import io.glauber.engine.batch.RbmSampler;
import io.glauber.engine.batch.RbmTrainer;
import io.glauber.engine.batch.TrainConfig;
import io.glauber.io.ImageGrid;
import io.glauber.io.MetricsWriter;
import io.glauber.io.ModelFiles;
import io.glauber.model.Rbm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * Trains an RBM on the batched engine ({@link RbmTrainer}: CD-k, PCD-k or parallel tempering),
 * evaluating {@code eval.metrics} every {@code eval.every} epochs (on {@code test-data} when given),
 * checkpointing into {@code checkpoints/} and resuming from there, and writing the model, samples,
 * filters and training curve.
 */
final class RbmBatchJob implements TrainJob {

  @Override
  public void run(Config c, Path out, boolean force, boolean resume) throws Exception {
    Dataset data = binary(DataSpecs.load(Configs.get(c, "data", Config::getString)));
    TrainConfig cfg = TrainConfig.from(c);
    int every = Configs.evalEvery(c, 1);
    Function<Rbm, Map<String, Object>> evaluate = RbmMonitor.evaluation(c, data, RbmMonitor.testData(c), cfg.hidden(), cfg.seed());
    Path checkpoints = out.resolve("checkpoints");
    boolean resuming = resume;
    if (!resume && Files.isDirectory(checkpoints)) deleteCheckpoints(checkpoints); // --force on an old run: start afresh
    RbmTrainer trainer = RbmTrainer.resumeOrStart(cfg, data.values(), data.rows(), data.cols(), checkpoints,
        problem -> System.err.println("glauber: " + problem));
    if (resuming) System.err.printf("glauber: resuming at epoch %d, step %d%n", trainer.epoch(), trainer.step());
    trainer.withEpochMetrics(rbm -> trainer.epoch() % every == 0 || trainer.epoch() == cfg.epochs() ? evaluate.apply(rbm) : Map.of());
    long t0 = System.nanoTime();
    RbmMonitor monitor = new RbmMonitor();
    try (trainer;
        MetricsWriter metrics = resuming ? MetricsWriter.append(out.resolve("metrics.jsonl")) : MetricsWriter.open(out.resolve("metrics.jsonl"), force);
        Progress bar = new Progress("train " + data.name() + " (" + cfg.method().name().toLowerCase() + ")", cfg.epochs())) {
      trainer.train((epoch, m) -> {
        metrics.write(m);
        monitor.record(epoch, m, bar);
      }, checkpoints);
      Rbm model = trainer.rbm();
      ModelFiles.write(out.resolve("model.npz"), model, force || resuming);
      writeSamples(c, data, model, out, force || resuming, cfg.seed());
      writeFilters(data, model, out, force || resuming);
      monitor.writeCurves(out, force || resuming);
      System.out.printf("trained RBM %d×%d on %s (%s) in %.1f s%s; model %s%n", model.nVisible(), model.nHidden(), data.name(),
          cfg.method().name().toLowerCase(), (System.nanoTime() - t0) / 1e9,
          monitor.exactLlSuffix(),
          out.resolve("model.npz"));
    }
  }

  private static void deleteCheckpoints(Path dir) throws java.io.IOException {
    try (var files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) Files.delete(f);
    }
  }

  static Dataset binary(Dataset d) {
    if (!d.isBinary()) {
      throw new IllegalArgumentException(d.name() + ": values are not all 0 or 1 (expected binary data; add ?binarize=0.5 to an idx: spec)");
    }
    return d;
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

  /** The incoming weights of the first 100 hidden units as image tiles, each normalised to its range. */
  static void writeFilters(Dataset data, Rbm model, Path out, boolean force) {
    if (!data.isImage()) return;
    int count = Math.min(100, model.nHidden());
    float[][] tiles = new float[count][data.cols()];
    for (int j = 0; j < count; j++) for (int i = 0; i < data.cols(); i++) tiles[j][i] = (float) model.weight(i, j);
    int scale = Math.max(1, 32 / Math.max(data.imageWidth(), data.imageHeight()));
    ImageGrid.writeGrid(out.resolve("filters.png"), tiles, data.imageWidth(), data.imageHeight(), 10, scale, true, force);
  }
}
