package io.glauber.bench;

import com.typesafe.config.Config;
import io.glauber.data.DataSpecs;
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

/**
 * Classification by clamping (seed 002; docs/CLASSIFICATION.md), the experiment that
 * {@code bin/glauber train} runs for {@code model.type = rbm-labels} (config/rbm-fashion-labels.conf):
 * a joint RBM of binary images and C one-hot label units ({@link LabelUnits}) trained by the batched
 * RBM trainer on {@code data} minus its last {@code labels.validation-rows}, then
 * {@link LabelClassification#report}: clamped sampling, exact p(y | x) and the softmax-regression
 * baseline, on the validation rows and on {@code test-data}, printed as one JSON object; the model
 * and the pictures of {@link ConditionalSamples#writePictures} go into the output directory.
 */
public final class ClassificationExperiment {
  private ClassificationExperiment() {}

  /** Runs the experiment of configuration {@code c} into {@code out} (the signature of the command line's train jobs). */
  public static void run(Config c, Path out, boolean force, boolean resume) {
    Dataset data = DataSpecs.load(c.getString("data")).requireBinary();
    if (!c.hasPath("test-data")) throw new IllegalArgumentException("config: missing key 'test-data' (the labelled test images)");
    Dataset test = DataSpecs.load(c.getString("test-data")).requireBinary();
    TrainConfig cfg = TrainConfig.from(c);
    LabelClassification.Settings s = LabelClassification.Settings.from(c, cfg.seed());
    Dataset train = LabelUnits.append(LabelClassification.trainingRows(data, s), s.classes());
    try (RbmTrainer trainer = RbmTrainer.open(cfg, train, out.resolve("checkpoints"), resume, p -> System.err.println("glauber: " + p))) {
      long t0 = System.nanoTime();
      trainer.train((epoch, m) -> System.err.printf("glauber: epoch %d/%d%n", epoch, cfg.epochs()), out.resolve("checkpoints"));
      double seconds = (System.nanoTime() - t0) / 1e9;
      ModelFiles.write(out.resolve("model.npz"), trainer.rbm(), force || resume);
      Map<String, Object> result = LabelClassification.report(trainer.rbm(), data, test, s);
      result.put("train_seconds", seconds);
      ConditionalSamples.writePictures(trainer.rbm(), s.classes(), test, out, force || resume, cfg.seed() + 1);
      System.out.println(Json.toLine(result));
    }
  }
}
