package io.glauber.job;

import com.typesafe.config.Config;
import io.glauber.data.Dataset;
import io.glauber.engine.actor.neuron.ActorTrainer;
import io.glauber.engine.actor.neuron.NeuronTrainConfig;
import io.glauber.io.MetricsWriter;
import io.glauber.io.ModelFiles;
import io.glauber.model.BoltzmannMachine;
import java.nio.file.Path;

/** {@code model.type = bm-local}: the mini-batch supervisor on neuron actors (local learning: actor.local); keys in {@link NeuronTrainConfig}. */
final class BmActorJob implements TrainJob {
  @Override
  public void run(Config c, Path out, boolean force, boolean resume) throws Exception {
    TrainJob.refuseResume(resume);
    Dataset data = Configs.binaryData(c);
    NeuronTrainConfig config = NeuronTrainConfig.from(c);
    long t0 = System.nanoTime();
    double[] ll = {Double.NaN};
    BoltzmannMachine model;
    try (MetricsWriter metrics = MetricsWriter.open(out.resolve("metrics.jsonl"), force);
        Progress bar = new Progress("train " + data.name() + " (neuron actors, " + config.describe() + ")", config.epochs())) {
      model = ActorTrainer.train(config, data.rowsAsDouble(), r -> {
        if (config.evaluates(r.epoch())) {
          var m = r.fields();
          m.put("seconds", (System.nanoTime() - t0) / 1e9);
          metrics.write(m);
          if (!Double.isNaN(ll[0] = r.exactLogLikelihood())) bar.message(String.format("exact LL %.4f", ll[0]));
        }
        bar.stepTo(r.epoch());
      });
    }
    ModelFiles.write(out.resolve("model.npz"), model, force);
    System.out.printf("trained a Boltzmann machine (%d visible, %d hidden) on %s with neuron actors in %.1f s%s; model %s%n",
        data.cols(), config.hidden(), data.name(), (System.nanoTime() - t0) / 1e9,
        Double.isNaN(ll[0]) ? "" : String.format("; exact mean LL %.4f nats per pattern", ll[0]), out.resolve("model.npz"));
  }
}
