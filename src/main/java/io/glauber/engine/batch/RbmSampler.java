package io.glauber.engine.batch;

import io.glauber.kernel.BatchGibbs;
import io.glauber.kernel.Rng;
import io.glauber.model.Rbm;

/**
 * Samples from a trained RBM by block Gibbs over many parallel chains: h ~ p(h | v), v ~ p(v | h)
 * at temperature T (conditionals σ((b + vW)/T) and σ((a + Wh)/T) of {@link Rbm}), after a burn-in,
 * keeping every {@code thin}-th sweep of every chain. A subset of visible units may be clamped to
 * given values (conditional generation, e.g. completing the lower half of an image): they are reset
 * after every visible update, so the chain samples p(v_free | v_clamped).
 */
public final class RbmSampler {
  private RbmSampler() {}

  /**
   * What to draw.
   *
   * @param samples rows to return
   * @param burnIn sweeps before the first kept one
   * @param thin sweeps between kept ones (≥ 1)
   * @param temperature T &gt; 0
   * @param chains parallel chains (each contributes every thin-th sweep)
   * @param seed the seed of the chains' streams
   * @param clamped for each visible unit whether it is clamped (null: none)
   * @param clampValues the clamped values: nVisible values for all chains, or chains×nVisible
   */
  public record Settings(int samples, int burnIn, int thin, double temperature, int chains, long seed,
      boolean[] clamped, float[] clampValues) {
    public Settings {
      if (samples < 1) throw new IllegalArgumentException("samples " + samples + " (expected ≥ 1)");
      if (burnIn < 0) throw new IllegalArgumentException("burn-in " + burnIn + " (expected ≥ 0)");
      if (thin < 1) throw new IllegalArgumentException("thin " + thin + " (expected ≥ 1)");
      if (!(temperature > 0) || Double.isInfinite(temperature)) throw new IllegalArgumentException("temperature " + temperature + " (expected 0 < T < ∞)");
      if (chains < 1) throw new IllegalArgumentException("chains " + chains + " (expected ≥ 1)");
      if ((clamped == null) != (clampValues == null)) throw new IllegalArgumentException("clamped units and their values go together");
    }

    /** Unclamped sampling at T = 1 with min(samples, 100) chains. */
    public static Settings of(int samples, int burnIn, int thin, long seed) {
      return new Settings(samples, burnIn, thin, 1.0, Math.min(samples, 100), seed, null, null);
    }

    /** These settings with units clamped. */
    public Settings clamping(boolean[] mask, float[] values) {
      return new Settings(samples, burnIn, thin, temperature, chains, seed, mask, values);
    }

    /** These settings at another temperature. */
    public Settings at(double t) {
      return new Settings(samples, burnIn, thin, t, chains, seed, clamped, clampValues);
    }
  }

  /** The samples, {@code samples} rows of nVisible values in {0, 1}. */
  public static float[][] sample(Rbm rbm, Settings s) {
    int nv = rbm.nVisible();
    int nh = rbm.nHidden();
    int c = s.chains();
    if (s.clamped() != null && (s.clamped().length != nv || (s.clampValues().length != nv && s.clampValues().length != c * nv))) {
      throw new IllegalArgumentException("clamp mask of " + s.clamped().length + " and values of " + s.clampValues().length
          + " (expected " + nv + " and " + nv + " or chains×" + nv + ")");
    }
    float inv = (float) (1 / s.temperature());
    float[] w = new float[nv * nh];
    for (int k = 0; k < w.length; k++) w[k] = (float) rbm.w()[k];
    float[] ca = new float[nv];
    float[] cb = new float[nh];
    for (int i = 0; i < nv; i++) ca[i] = (float) rbm.visibleBias()[i] * inv;
    for (int j = 0; j < nh; j++) cb[j] = (float) rbm.hiddenBias()[j] * inv;
    float[] v = new float[c * nv];
    float[] pv = new float[c * nv];
    float[] h = new float[c * nh];
    float[] ph = new float[c * nh];
    Rng init = new Rng(Rng.derive(s.seed(), -1, 77));
    for (int k = 0; k < v.length; k++) v[k] = init.nextLong() < 0 ? 1f : 0f;
    clamp(v, s, nv, c);
    float[][] out = new float[s.samples()][];
    int kept = 0;
    long sweep = 0;
    try (BatchGibbs g = new BatchGibbs()) {
      while (kept < s.samples()) {
        g.reseed(s.seed(), sweep);
        g.hidden(v, c, w, nv, nh, inv, cb, ph, h);
        g.visible(h, c, w, nv, nh, inv, ca, pv, v);
        clamp(v, s, nv, c);
        sweep++;
        if (sweep > s.burnIn() && (sweep - s.burnIn()) % s.thin() == 0) {
          for (int n = 0; n < c && kept < s.samples(); n++) {
            out[kept++] = java.util.Arrays.copyOfRange(v, n * nv, (n + 1) * nv);
          }
        }
      }
    }
    return out;
  }

  private static void clamp(float[] v, Settings s, int nv, int c) {
    if (s.clamped() == null) return;
    boolean perChain = s.clampValues().length == c * nv;
    for (int n = 0; n < c; n++) {
      for (int i = 0; i < nv; i++) {
        if (s.clamped()[i]) v[n * nv + i] = s.clampValues()[perChain ? n * nv + i : i];
      }
    }
  }
}
