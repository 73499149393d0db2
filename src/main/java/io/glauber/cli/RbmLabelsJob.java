package io.glauber.cli;

import com.typesafe.config.Config;
import io.glauber.data.Dataset;
import io.glauber.data.LabelUnits;
import io.glauber.engine.batch.ConditionalSamples;
import io.glauber.engine.batch.RbmTrainer;
import io.glauber.engine.batch.TrainConfig;
import io.glauber.evaluate.LabelClassification;
import io.glauber.evaluate.SoftmaxRegression;
import io.glauber.io.ImageGrid;
import io.glauber.io.Json;
import io.glauber.io.ModelFiles;
import io.glauber.model.Rbm;
import java.nio.file.Path;
import java.util.Map;

/**
 * A joint RBM of images and one-hot label units ({@code model.type = rbm-labels}): trained by the
 * batched RBM trainer, then classification by clamping (evaluate.LabelClassification) on the
 * held-out {@code labels.validation-rows} and on {@code test-data}, printed as one JSON object;
 * pictures of samples per label and of completions of the top half of test images.
 */
final class RbmLabelsJob implements TrainJob {
  @Override
  public void run(Config c, Path out, boolean force, boolean resume) throws Exception {
    Dataset all = Configs.binaryData(c), test = RbmMonitor.testData(c);
    int classes = Configs.get(c, "labels.classes", Config::getInt, 10), hold = Configs.get(c, "labels.validation-rows", Config::getInt, 0);
    if (test == null || hold < 0 || hold >= all.rows()) throw new IllegalArgumentException("config: test-data missing or labels.validation-rows = " + hold + " (expected 0.." + (all.rows() - 1) + ")");
    Dataset train = all.subset(0, all.rows() - hold);
    TrainConfig cfg = TrainConfig.from(c);
    var s = new LabelClassification.Settings(classes, Configs.get(c, "labels.burn-in", Config::getInt, 20), Configs.get(c, "labels.sweeps", Config::getInt, 100), 
        Configs.get(c, "labels.chains", Config::getInt, 1), cfg.seed());
    var lr = new SoftmaxRegression.Settings(Configs.get(c, "labels.logistic-epochs", Config::getInt, 20), 100, 1e-3, 1e-4, cfg.seed());
    long t0 = System.nanoTime();
    try (RbmTrainer trainer = RbmTrainer.open(cfg, LabelUnits.append(train, classes), out.resolve("checkpoints"), resume, p -> System.err.println("glauber: " + p));
        Progress bar = new Progress("train " + train.name() + " + labels", cfg.epochs())) {
      trainer.train((epoch, m) -> bar.stepTo(epoch), out.resolve("checkpoints"));
      Rbm rbm = trainer.rbm();
      ModelFiles.write(out.resolve("model.npz"), rbm, force || resume);
      double seconds = (System.nanoTime() - t0) / 1e9;
      Map<String, Object> result = LabelClassification.evaluate(rbm, train, test, s, lr);
      if (hold > 0) result.put("validation", LabelClassification.evaluate(rbm, train, all.subset(all.rows() - hold, all.rows()), s, lr));
      result.put("train_seconds", seconds);
      int w = all.imageWidth(), h = all.imageHeight();
      ImageGrid.writeGrid(out.resolve("samples-per-label.png"), ConditionalSamples.perLabel(rbm, classes, 10, 1000, cfg.seed() + 1), w, h, 10, 2, false, force || resume);
      ImageGrid.writeGrid(out.resolve("completions.png"), ConditionalSamples.completions(rbm, test, java.util.stream.IntStream.range(0, 10).toArray(), all.cols() / 2, 8, 1000, cfg.seed() + 2), w, h, 10, 2, false, force || resume);
      System.out.println(Json.toLine(result));
    }
  }
}
