package io.glauber.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Line plots as PNG (XChart), written atomically like every other output. */
public final class Plots {
  private Plots() {}

  /**
   * One chart with a line per series: name → {x values, y values}. Series whose values are all NaN
   * are left out; NaN points are dropped.
   */
  public static void lines(Path png, String title, String xLabel, String yLabel, Map<String, double[][]> series, boolean force) {
    lines(png, title, xLabel, yLabel, series, false, force);
  }

  /**
   * {@link #lines(Path, String, String, String, Map, boolean)} as a scaling chart if {@code scaling}:
   * a logarithmic x axis and a y axis from zero, so that a flat line looks flat and a rising one
   * shows its true proportion.
   */
  public static void lines(Path png, String title, String xLabel, String yLabel, Map<String, double[][]> series, boolean scaling, boolean force) {
    XYChart chart = new XYChartBuilder().width(900).height(520).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
    if (scaling) {
      chart.getStyler().setXAxisLogarithmic(true);
      chart.getStyler().setYAxisMin(0.0);
    }
    draw(chart, png, series, force);
  }

  /**
   * Cumulative percentages against a logarithmic x axis: a line per series (name → {x values,
   * percentages}), the y axis from 0 to 100, so that curves of different runs compare at a glance.
   */
  public static void percentages(Path png, String title, String xLabel, String yLabel, Map<String, double[][]> series, boolean force) {
    XYChart chart = new XYChartBuilder().width(900).height(520).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
    chart.getStyler().setXAxisLogarithmic(true);
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisMax(100.0);
    draw(chart, png, series, force);
  }

  /**
   * {@link #lines(Path, String, String, String, Map, boolean)} with a logarithmic y axis (legend
   * outside, on the right), for quantities that grow by orders of magnitude, such as a capacity against N.
   * Non-positive values are dropped like NaN.
   */
  public static void semilog(Path png, String title, String xLabel, String yLabel, Map<String, double[][]> series, boolean force) {
    XYChart chart = new XYChartBuilder().width(1150).height(560).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
    chart.getStyler().setYAxisLogarithmic(true);
    Map<String, double[][]> positive = new java.util.LinkedHashMap<>();
    series.forEach((name, xy) -> positive.put(name, new double[][] {xy[0],
        java.util.Arrays.stream(xy[1]).map(v -> v > 0 ? v : Double.NaN).toArray()}));
    draw(chart, png, positive, force);
  }

  private static void draw(XYChart chart, Path png, Map<String, double[][]> series, boolean force) {
    int added = 0;
    for (var e : series.entrySet()) {
      double[] x = e.getValue()[0];
      double[] y = e.getValue()[1];
      int n = 0;
      for (double v : y) if (Double.isFinite(v)) n++;
      if (n == 0) continue;
      double[] xs = new double[n];
      double[] ys = new double[n];
      for (int i = 0, k = 0; i < y.length; i++) {
        if (Double.isFinite(y[i])) {
          xs[k] = x[i];
          ys[k++] = y[i];
        }
      }
      XYSeries s = chart.addSeries(e.getKey(), xs, ys);
      s.setMarker(n > 60 ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
      added++;
    }
    if (added == 0) return;
    AtomicFiles.write(png, force, out -> {
      try {
        BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

}
