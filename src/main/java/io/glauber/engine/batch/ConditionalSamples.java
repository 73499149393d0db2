package io.glauber.engine.batch;

import io.glauber.data.Dataset;
import io.glauber.io.ImageGrid;
import io.glauber.model.Clamp;
import io.glauber.model.Rbm;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Conditional generation with a joint RBM of d image units and C label units (seed 002): some
 * visible units clamped, the rest sampled from p(v_free | v_clamped) by {@link RbmSampler} on the
 * reduced machine of {@link Clamp#reduce} (the clamped units' input folded into the hidden biases).
 * Returns picture tiles: the d image values of each sample.
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

  /**
   * The pictures of a joint RBM with C label units: {@code samples-per-label.png} ({@link #perLabel},
   * 10 per label) and {@code completions.png} ({@link #completions} of the first 10 rows of
   * {@code images}, top half clamped, 8 completions each), both after 1000 sweeps, tiles scaled ×2.
   */
  public static void writePictures(Rbm rbm, int classes, Dataset images, Path dir, boolean force, long seed) {
    int w = images.imageWidth(), h = images.imageHeight();
    ImageGrid.writeGrid(dir.resolve("samples-per-label.png"), perLabel(rbm, classes, 10, 1000, seed), w, h, 10, 2, false, force);
    int[] rows = java.util.stream.IntStream.range(0, Math.min(10, images.rows())).toArray();
    ImageGrid.writeGrid(dir.resolve("completions.png"), completions(rbm, images, rows, images.cols() / 2, 8, 1000, seed + 100), w, h, 10, 2, false, force);
  }

  /**
   * Samples per label: row k of the grid holds {@code perClass} images generated with the label
   * units clamped to the one-hot code of k (the image units free), k = 0..C−1.
   */
  public static float[][] perLabel(Rbm rbm, int classes, int perClass, int burnIn, long seed) {
    int d = rbm.nVisible() - classes;
    float[][] tiles = new float[classes * perClass][];
    for (int k = 0; k < classes; k++) {
      float[][] s = sample(rbm, Clamp.label(k, classes, rbm.nVisible()), perClass, burnIn, seed + k);
      for (int c = 0; c < perClass; c++) tiles[k * perClass + c] = Arrays.copyOf(s[c], d);
    }
    return tiles;
  }

  /**
   * Image completions: for each of {@code rows} of {@code images} (d image values per row), the
   * first {@code clampedUnits} image units (the top rows of the picture) are clamped to the image,
   * the rest of the image and the label units sampled. Each grid row: the original, the clamped
   * part (the free units shown at 0.5), then {@code perRow} completions.
   */
  public static float[][] completions(Rbm rbm, Dataset images, int[] rows, int clampedUnits, int perRow, int burnIn, long seed) {
    int d = images.cols();
    if (d > rbm.nVisible() || clampedUnits < 1 || clampedUnits >= d) {
      throw new IllegalArgumentException("completions of " + d + "-unit images with " + clampedUnits + " units clamped by an RBM of "
          + rbm.nVisible() + " visible units (expected d ≤ n_visible and 1 ≤ clamped < d)");
    }
    float[][] tiles = new float[rows.length * (perRow + 2)][];
    for (int r = 0; r < rows.length; r++) {
      float[] image = images.row(rows[r], null);
      int[] c = new int[rbm.nVisible()];
      Arrays.fill(c, -1);
      float[] shown = new float[d];
      Arrays.fill(shown, 0.5f);
      for (int i = 0; i < clampedUnits; i++) {
        c[i] = image[i] > 0.5f ? 1 : 0;
        shown[i] = c[i];
      }
      float[][] s = sample(rbm, new Clamp(c), perRow, burnIn, seed + r);
      int o = r * (perRow + 2);
      tiles[o] = image;
      tiles[o + 1] = shown;
      for (int k = 0; k < perRow; k++) tiles[o + 2 + k] = Arrays.copyOf(s[k], d);
    }
    return tiles;
  }
}
