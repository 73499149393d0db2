package io.glauber.job;

import com.typesafe.config.Config;
import io.glauber.data.Dataset;
import io.glauber.engine.actor.cluster.ClusterPhases;
import io.glauber.engine.actor.layer.EpochMetrics;
import io.glauber.engine.actor.layer.LayerEngine;
import io.glauber.engine.actor.layer.LayerTrainConfig;
import io.glauber.io.MetricsWriter;
import io.glauber.io.ModelFiles;
import io.glauber.model.Rbm;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Trains an RBM with layer actors ({@link LayerEngine}); the batched job's keys, monitors and
 * outputs, no checkpoints. With {@code cluster.join} (train --join) the two layers run on other
 * members; a run that loses one stops with one line and the model of its last completed epoch
 * saved as model.npz (the model the supervisor handed to that epoch's metrics: consistent, since
 * an epoch's updates are all applied before it is reported).
 */
final class RbmActorJob implements TrainJob {

  @Override
  public void run(Config c, Path out, boolean force, boolean resume) throws Exception {
    TrainJob.refuseResume(resume);
    Dataset data = Configs.binaryData(c);
    LayerTrainConfig cfg = LayerTrainConfig.from(c);
    int every = Configs.evalEvery(c, 1), epochs = cfg.settings().epochs();
    Function<Rbm, Map<String, Object>> evaluate = RbmMonitor.evaluation(c, data, RbmMonitor.testData(c), cfg.hidden(), cfg.settings().seed());
    RbmMonitor monitor = new RbmMonitor();
    long t0 = System.nanoTime();
    Rbm model;
    EpochMetrics[] last = {null};
    try (ClusterPhases cluster = ClusterPhases.fromConfig(c); // train --join: the layers on other members
        MetricsWriter metrics = MetricsWriter.open(out.resolve("metrics.jsonl"), force);
        Progress bar = new Progress("train " + data.name() + " (layer actors)", epochs)) {
      Consumer<EpochMetrics> onEpoch = e -> {
        Map<String, Object> m = e.toMap();
        if (e.epoch() % every == 0 || e.epoch() == epochs) m.putAll(evaluate.apply(e.model()));
        metrics.write(m);
        monitor.record(e.epoch(), m, bar);
        last[0] = e;
      };
      model = cluster == null ? LayerEngine.train(cfg, data.rowsAsDouble(), onEpoch) : trainPlaced(cfg, data, onEpoch, cluster, last, out, force);
    }
    RbmBatchJob.writeOutputs(c, data, model, out, force, cfg.settings().seed(), monitor);
    System.out.printf("trained RBM %d×%d on %s with layer actors in %.1f s%s; model %s%n", model.nVisible(), model.nHidden(),
        data.name(), (System.nanoTime() - t0) / 1e9, monitor.exactLlSuffix(), out.resolve("model.npz"));
  }

  /** The run over the members; a lost member saves the last completed epoch's model and ends with one line that says so. */
  private static Rbm trainPlaced(LayerTrainConfig cfg, Dataset data, Consumer<EpochMetrics> onEpoch, ClusterPhases cluster, EpochMetrics[] last,
      Path out, boolean force) {
    try {
      return LayerEngine.train(cfg, data.rowsAsDouble(), onEpoch, cluster.system(), cluster.layers());
    } catch (LayerEngine.LayerEngineException | IllegalStateException e) {
      EpochMetrics done = last[0];
      if (done == null) throw new IllegalStateException(e.getMessage() + "; no epoch had completed, no model saved", e);
      throw ModelFiles.savedAfter(e, out.resolve("model.npz"), done.model(), "epoch " + done.epoch(), force);
    }
  }
}
