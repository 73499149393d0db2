package io.glauber.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** PNG plots of a {@link CapacityExperiment.Result} (XChart). */
public final class CapacityPlot {
  private CapacityPlot() {}

  /** The files a capacity run writes: its CSV ({@link CapacityExperiment#writeCsv}) and the two plots. */
  public static final List<String> FILES = List.of("capacity.csv", "capacity-bit-errors.png", "capacity-retrieval.png");

  /** Checks that {@link #FILES} may be written into {@code dir} ({@link io.glauber.io.AtomicFiles#checkWritable}). */
  public static void checkWritable(Path dir, boolean force) {
    for (String file : FILES) io.glauber.io.AtomicFiles.checkWritable(dir.resolve(file), force);
  }

  /**
   * Bit errors against α: for each N the flipped fraction after convergence and the one-step
   * unstable fraction, beside P_error = ½(1 − erf(√(N/2p))); α_c = 0.138 marked.
   */
  public static void writeBitErrors(CapacityExperiment.Result r, Path png) throws IOException {
    XYChart chart = new XYChartBuilder().width(900).height(560).title("Hopfield capacity: bit errors (Hebb, T = 0)")
        .xAxisTitle("load α = p / N").yAxisTitle("fraction of bits").build();
    chart.getStyler().setYAxisLogarithmic(true);
    chart.getStyler().setYAxisMin(1e-5);
    chart.getStyler().setYAxisMax(1.0);
    List<Double> as = r.settings().alphas();
    List<Double> theory = new ArrayList<>();
    for (double a : as) theory.add(CapacityExperiment.theoryError(a));
    chart.addSeries("P_error = ½(1 − erf(√(N/2p)))", as, theory).setMarker(SeriesMarkers.NONE);
    for (int n : r.settings().sizes()) {
      List<Double> x = new ArrayList<>(), flipped = new ArrayList<>(), unstable = new ArrayList<>();
      for (CapacityExperiment.Point pt : r.points()) {
        if (pt.n() != n) continue;
        x.add(pt.alpha());
        flipped.add(Math.max(pt.flippedFraction(), 1e-5));
        unstable.add(Math.max(pt.unstableFraction(), 1e-5));
      }
      chart.addSeries("N=" + n + " flipped after convergence", x, flipped);
      chart.addSeries("N=" + n + " unstable at the pattern (one step)", x, unstable).setMarker(SeriesMarkers.NONE);
    }
    chart.addSeries("α_c = 0.138", List.of(CapacityExperiment.ALPHA_C, CapacityExperiment.ALPHA_C), List.of(1e-5, 1.0))
        .setMarker(SeriesMarkers.NONE);
    save(chart, png);
  }

  /** Fraction of patterns retrieved with overlap ≥ the threshold, against α, for each N; α_c marked. */
  public static void writeRetrieval(CapacityExperiment.Result r, Path png) throws IOException {
    XYChart chart = new XYChartBuilder().width(900).height(560)
        .title("Hopfield capacity: patterns retrieved (overlap ≥ " + r.settings().retrievalOverlap() + ")")
        .xAxisTitle("load α = p / N").yAxisTitle("fraction retrieved").build();
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisMax(1.0);
    for (int n : r.settings().sizes()) {
      List<Double> x = new ArrayList<>(), y = new ArrayList<>();
      for (CapacityExperiment.Point pt : r.points()) {
        if (pt.n() != n) continue;
        x.add(pt.alpha());
        y.add(pt.retrievedFraction());
      }
      chart.addSeries("N=" + n, x, y);
    }
    chart.addSeries("α_c = 0.138", List.of(CapacityExperiment.ALPHA_C, CapacityExperiment.ALPHA_C), List.of(0.0, 1.0))
        .setMarker(SeriesMarkers.NONE);
    save(chart, png);
  }

  private static void save(XYChart chart, Path png) throws IOException {
    io.glauber.io.AtomicFiles.write(png, true, out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
  }
}
