package io.glauber.bench;

import io.glauber.engine.actor.ActorConfig;
import io.glauber.engine.actor.neuron.ActorSampler;
import io.glauber.engine.actor.Dynamics;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Behaviors;
import akka.stream.javadsl.Sink;
import io.glauber.exact.ExactBoltzmann;
import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Units;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;

/**
 * What asynchrony does to sampling: the total-variation distance ½Σ|p̂(s) − p(s)| between the state
 * frequencies of asynchronous neuron actors and the exact Boltzmann distribution, as the staleness
 * ratio (message delay ÷ mean update interval) grows, on fixed small models; with two references
 * at the same sample size n: the exact mode's distance (samples 10 sweeps apart) and the expected
 * distance of n independent exact draws, ½ Σ_s √(2 p(s)(1 − p(s)) / (π n)) (sampling noise alone).
 *
 * <p>{@code java -cp ... io.glauber.bench.AsynchronyStudy [OUT_DIR]} writes {@code
 * asynchrony.png} and {@code asynchrony.csv} to OUT_DIR (default {@code docs}); {@code
 * -Dstudy.ratios=0,1} and {@code -Dstudy.thin=10} (sweep times between async samples, default 1)
 * change the grid.
 */
public final class AsynchronyStudy {
  private AsynchronyStudy() {}

  /** A study model: a dense BM with couplings and biases uniform in [−scale, scale]. */
  record Model(String name, BoltzmannMachine machine) {}

  static BoltzmannMachine randomMachine(int n, Units units, double scale, double t, long seed) {
    return io.glauber.model.RandomMachines.uniform(n, units, scale, 0.5 * scale, n, t, seed);
  }

  /** A ferromagnetic ring of n spins, J, at temperature T. */
  static BoltzmannMachine ring(int n, double j, double t) {
    double[] w = new double[n * n];
    for (int i = 0; i < n; i++) {
      int k = (i + 1) % n;
      w[i * n + k] = j;
      w[k * n + i] = j;
    }
    return BoltzmannMachine.dense(Units.SPIN, w, new double[n], n, t);
  }

  static double tv(List<int[]> samples, BoltzmannMachine m) {
    double[] p = ExactBoltzmann.of(m).distribution();
    double[] q = new double[p.length];
    for (int[] s : samples) {
      int k = 0;
      for (int i = 0; i < s.length; i++) if (s[i] == m.units().high()) k |= 1 << i;
      q[k] += 1.0 / samples.size();
    }
    double d = 0;
    for (int k = 0; k < p.length; k++) d += Math.abs(p[k] - q[k]);
    return d / 2;
  }

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "docs");
    Files.createDirectories(out);
    List<Model> models = List.of(
        new Model("dense 6 spins, |w| ≤ 1, T = 1", randomMachine(6, Units.SPIN, 1.0, 1.0, 3)),
        new Model("ferromagnetic ring of 8 spins, J = 1, T = 1", ring(8, 1.0, 1.0)));
    double[] ratios = java.util.Arrays.stream(System.getProperty("study.ratios", "0,0.25,0.5,1,2,4").split(","))
        .mapToDouble(Double::parseDouble).toArray();
    int thin = Integer.getInteger("study.thin", 1);
    Duration interval = Duration.ofMillis(4);
    int samples = 2000;
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "asynchrony-study", ActorConfig.config());
    StringBuilder csv = new StringBuilder("model,staleness_ratio,delay_ms,interval_ms,samples,tv_async,tv_exact_mode_thin10,tv_iid_expected\n");
    String suffix = thin == 1 ? "" : "-thin" + thin;
    XYChart chart = new XYChartBuilder().width(900).height(650).title("Asynchronous neuron actors vs exact Boltzmann")
        .xAxisTitle("staleness ratio (message delay / mean update interval)").yAxisTitle("total-variation distance").build();
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
    try {
      for (Model model : models) {
        List<int[]> exact = ActorSampler.source(system, model.machine(),
            ActorSampler.Settings.exact(11, 50, samples, 10)).runWith(Sink.seq(), system).toCompletableFuture().join();
        double floor = tv(exact, model.machine());
        double iid = 0;
        for (double p : ExactBoltzmann.of(model.machine()).distribution()) iid += Math.sqrt(2 * p * (1 - p) / (Math.PI * samples));
        iid /= 2;
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (double ratio : ratios) {
          Duration delay = Duration.ofNanos(Math.round(ratio * interval.toNanos()));
          Dynamics d = Dynamics.async(interval, delay);
          List<int[]> s = ActorSampler.source(system, model.machine(), new ActorSampler.Settings(d, null, null, 7, 50, samples, thin))
              .runWith(Sink.seq(), system).toCompletableFuture().join();
          double t = tv(s, model.machine());
          xs.add(ratio);
          ys.add(t);
          String line = String.format(Locale.ROOT, "%s,%.2f,%.1f,%d,%d,%.4f,%.4f,%.4f", model.name(), ratio,
              delay.toNanos() / 1e6, interval.toMillis(), samples, t, floor, iid);
          System.out.println(line);
          csv.append('"').append(line.replaceFirst(",", "\",")).append('\n');
        }
        chart.addSeries(model.name(), xs, ys).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.addSeries("exact mode, same n: " + model.name(), List.of(ratios[0], ratios[ratios.length - 1]), List.of(floor, floor))
            .setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.addSeries("n independent draws (expected): " + model.name(), List.of(ratios[0], ratios[ratios.length - 1]), List.of(iid, iid))
            .setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
      }
    } finally {
      system.terminate();
    }
    // a study regenerates its own figures: replaced whole, never half-written
    io.glauber.io.AtomicFiles.write(out.resolve("asynchrony" + suffix + ".csv"), true,
        o -> o.write(csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    io.glauber.io.AtomicFiles.write(out.resolve("asynchrony" + suffix + ".png"), true,
        o -> BitmapEncoder.saveBitmap(chart, o, BitmapEncoder.BitmapFormat.PNG));
    System.out.println("wrote " + out.resolve("asynchrony" + suffix + ".png") + " and .csv");
  }
}
