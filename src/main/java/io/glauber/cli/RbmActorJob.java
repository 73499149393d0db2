package io.glauber.cli;

import com.typesafe.config.Config;
import io.glauber.data.DataSpecs;
import io.glauber.data.Dataset;
import io.glauber.engine.actor.layer.LayerEngine;
import io.glauber.engine.actor.layer.LayerSettings;
import io.glauber.engine.batch.CdTrainer;
import io.glauber.io.MetricsWriter;
import io.glauber.io.ModelFiles;
import io.glauber.engine.batch.TrainConfig;
import io.glauber.model.Rbm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Trains an RBM with layer actors (the actor engine): a visible-layer and a hidden-layer actor
 * alternate block-Gibbs updates under an RBM supervisor that runs the CD-k or PCD-k phases and
 * applies the shared learning rule. Same configuration keys, monitors ({@code eval.metrics} every
 * {@code eval.every} epochs, on {@code test-data} when given) and outputs (model, samples, filters,
 * curves, one metrics line per epoch) as the batched job; no checkpoints.
 */
final class RbmActorJob implements TrainJob {

  @Override
  public void run(Config c, Path out, boolean force, boolean resume) throws Exception {
    if (resume) throw new IllegalArgumentException("--resume: this job keeps no checkpoints (the batched RBM trainer does)");
    Dataset data = RbmBatchJob.binary(DataSpecs.load(Configs.get(c, "data", Config::getString)));
    // the same keys, defaults and validation as the batched engine
    TrainConfig cfg = TrainConfig.from(c);
    if (cfg.method() == TrainConfig.Method.PT) {
      throw new IllegalArgumentException("config: train.method = pt (the layer actors run cd or pcd)");
    }
    if (cfg.method() == TrainConfig.Method.PCD && c.hasPath("train.chains") && cfg.chains() != cfg.batchSize()) {
      throw new IllegalArgumentException("config: train.chains = " + cfg.chains() + " (the layer actors run as many persistent chains"
          + " as a mini-batch has rows: train.batch-size = " + cfg.batchSize() + ")");
    }
    long seed = cfg.seed();
    int epochs = cfg.epochs();
    // the configuration's momentum and learning-rate schedules, as one rule per epoch
    List<io.glauber.learn.LearningRule> rules = new ArrayList<>();
    for (int e = 0; e < epochs; e++) rules.add(cfg.ruleAt(e));
    LayerSettings settings = new LayerSettings(cfg.k(), epochs, cfg.batchSize(), cfg.ruleAt(0), seed,
        cfg.method() == TrainConfig.Method.PCD, Duration.ofSeconds(Configs.get(c, "actor.phase-timeout-s", Config::getInt, 60)))
        .withSchedule(rules);
    Rbm init = CdTrainer.initial(data.values(), data.rows(), data.cols(), cfg.hidden(), cfg.initStd(), new SplittableRandom(seed).split());
    int every = Configs.evalEvery(c, 1);
    // the same monitors as the batched job
    Function<Rbm, Map<String, Object>> evaluate = RbmMonitor.evaluation(c, data, RbmMonitor.testData(c), cfg.hidden(), seed);
    RbmMonitor monitor = new RbmMonitor();
    long t0 = System.nanoTime();
    Rbm model;
    try (MetricsWriter metrics = MetricsWriter.open(out.resolve("metrics.jsonl"), force);
        Progress bar = new Progress("train " + data.name() + " (layer actors)", epochs)) {
      model = LayerEngine.train(init, data.rowsAsDouble(), settings, 0, epochMetrics -> {
        int epoch = epochMetrics.epoch();
        Map<String, Object> m = epochMetrics.toMap();
        if (epoch % every == 0 || epoch == epochs) m.putAll(evaluate.apply(epochMetrics.model()));
        metrics.write(m);
        monitor.record(epoch, m, bar);
      });
    }
    ModelFiles.write(out.resolve("model.npz"), model, force);
    RbmBatchJob.writeSamples(c, data, model, out, force, seed);
    RbmBatchJob.writeFilters(data, model, out, force);
    monitor.writeCurves(out, force);
    System.out.printf("trained RBM %d×%d on %s with layer actors in %.1f s%s; model %s%n", model.nVisible(), model.nHidden(), data.name(),
        (System.nanoTime() - t0) / 1e9, monitor.exactLlSuffix(),
        out.resolve("model.npz"));
  }
}
