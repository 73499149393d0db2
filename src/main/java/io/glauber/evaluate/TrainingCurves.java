package io.glauber.evaluate;

import io.glauber.io.Plots;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The training curves of a run: the figures of {@link Evaluation}'s per-epoch metrics against the
 * epoch, drawn as two charts, {@code curve-ll.png} (log-likelihoods, nats per pattern) and
 * {@code curve-recon.png} (reconstruction errors and the free-energy gap). Not thread-safe.
 */
public final class TrainingCurves {
  private static final List<String> KEYS =
      List.of("exact_ll", "ais_ll", "pseudo_ll", "recon_error", "recon_error_train", "free_energy_gap");

  private final Map<String, List<double[]>> points = new LinkedHashMap<>();

  /** Adds one epoch's figures: the numeric values of the curve keys among {@code metrics}. */
  public void add(int epoch, Map<String, Object> metrics) {
    for (String key : KEYS) {
      if (metrics.get(key) instanceof Number v) points.computeIfAbsent(key, k -> new ArrayList<>()).add(new double[] {epoch, v.doubleValue()});
    }
  }

  /** Writes both charts into {@code dir}; a chart without any figure is left out. */
  public void write(Path dir, boolean force) {
    Map<String, double[][]> ll = new LinkedHashMap<>();
    Map<String, double[][]> other = new LinkedHashMap<>();
    points.forEach((key, list) -> {
      double[][] xy = new double[2][list.size()];
      for (int i = 0; i < list.size(); i++) {
        xy[0][i] = list.get(i)[0];
        xy[1][i] = list.get(i)[1];
      }
      (key.endsWith("_ll") ? ll : other).put(key, xy);
    });
    Plots.lines(dir.resolve("curve-ll.png"), "Log-likelihood per pattern", "epoch", "nats", ll, force);
    Plots.lines(dir.resolve("curve-recon.png"), "Reconstruction error and free-energy gap", "epoch", "", other, force);
  }
}
