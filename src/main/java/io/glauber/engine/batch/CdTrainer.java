package io.glauber.engine.batch;

import io.glauber.learn.LearningRule;
import io.glauber.model.Rbm;
import java.util.SplittableRandom;
import java.util.function.ObjIntConsumer;

/**
 * Contrastive divergence (CD-k) for a binary RBM over mini-batches (seed 002; Hinton 2002), with
 * the settings of {@link RbmTrainingSettings}: a thin adapter over {@link RbmTrainer} (method
 * {@code cd}, constant learning rate and momentum), kept for callers written against it. New code
 * should use {@link RbmTrainer} with a {@link TrainConfig}, which also offers PCD, PT, schedules
 * and checkpoints.
 */
public final class CdTrainer {
  private final RbmTrainingSettings settings;

  public CdTrainer(RbmTrainingSettings settings) {
    this.settings = settings;
  }

  /** The equivalent configuration of the general trainer. */
  public TrainConfig config() {
    LearningRule r = settings.rule();
    return new TrainConfig(TrainConfig.Method.CD, settings.hidden(), settings.k(), settings.epochs(), settings.batchSize(),
        r.learningRate(), "constant", r.learningRate(), r.momentum(), r.momentum(), 0, r.weightDecay(),
        r.sparsityTarget(), r.sparsityCost(), r.sparsityDecay(), 1, new double[] {1.0}, settings.initStd(), 0, 0,
        settings.seed());
  }

  /**
   * Trains from Hinton's initialisation: W ~ N(0, initStd²), a_i = log(p_i/(1−p_i)) of the data
   * (clipped to p ∈ [0.01, 0.99]), b_j = 0.
   *
   * @param data rows×cols values in [0,1], row-major
   * @param onEpoch called after each epoch with the current model and the epoch number (1-based)
   */
  public Rbm train(float[] data, int rows, int cols, ObjIntConsumer<Rbm> onEpoch) {
    return train(null, data, rows, cols, onEpoch);
  }

  /** Continues training from a given model. */
  public Rbm train(Rbm start, float[] data, int rows, ObjIntConsumer<Rbm> onEpoch) {
    return train(start, data, rows, start.nVisible(), onEpoch);
  }

  private Rbm train(Rbm start, float[] data, int rows, int cols, ObjIntConsumer<Rbm> onEpoch) {
    try (RbmTrainer t = new RbmTrainer(config(), data, rows, cols, start)) {
      t.train((epoch, metrics) -> {
        if (onEpoch != null) onEpoch.accept(t.rbm(), epoch);
      });
      return t.rbm();
    }
  }

  /** Hinton's initial RBM for the data. */
  public static Rbm initial(float[] data, int rows, int cols, int hidden, double initStd, SplittableRandom rng) {
    double[] w = new double[cols * hidden];
    for (int i = 0; i < w.length; i++) {
      double u = 1.0 - rng.nextDouble();
      w[i] = initStd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
    }
    double[] a = new double[cols];
    for (int r = 0; r < rows; r++) for (int i = 0; i < cols; i++) a[i] += data[r * cols + i];
    for (int i = 0; i < cols; i++) {
      double p = Math.min(0.99, Math.max(0.01, a[i] / rows));
      a[i] = Math.log(p / (1 - p));
    }
    return new Rbm(cols, hidden, w, a, new double[hidden]);
  }
}
