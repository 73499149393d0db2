package io.glauber.evaluate;

import io.glauber.data.Dataset;
import io.glauber.io.ImageGrid;
import io.glauber.io.Plots;
import io.glauber.model.Rbm;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The training curves of a run: the figures of {@link Evaluation}'s per-epoch metrics against the
 * epoch, drawn as two charts, {@code curve-ll.png} (log-likelihoods, nats per pattern) and
 * {@code curve-recon.png} (reconstruction errors and the free-energy gap), and, when the metric
 * {@code svd} was on, a third, {@code curve-svd.png}: the {@value #PLOTTED} largest singular values
 * σ_1 ≥ σ_2 ≥ … of W against the epoch ({@link WeightSpectrum}); with the final model given, also
 * {@code svd-modes.png}, its {@value #PLOTTED} leading left singular vectors u_k (over the visible
 * units: images when the data are images), σ_1's mode first, each tile on its own symmetric grey
 * scale: 0 mid-grey, the tile's largest |component| white when positive (the sign convention of
 * {@link WeightSpectrum#of} makes it so) and black when negative. Not thread-safe.
 */
public final class TrainingCurves {
  private static final List<String> KEYS =
      List.of("exact_ll", "ais_ll", "pseudo_ll", "recon_error", "recon_error_train", "free_energy_gap");
  /** How many singular values {@code curve-svd.png} draws, and how many modes {@code svd-modes.png} shows. */
  public static final int PLOTTED = 10;

  private final Map<String, List<double[]>> points = new LinkedHashMap<>();
  private final Map<String, List<double[]>> singular = new LinkedHashMap<>();

  /** Adds one epoch's figures: the numeric values of the curve keys among {@code metrics}. */
  public void add(int epoch, Map<String, Object> metrics) {
    for (String key : KEYS) {
      if (metrics.get(key) instanceof Number v) points.computeIfAbsent(key, k -> new ArrayList<>()).add(new double[] {epoch, v.doubleValue()});
    }
    if (metrics.get("singular_values") instanceof double[] s) {
      for (int k = 0; k < Math.min(PLOTTED, s.length); k++) {
        singular.computeIfAbsent("σ" + (k + 1), x -> new ArrayList<>()).add(new double[] {epoch, s[k]});
      }
    }
  }

  /**
   * {@link #write(Path, boolean)}, and when singular values were recorded, {@code svd-modes.png}:
   * the leading left singular vectors of {@code model}'s W, drawn as {@code data}'s images (a strip
   * of n_visible pixels each when the rows are not images).
   */
  public void write(Path dir, Rbm model, Dataset data, boolean force) {
    write(dir, force);
    if (singular.isEmpty()) return;
    int w = data.isImage() ? data.imageWidth() : data.cols();
    int h = data.isImage() ? data.imageHeight() : 1;
    float[][] modes = WeightSpectrum.of(model).leftModes(PLOTTED);
    for (float[] u : modes) {
      float max = 0;
      for (float x : u) max = Math.max(max, Math.abs(x));
      for (int i = 0; i < u.length; i++) u[i] = max == 0 ? 0.5f : 0.5f + 0.5f * u[i] / max;
    }
    ImageGrid.writeGrid(dir.resolve("svd-modes.png"), modes, w, h, modes.length, Math.max(1, 64 / Math.max(w, h)), false, force);
  }

  /** Writes both charts into {@code dir}; a chart without any figure is left out. */
  public void write(Path dir, boolean force) {
    Map<String, double[][]> ll = new LinkedHashMap<>();
    Map<String, double[][]> other = new LinkedHashMap<>();
    points.forEach((key, list) -> (key.endsWith("_ll") ? ll : other).put(key, columns(list)));
    Map<String, double[][]> spectrum = new LinkedHashMap<>();
    singular.forEach((key, list) -> spectrum.put(key, columns(list)));
    Plots.lines(dir.resolve("curve-ll.png"), "Log-likelihood per pattern", "epoch", "nats", ll, force);
    Plots.lines(dir.resolve("curve-recon.png"), "Reconstruction error and free-energy gap", "epoch", "", other, force);
    Plots.lines(dir.resolve("curve-svd.png"), "Singular values of W", "epoch", "σ_k", spectrum, force);
  }

  private static double[][] columns(List<double[]> list) {
    double[][] xy = new double[2][list.size()];
    for (int i = 0; i < list.size(); i++) {
      xy[0][i] = list.get(i)[0];
      xy[1][i] = list.get(i)[1];
    }
    return xy;
  }
}
