package io.glauber.engine.actor.layer;

import io.glauber.kernel.BatchGibbs;
import io.glauber.kernel.Team;
import io.glauber.learn.ContrastiveDivergence;
import io.glauber.learn.Learner;
import io.glauber.learn.NegativePhase;
import io.glauber.learn.PersistentContrastiveDivergence;
import io.glauber.learn.StackedGradient;
import io.glauber.model.Rbm;
import java.util.function.Consumer;

/**
 * The layer engine's arithmetic without actors: the same {@link NegativePhase} step the batched
 * engine runs ({@link ContrastiveDivergence}, or {@link PersistentContrastiveDivergence#positiveFirst}
 * in the order of the actors' protocol) on the same {@link BlockGibbs} half-steps as the two layer
 * actors, the same {@link StackedGradient}, {@link Learner} and {@link RunRandom} streams in the
 * same order, in a plain loop. With no faults injected it reproduces a layer-actor run bit for bit,
 * which is what the equivalence tests check; it is also the actor-free baseline of
 * {@code bench layer}.
 */
public final class DirectTrainer {
  private DirectTrainer() {}

  /**
   * Trains {@code init} on {@code data} as the layer actors would; {@code onEpoch} (may be null)
   * gets each epoch's metrics, with the exact log-likelihood every {@code evaluateEvery} epochs
   * and at the last (0: never).
   */
  public static Rbm train(Rbm init, double[][] data, LayerSettings s, int evaluateEvery, Consumer<EpochMetrics> onEpoch) {
    RunRandom random = new RunRandom(s.seed());
    BlockGibbs.Sampler visible = new BlockGibbs.Sampler(random.visibleSeeds.nextLong());
    BlockGibbs.Sampler hidden = new BlockGibbs.Sampler(random.hiddenSeeds.nextLong());
    int nv = init.nVisible();
    int nh = init.nHidden();
    LayerParameters p = LayerParameters.of(init);
    Learner learner = new Learner(s.ruleAt(0), nv * nh, nv + nh, nv, nh);
    StackedGradient gradient = new StackedGradient(nv, nh, new BatchGibbs(Team.shared()));
    BlockGibbs.Pair passes = new BlockGibbs.Pair(visible, hidden, nv, nh, p.temperature());
    NegativePhase step = s.persistent()
        ? PersistentContrastiveDivergence.positiveFirst(s.k(), nv, nh, passes, gradient)
        : new ContrastiveDivergence(s.k(), nv, nh, passes, gradient);
    float[] dW = new float[nv * nh];
    float[] dBias = new float[nv + nh];
    float[] hiddenClamped = new float[nh];
    float[] w = p.w().clone();
    float[] biases = new float[nv + nh];
    System.arraycopy(p.visibleBias(), 0, biases, 0, nv);
    System.arraycopy(p.hiddenBias(), 0, biases, nv, nh);
    float[][] rows = LayerEngine.toFloatRows(data, nv);
    NegativePhase.Chains chains = null;
    Rbm model = init;
    for (int epoch = 1; epoch <= s.epochs(); epoch++) {
      long start = System.nanoTime();
      StateBatch[] batches = random.epochBatches(rows, s.batchSize());
      double mismatch = 0;
      for (StateBatch batch : batches) {
        NegativePhase.Result r = step.step(new NegativePhase.Start(batch.values(), batch.rows(), w, biases, chains));
        if (s.persistent()) chains = r.chains();
        else mismatch += batch.fractionDiffering(new StateBatch(batch.rows(), nv, r.chains().visible()));
        r.statistics().differences(dW, dBias, hiddenClamped, learner, w, biases);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      learner.setRule(s.ruleAt(epoch)); // as the supervisor does on EndEpoch(epoch)
      model = passes.snapshot(w, biases).toRbm();
      if (onEpoch != null) {
        onEpoch.accept(EpochMetrics.of(epoch, batches.length, seconds,
            s.persistent() ? Double.NaN : mismatch / batches.length, model, data, LayerEngine.evaluates(evaluateEvery, epoch, s.epochs())));
      }
    }
    return model;
  }
}
