package io.glauber.engine.batch;

import io.glauber.data.Dataset;
import io.glauber.io.ConditionalGrids;
import io.glauber.model.Clamp;
import io.glauber.model.Rbm;
import java.nio.file.Path;

/**
 * Conditional generation with a joint RBM of d image units and C label units (seed 002) on the
 * batched engine: some visible units clamped, the rest sampled from p(v_free | v_clamped) by
 * {@link RbmSampler} on the reduced machine of {@link Clamp#reduce} (the clamped units' input folded
 * into the hidden biases), one chain per sample. The pictures' layout is {@link ConditionalGrids}'s,
 * shared with the neuron actors.
 */
public final class ConditionalSamples {
  private ConditionalSamples() {}

  /**
   * {@code count} visible states of {@code rbm} given {@code clamp}, one per chain after
   * {@code burnIn} sweeps of {@code count} chains, clamped values filled back in.
   */
  public static float[][] sample(Rbm rbm, Clamp clamp, int count, int burnIn, long seed) {
    Rbm reduced = (Rbm) clamp.reduce(rbm);
    float[][] free = RbmSampler.visibleSamples(reduced, count, burnIn, seed);
    float[][] out = new float[count][];
    for (int c = 0; c < count; c++) {
      int[] s = new int[free[c].length];
      for (int i = 0; i < s.length; i++) s[i] = (int) free[c][i];
      int[] full = clamp.fill(s);
      out[c] = new float[full.length];
      for (int i = 0; i < full.length; i++) out[c][i] = full[i];
    }
    return out;
  }

  /** {@link #sample} as the {@link ConditionalGrids.Sampler} of {@code rbm}. */
  public static ConditionalGrids.Sampler sampler(Rbm rbm) {
    return (clamp, count, burnIn, seed) -> sample(rbm, clamp, count, burnIn, seed);
  }

  /**
   * The pictures of a joint RBM with C label units ({@link ConditionalGrids#write}:
   * samples-per-label.png and completions.png), after 1000 sweeps.
   */
  public static void writePictures(Rbm rbm, int classes, Dataset images, Path dir, boolean force, long seed) {
    ConditionalGrids.write(sampler(rbm), rbm.nVisible(), classes, images, dir, 1000, force, seed);
  }
}
