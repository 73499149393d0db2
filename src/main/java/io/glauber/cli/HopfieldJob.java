package io.glauber.cli;

import com.typesafe.config.Config;
import io.glauber.data.DataSpecs;
import io.glauber.data.Dataset;
import io.glauber.bench.CapacityExperiment;
import io.glauber.bench.CapacityPlot;
import io.glauber.bench.DenseCapacityExperiment;
import io.glauber.hopfield.HopfieldStorage;
import io.glauber.bench.RandomRecallExperiment;
import io.glauber.bench.SpuriousStatesExperiment;
import io.glauber.io.MetricsWriter;
import io.glauber.io.ModelFiles;
import io.glauber.io.NdArray;
import io.glauber.model.BoltzmannMachine;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hopfield configurations: runs every {@code hopfield.*} block a file holds — {@code store} (patterns
 * from a data spec, thresholded to ±1, saved as a model with its patterns), {@code random} (random
 * patterns stored and recalled from corrupted probes), {@code capacity}, {@code dense-capacity},
 * {@code spurious} — and writes their results into the output directory.
 */
final class HopfieldJob implements TrainJob {

  @Override
  public void run(Config c, Path out, boolean force, boolean resume) throws Exception {
    if (resume) throw new IllegalArgumentException("--resume: this job keeps no checkpoints (the batched RBM trainer does)");
    Config h = c.getConfig("hopfield");
    try (MetricsWriter metrics = MetricsWriter.open(out.resolve("metrics.jsonl"), force)) {
      if (h.hasPath("store")) store(h.getConfig("store"), out, force, metrics);
      if (h.hasPath("random")) random(h.getConfig("random"), out, force, metrics);
      if (h.hasPath("capacity")) capacity(h.getConfig("capacity"), out, force, metrics);
      if (h.hasPath("dense-capacity")) dense(h.getConfig("dense-capacity"), metrics);
      if (h.hasPath("spurious")) spurious(h.getConfig("spurious"), metrics);
    }
  }

  /** Patterns from data in {0,1} (or [0,1], thresholded at 0.5) mapped to ±1. */
  static int[][] spinPatterns(Dataset d) {
    int[][] xi = new int[d.rows()][d.cols()];
    for (int r = 0; r < d.rows(); r++) for (int i = 0; i < d.cols(); i++) xi[r][i] = d.value(r, i) > 0.5f ? 1 : -1;
    return xi;
  }

  static NdArray patternArray(int[][] xi) {
    int p = xi.length, n = xi[0].length;
    int[] flat = new int[p * n];
    for (int r = 0; r < p; r++) System.arraycopy(xi[r], 0, flat, r * n, n);
    return NdArray.ofInt(flat, p, n);
  }

  private static void store(Config s, Path out, boolean force, MetricsWriter metrics) {
    Dataset d = DataSpecs.load(Configs.get(s, "data", Config::getString));
    String rule = Configs.get(s, "rule", Config::getString, "hebb");
    int[][] xi = spinPatterns(d);
    BoltzmannMachine net = HopfieldStorage.store(rule, xi);
    ModelFiles.write(out.resolve("model.npz"), net, Map.of("patterns", patternArray(xi)), force);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("experiment", "store");
    m.put("data", d.name());
    m.put("rule", rule);
    m.put("units", d.cols());
    m.put("patterns", d.rows());
    metrics.write(m);
    System.out.printf("stored %d patterns of %d units (%s rule) in %s%n", d.rows(), d.cols(), rule, out.resolve("model.npz"));
  }

  private static void random(Config s, Path out, boolean force, MetricsWriter metrics) {
    RandomRecallExperiment.Result r = RandomRecallExperiment.run(RandomRecallExperiment.Settings.fromConfig(s));
    ModelFiles.write(out.resolve("model.npz"), r.network(), Map.of("patterns", patternArray(r.patterns())), force);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("experiment", "random-recall");
    m.put("mean_overlap", r.meanOverlap());
    m.put("retrieved_fraction", r.retrievedFraction());
    m.put("mean_sweeps", r.meanSweeps());
    metrics.write(m);
    System.out.printf("random recall: mean overlap %.4f, retrieved %.4f, mean sweeps %.2f; model %s%n",
        r.meanOverlap(), r.retrievedFraction(), r.meanSweeps(), out.resolve("model.npz"));
  }

  private static void capacity(Config s, Path out, boolean force, MetricsWriter metrics) throws Exception {
    long t0 = System.nanoTime();
    CapacityExperiment.Result r = CapacityExperiment.run(CapacityExperiment.Settings.fromConfig(s));
    io.glauber.io.AtomicFiles.checkWritable(out.resolve("capacity.csv"), force);
    CapacityExperiment.writeCsv(r, out.resolve("capacity.csv"));
    CapacityPlot.writeBitErrors(r, out.resolve("capacity-bit-errors.png"));
    CapacityPlot.writeRetrieval(r, out.resolve("capacity-retrieval.png"));
    for (CapacityExperiment.Point pt : r.points()) {
      System.out.println(pt);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("experiment", "capacity");
    m.put("breakdown_alpha", r.breakdown());
    m.put("seconds", (System.nanoTime() - t0) / 1e9);
    metrics.write(m);
    System.out.println("breakdown (retrieved fraction < 1/2) per N: " + r.breakdown() + "; alpha_c = " + CapacityExperiment.ALPHA_C);
  }

  private static void dense(Config s, MetricsWriter metrics) {
    DenseCapacityExperiment.Result r = DenseCapacityExperiment.run(DenseCapacityExperiment.Settings.fromConfig(s));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("experiment", "dense-capacity");
    m.put("exponent", r.exponent());
    m.put("log_corrected_exponent", r.logCorrectedExponent());
    metrics.write(m);
    System.out.println("dense capacity: " + r.points());
    System.out.printf("capacity exponent %.3f (%.3f with the 1/ln N factor removed)%n", r.exponent(), r.logCorrectedExponent());
  }

  private static void spurious(Config s, MetricsWriter metrics) {
    SpuriousStatesExperiment.Result r = SpuriousStatesExperiment.run(SpuriousStatesExperiment.Settings.fromConfig(s));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("experiment", "spurious");
    m.put("mixture3_fraction_quench", r.quench().mixture3Fraction());
    m.put("mixture3_fraction_anneal", r.anneal().mixture3Fraction());
    metrics.write(m);
    System.out.printf("3-mixture endings: T = 0 quench %.4f, annealed %.4f%n", r.quench().mixture3Fraction(), r.anneal().mixture3Fraction());
  }
}
