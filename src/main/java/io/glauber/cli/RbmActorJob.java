package io.glauber.cli;

import com.typesafe.config.Config;
import io.glauber.data.DataSpecs;
import io.glauber.data.Dataset;
import io.glauber.engine.actor.layer.LayerEngine;
import io.glauber.engine.actor.layer.LayerSettings;
import io.glauber.engine.batch.CdTrainer;
import io.glauber.io.MetricsWriter;
import io.glauber.io.ModelFiles;
import io.glauber.learn.LearningRule;
import io.glauber.model.Rbm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;

/**
 * Trains an RBM with layer actors (the actor engine): a visible-layer and a hidden-layer actor
 * alternate block-Gibbs updates under an RBM supervisor that runs the CD-k or PCD-k phases and
 * applies the shared learning rule. Same configuration keys as the batched job.
 */
final class RbmActorJob implements TrainJob {

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
    String method = Configs.get(c, "train.method", Config::getString, "cd");
    if (!method.equals("cd") && !method.equals("pcd")) {
      throw new IllegalArgumentException("config: train.method = " + method + " (the actor engine runs cd or pcd)");
    }
    int epochs = Configs.get(c, "train.epochs", Config::getInt);
    LayerSettings settings = new LayerSettings(
        Configs.get(c, "train.k", Config::getInt, 1), epochs, Configs.get(c, "train.batch-size", Config::getInt),
        rule, seed, method.equals("pcd"), Duration.ofSeconds(Configs.get(c, "actor.phase-timeout-s", Config::getInt, 60)));
    int hidden = Configs.get(c, "model.hidden", Config::getInt);
    Rbm init = CdTrainer.initial(data.values(), data.rows(), data.cols(), hidden,
        Configs.get(c, "train.init-std", Config::getDouble, 0.01), new SplittableRandom(seed).split());
    int every = Configs.get(c, "eval.every", Config::getInt, 1);
    long t0 = System.nanoTime();
    Rbm model;
    try (MetricsWriter metrics = MetricsWriter.open(out.resolve("metrics.jsonl"), force);
        Progress bar = new Progress("train " + data.name() + " (layer actors)", epochs)) {
      model = LayerEngine.train(init, data.rowsAsDouble(), settings, m -> {
        int epoch = ((Number) m.get("epoch")).intValue();
        if (epoch % every == 0 || epoch == epochs) {
          metrics.write(m);
          Object ll = m.get("exact_ll");
          if (ll instanceof Double d && !d.isNaN()) bar.message(String.format("exact LL %.4f", d));
        }
        bar.stepTo(epoch);
      });
    }
    ModelFiles.write(out.resolve("model.npz"), model, force);
    RbmBatchJob.writeSamples(c, data, model, out, force, seed);
    System.out.printf("trained RBM %d×%d on %s with layer actors in %.1f s; model %s%n", model.nVisible(), model.nHidden(), data.name(),
        (System.nanoTime() - t0) / 1e9, out.resolve("model.npz"));
  }
}
