package io.glauber.engine.batch;

import io.glauber.kernel.RbmKernel;
import io.glauber.model.Rbm;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Block Gibbs sampling of an RBM over many independent chains at once: v → h ~ p(h|v) → v ~ p(v|h),
 * at temperature T, with an optional set of clamped visible units (conditional generation: the
 * clamped units keep their values, so the chains sample p(v_free | v_clamped)).
 *
 * <p>Chains start from uniform random visible states drawn from the seed.
 */
public final class RbmSampler {
  private final Rbm rbm;
  private final int chains;
  private final float temperature;
  private final SplittableRandom rng;
  private final float[] w;
  private final float[] vbias;
  private final float[] hbias;
  private final float[] v;
  private final float[] h;
  private final float[] pv;
  private final float[] ph;
  private final boolean[] clampedMask;
  private final float[] clampedValues;

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
    if (clamp != null && clamp.length != nv) {
      throw new IllegalArgumentException("clamp vector of length " + clamp.length + " (expected n_visible = " + nv + ")");
    }
    this.rbm = rbm;
    this.chains = chains;
    this.temperature = (float) temperature;
    this.rng = new SplittableRandom(seed);
    this.w = RbmKernel.toFloat(rbm.w());
    this.vbias = RbmKernel.toFloat(rbm.visibleBias());
    this.hbias = RbmKernel.toFloat(rbm.hiddenBias());
    this.v = new float[chains * nv];
    this.h = new float[chains * rbm.nHidden()];
    this.pv = new float[chains * nv];
    this.ph = new float[chains * rbm.nHidden()];
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
    for (int k = 0; k < v.length; k++) v[k] = rng.nextBoolean() ? 1f : 0f;
    applyClamp();
  }

  /** One block-Gibbs sweep of every chain. */
  public void sweep() {
    int nv = rbm.nVisible();
    int nh = rbm.nHidden();
    RbmKernel.hiddenProbabilities(v, chains, w, hbias, nv, nh, temperature, ph);
    RbmKernel.sample(ph, chains * nh, rng, h);
    RbmKernel.visibleProbabilities(h, chains, w, vbias, nv, nh, temperature, pv);
    RbmKernel.sample(pv, chains * nv, rng, v);
    applyClamp();
  }

  private void applyClamp() {
    int nv = rbm.nVisible();
    for (int c = 0; c < chains; c++) {
      for (int i = 0; i < nv; i++) if (clampedMask[i]) v[c * nv + i] = clampedValues[i];
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
    int[] row = new int[nv];
    while (emitted < samples) {
      for (int s = 0; s < thin; s++) sweep();
      for (int c = 0; c < chains && emitted < samples; c++, emitted++) {
        for (int i = 0; i < nv; i++) row[i] = (int) v[c * nv + i];
        out.accept(row.clone());
      }
    }
  }

  /** The current visible states of all chains, chains×nVisible row-major (a copy). */
  public float[] visibleStates() {
    return v.clone();
  }
}
