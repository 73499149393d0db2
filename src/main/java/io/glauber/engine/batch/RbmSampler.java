package io.glauber.engine.batch;

import io.glauber.kernel.BatchGibbs;
import io.glauber.kernel.Rng;
import io.glauber.model.Rbm;
import java.util.function.Consumer;

/**
 * Block Gibbs sampling of an RBM over many independent chains at once: v → h ~ p(h|v) → v ~ p(v|h)
 * at temperature T (conditionals σ((b + vW)/T) and σ((a + Wh)/T) of {@link Rbm}), on the shared
 * kernel ({@link BatchGibbs}: BLAS products, σ and Bernoulli draws split over two threads). An
 * optional set of clamped visible units keeps its values after every visible update
 * (conditional generation: the chains sample p(v_free | v_clamped)).
 *
 * <p>Chains start from uniform random visible states drawn from the seed; the random streams of
 * sweep s derive from (seed, s), so a run is repeatable.
 */
public final class RbmSampler implements AutoCloseable {
  private final Rbm rbm;
  private final int chains;
  private final long seed;
  private final float inv;
  private final float[] w;
  private final float[] ca;
  private final float[] cb;
  private final float[] v;
  private final float[] h;
  private final float[] pv;
  private final float[] ph;
  private final boolean[] clampedMask;
  private final float[] clampedValues;
  private final BatchGibbs gibbs = new BatchGibbs();
  private long sweeps;

  /**
   * @param rbm the model
   * @param chains number of parallel chains
   * @param temperature sampling temperature T &gt; 0
   * @param clamp for each visible unit, 0 or 1 to clamp it, or −1 to leave it free; null for none
   * @param seed the run's seed
   */
  public RbmSampler(Rbm rbm, int chains, double temperature, int[] clamp, long seed) {
    if (chains < 1) throw new IllegalArgumentException("chains " + chains + " (expected ≥ 1)");
    if (!(temperature > 0) || Double.isInfinite(temperature)) {
      throw new IllegalArgumentException("temperature " + temperature + " (expected 0 < T < ∞)");
    }
    int nv = rbm.nVisible();
    int nh = rbm.nHidden();
    if (clamp != null && clamp.length != nv) {
      throw new IllegalArgumentException("clamp vector of length " + clamp.length + " (expected n_visible = " + nv + ")");
    }
    this.rbm = rbm;
    this.chains = chains;
    this.seed = seed;
    this.inv = (float) (1 / (temperature * rbm.temperature()));
    this.w = new float[nv * nh];
    for (int k = 0; k < w.length; k++) w[k] = (float) rbm.w()[k];
    this.ca = new float[nv];
    this.cb = new float[nh];
    for (int i = 0; i < nv; i++) ca[i] = (float) rbm.visibleBias()[i] * inv;
    for (int j = 0; j < nh; j++) cb[j] = (float) rbm.hiddenBias()[j] * inv;
    this.v = new float[chains * nv];
    this.h = new float[chains * nh];
    this.pv = new float[chains * nv];
    this.ph = new float[chains * nh];
    this.clampedMask = new boolean[nv];
    this.clampedValues = new float[nv];
    if (clamp != null) {
      for (int i = 0; i < nv; i++) {
        if (clamp[i] < -1 || clamp[i] > 1) {
          throw new IllegalArgumentException("clamp value " + clamp[i] + " at unit " + i + " (expected 0, 1 or -1 for free)");
        }
        clampedMask[i] = clamp[i] >= 0;
        clampedValues[i] = Math.max(0, clamp[i]);
      }
    }
    Rng init = new Rng(Rng.derive(seed, -1, 77));
    for (int k = 0; k < v.length; k++) v[k] = init.nextLong() < 0 ? 1f : 0f;
    applyClamp();
  }

  /** One block-Gibbs sweep of every chain. */
  public void sweep() {
    int nv = rbm.nVisible();
    int nh = rbm.nHidden();
    gibbs.reseed(seed, sweeps++);
    gibbs.hidden(v, chains, w, nv, nh, inv, cb, ph, h);
    gibbs.visible(h, chains, w, nv, nh, inv, ca, pv, v);
    applyClamp();
  }

  private void applyClamp() {
    int nv = rbm.nVisible();
    for (int i = 0; i < nv; i++) {
      if (!clampedMask[i]) continue;
      for (int c = 0; c < chains; c++) v[c * nv + i] = clampedValues[i];
    }
  }

  /**
   * Runs {@code burnIn} sweeps, then emits {@code samples} visible states in total, one per chain
   * every {@code thin} sweeps, round-robin over chains.
   */
  public void run(int burnIn, long samples, int thin, Consumer<int[]> out) {
    if (burnIn < 0 || thin < 1 || samples < 0) {
      throw new IllegalArgumentException("burn-in " + burnIn + ", thin " + thin + ", samples " + samples + " (expected ≥ 0, ≥ 1, ≥ 0)");
    }
    for (int s = 0; s < burnIn; s++) sweep();
    int nv = rbm.nVisible();
    long emitted = 0;
    while (emitted < samples) {
      for (int s = 0; s < thin; s++) sweep();
      for (int c = 0; c < chains && emitted < samples; c++, emitted++) {
        int[] row = new int[nv];
        for (int i = 0; i < nv; i++) row[i] = (int) v[c * nv + i];
        out.accept(row);
      }
    }
  }

  /** {@link #run} collected into rows: {@code samples} × nVisible values in {0, 1}. */
  public int[][] samples(int burnIn, int samples, int thin) {
    int[][] out = new int[samples][];
    int[] k = {0};
    run(burnIn, samples, thin, row -> out[k[0]++] = row);
    return out;
  }

  /**
   * {@code count} visible states of {@code rbm} at T = 1, one per chain after {@code burnIn} sweeps of
   * {@code count} chains: the tiles of a samples picture.
   */
  public static float[][] visibleSamples(Rbm rbm, int count, int burnIn, long seed) {
    try (RbmSampler sampler = new RbmSampler(rbm, count, 1.0, null, seed)) {
      for (int s = 0; s < burnIn; s++) sampler.sweep();
      float[][] rows = new float[count][];
      int nv = rbm.nVisible();
      for (int k = 0; k < count; k++) rows[k] = java.util.Arrays.copyOfRange(sampler.v, k * nv, (k + 1) * nv);
      return rows;
    }
  }

  @Override
  public void close() {
    gibbs.close();
  }
}
