package io.glauber.io;

import io.glauber.data.Dataset;
import io.glauber.model.Clamp;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The pictures of conditional generation (seed 002: clamp the label units, or part of an image, and
 * sample the rest), laid out the same whichever engine draws the samples: a {@link Sampler} draws
 * p(v_free | v_clamped) for a {@link Clamp} (the batched engine's {@code ConditionalSamples}, the
 * neuron actors' {@code ActorConditionalSamples}), this class decides what is clamped and where each
 * tile goes, and {@link ImageGrid} writes the PNG.
 *
 * <ul>
 *   <li>{@code samples-per-label.png}: row k holds the images generated with the C label units
 *       (the last C visible units) clamped to the one-hot code of k, the image units free;</li>
 *   <li>{@code completions.png}: per row, a test image, its clamped top half (the free units shown
 *       at 0.5), then completions of the bottom half (image and label units free).</li>
 * </ul>
 */
public final class ConditionalGrids {
  private ConditionalGrids() {}

  /** Tiles per row of samples-per-label.png, rows of completions.png, completions per row. */
  public static final int PER_LABEL = 10, COMPLETED_IMAGES = 10, COMPLETIONS = 8;

  /** Draws conditional samples; one engine's way of sampling p(v_free | v_clamped). */
  @FunctionalInterface
  public interface Sampler {
    /**
     * {@code count} visible states (every visible unit, the clamped ones filled in, values 0/1)
     * given {@code clamp}, each the end of its own chain after {@code burnIn} sweeps.
     */
    float[][] sample(Clamp clamp, int count, int burnIn, long seed);
  }

  /**
   * Writes {@code samples-per-label.png} ({@link #perLabel}, {@value #PER_LABEL} per label) and
   * {@code completions.png} ({@link #completions} of the first {@value #COMPLETED_IMAGES} rows of
   * {@code images}, top half clamped, {@value #COMPLETIONS} completions each) into {@code dir},
   * both after {@code burnIn} sweeps, tiles the size of {@code images}' pictures scaled ×2.
   */
  public static void write(Sampler sampler, int nVisible, int classes, Dataset images, Path dir, int burnIn, boolean force, long seed) {
    if (!images.isImage()) throw new IllegalArgumentException(images.name() + ": rows are not images (expected an image data set for the picture grids)");
    int w = images.imageWidth(), h = images.imageHeight();
    float[][] labels = perLabel(sampler, nVisible, classes, PER_LABEL, burnIn, seed);
    int[] rows = IntStream.range(0, Math.min(COMPLETED_IMAGES, images.rows())).toArray();
    float[][] completed = completions(sampler, nVisible, images, rows, images.cols() / 2, COMPLETIONS, burnIn, seed + 100);
    ImageGrid.writeGrid(dir.resolve("samples-per-label.png"), labels, w, h, PER_LABEL, 2, false, force);
    ImageGrid.writeGrid(dir.resolve("completions.png"), completed, w, h, COMPLETIONS + 2, 2, false, force);
  }

  /**
   * Samples per label: row k of the grid holds {@code perClass} images (the first
   * {@code nVisible − classes} units) generated with the label units clamped to the one-hot code of
   * k, k = 0..C−1.
   */
  public static float[][] perLabel(Sampler sampler, int nVisible, int classes, int perClass, int burnIn, long seed) {
    int d = nVisible - classes;
    if (classes < 1 || d < 1) throw new IllegalArgumentException(classes + " label units among " + nVisible + " visible units (expected 1 ≤ C < n_visible)");
    float[][] tiles = new float[classes * perClass][];
    for (int k = 0; k < classes; k++) {
      float[][] s = sampler.sample(Clamp.label(k, classes, nVisible), perClass, burnIn, seed + k);
      for (int c = 0; c < perClass; c++) tiles[k * perClass + c] = Arrays.copyOf(s[c], d);
    }
    return tiles;
  }

  /**
   * Image completions: for each of {@code rows} of {@code images} (d image values per row, the first
   * d visible units), the first {@code clampedUnits} image units (the top rows of the picture) are
   * clamped to the image (grey values above 0.5 on), the rest of the visible units sampled. Each
   * grid row: the original, the clamped part (the free units shown at 0.5), then {@code perRow}
   * completions.
   */
  public static float[][] completions(Sampler sampler, int nVisible, Dataset images, int[] rows, int clampedUnits, int perRow, int burnIn, long seed) {
    int d = images.cols();
    if (d > nVisible || clampedUnits < 1 || clampedUnits >= d) {
      throw new IllegalArgumentException("completions of " + d + "-unit images with " + clampedUnits + " units clamped by a model of "
          + nVisible + " visible units (expected d ≤ n_visible and 1 ≤ clamped < d)");
    }
    float[][] tiles = new float[rows.length * (perRow + 2)][];
    for (int r = 0; r < rows.length; r++) {
      float[] image = images.row(rows[r], null);
      int[] c = new int[nVisible];
      Arrays.fill(c, -1);
      float[] shown = new float[d];
      Arrays.fill(shown, 0.5f);
      for (int i = 0; i < clampedUnits; i++) {
        c[i] = image[i] > 0.5f ? 1 : 0;
        shown[i] = c[i];
      }
      float[][] s = sampler.sample(new Clamp(c), perRow, burnIn, seed + r);
      int o = r * (perRow + 2);
      tiles[o] = image;
      tiles[o + 1] = shown;
      for (int k = 0; k < perRow; k++) tiles[o + 2 + k] = Arrays.copyOf(s[k], d);
    }
    return tiles;
  }
}
