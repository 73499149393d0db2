package io.glauber.engine.actor.layer;

import io.glauber.engine.batch.StackedGradient;
import io.glauber.kernel.BatchGibbs;
import io.glauber.kernel.Team;
import io.glauber.learn.Learner;
import io.glauber.model.Rbm;
import java.util.function.Consumer;

/**
 * The layer engine's arithmetic without actors: the same {@link BlockGibbs} half-steps, the same
 * {@link StackedGradient}, the same {@link Learner} and the same {@link RunRandom} streams
 * in the same order, called in a plain loop. With no faults injected it reproduces a layer-actor
 * run bit for bit, which is what the equivalence test checks; it is also the actor-free baseline
 * of {@link LayerBench}.
 */
public final class DirectTrainer {
  private DirectTrainer() {}

  public static Rbm train(Rbm init, double[][] data, LayerSettings s, int evaluateEvery, Consumer<EpochMetrics> onEpoch) {
    RunRandom random = new RunRandom(s.seed());
    BlockGibbs.Sampler visible = new BlockGibbs.Sampler(random.visibleSeeds.nextLong());
    BlockGibbs.Sampler hidden = new BlockGibbs.Sampler(random.hiddenSeeds.nextLong());
    LayerParameters p = LayerParameters.of(init);
    int nv = p.nVisible();
    int nh = p.nHidden();
    Learner learner = new Learner(s.ruleAt(0), nv * nh, nv + nh, nv, nh);
    StackedGradient gradient = new StackedGradient(nv, nh, new BatchGibbs(Team.shared()));
    float[] dW = new float[nv * nh];
    float[] dBias = new float[nv + nh];
    float[] hiddenClamped = new float[nh];
    float[] w = p.w().clone();
    float[] biases = new float[nv + nh];
    System.arraycopy(p.visibleBias(), 0, biases, 0, nv);
    System.arraycopy(p.hiddenBias(), 0, biases, nv, nh);
    float[][] rows = LayerEngine.toFloatRows(data, nv);
    float[] chains = null;
    int chainRows = 0;
    Rbm model = init;
    for (int epoch = 1; epoch <= s.epochs(); epoch++) {
      long start = System.nanoTime();
      StateBatch[] batches = random.epochBatches(rows, s.batchSize());
      double mismatch = 0;
      for (StateBatch batch : batches) {
        int n = batch.rows();
        float[] v0 = batch.values();
        float[] ph = new float[n * nh];
        float[] h = new float[n * nh];
        float[] pv = new float[n * nv];
        float[] v = new float[n * nv];
        hidden.hidden(p, v0, n, ph, h);
        if (s.persistent() && chains == null) { // the persistent chains start at the first mini-batch: (V₀, H₀)
          chains = h.clone();
          chainRows = n;
        }
        int m = s.persistent() ? chainRows : n;
        gradient.positive(v0, ph, n, m);
        if (s.persistent()) { // the chains advance from their H, as the supervisor sends it to the visible layer
          if (m != n) {
            ph = new float[m * nh];
            h = new float[m * nh];
            pv = new float[m * nv];
            v = new float[m * nv];
          }
          System.arraycopy(chains, 0, h, 0, m * nh);
        }
        for (int sweep = 0; sweep < s.k(); sweep++) {
          visible.visible(p, h, m, pv, v);
          hidden.hidden(p, v, m, ph, h);
        }
        gradient.negative(v, ph, m);
        if (s.persistent()) System.arraycopy(h, 0, chains, 0, m * nh);
        else mismatch += batch.fractionDiffering(new StateBatch(n, nv, v));
        gradient.differences(dW, dBias, hiddenClamped, learner, w, biases);
        p = snapshot(w, biases, nv, nh, p.temperature());
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      learner.setRule(s.ruleAt(epoch)); // as the supervisor does on EndEpoch(epoch)
      model = p.toRbm();
      if (onEpoch != null) {
        onEpoch.accept(EpochMetrics.of(epoch, batches.length, seconds,
            s.persistent() ? Double.NaN : mismatch / batches.length, model, data, LayerEngine.evaluates(evaluateEvery, epoch, s.epochs())));
      }
    }
    return model;
  }

  /** Parameters over the live W (no copy: nothing else reads it), biases split out of [a, b]. */
  private static LayerParameters snapshot(float[] w, float[] biases, int nv, int nh, float t) {
    float[] a = new float[nv];
    float[] b = new float[nh];
    System.arraycopy(biases, 0, a, 0, nv);
    System.arraycopy(biases, nv, b, 0, nh);
    return new LayerParameters(nv, nh, w, a, b, t);
  }
}
