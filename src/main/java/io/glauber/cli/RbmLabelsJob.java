package io.glauber.cli;

import com.typesafe.config.Config;
import io.glauber.data.Dataset;
import io.glauber.data.LabelUnits;
import io.glauber.engine.batch.ConditionalSamples;
import io.glauber.engine.batch.RbmTrainer;
import io.glauber.engine.batch.TrainConfig;
import io.glauber.evaluate.LabelClassification;
import io.glauber.io.Json;
import io.glauber.io.ModelFiles;
import java.nio.file.Path;
import java.util.Map;

/** {@code model.type = rbm-labels}: a joint RBM of images and label units (docs/CLASSIFICATION.md); prints the accuracies as JSON. */
final class RbmLabelsJob implements TrainJob {
  @Override
  public void run(Config c, Path out, boolean force, boolean resume) throws Exception {
    Dataset data = Configs.binaryData(c), test = RbmMonitor.testData(c);
    if (test == null) throw new IllegalArgumentException("config: missing key 'test-data' (the labelled test images)");
    TrainConfig cfg = TrainConfig.from(c);
    LabelClassification.Settings s = LabelClassification.Settings.from(c, cfg.seed());
    Dataset train = LabelUnits.append(LabelClassification.trainingRows(data, s), s.classes());
    try (RbmTrainer trainer = RbmTrainer.open(cfg, train, out.resolve("checkpoints"), resume, p -> System.err.println("glauber: " + p));
        Progress bar = new Progress("train " + train.name(), cfg.epochs())) {
      long t0 = System.nanoTime();
      trainer.train((epoch, m) -> bar.stepTo(epoch), out.resolve("checkpoints"));
      double seconds = (System.nanoTime() - t0) / 1e9;
      ModelFiles.write(out.resolve("model.npz"), trainer.rbm(), force || resume);
      Map<String, Object> result = LabelClassification.report(trainer.rbm(), data, test, s);
      result.put("train_seconds", seconds);
      ConditionalSamples.writePictures(trainer.rbm(), s.classes(), test, out, force || resume, cfg.seed() + 1);
      System.out.println(Json.toLine(result));
    }
  }
}
