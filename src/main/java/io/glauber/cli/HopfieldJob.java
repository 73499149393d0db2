package io.glauber.cli;

import com.typesafe.config.Config;
import io.glauber.bench.CapacityExperiment;
import io.glauber.bench.CapacityPlot;
import io.glauber.bench.DenseCapacityExperiment;
import io.glauber.bench.RandomRecallExperiment;
import io.glauber.bench.SpuriousStatesExperiment;
import io.glauber.bench.ThermodynamicsExperiment;
import io.glauber.data.DataSpecs;
import io.glauber.data.Dataset;
import io.glauber.hopfield.HopfieldModel;
import io.glauber.hopfield.HopfieldStorage;
import io.glauber.hopfield.Patterns;
import io.glauber.io.Json;
import io.glauber.io.MetricsWriter;
import java.nio.file.Path;

/**
 * Hopfield configurations: runs every {@code hopfield.*} block a file holds — {@code store} (patterns
 * from a data spec, thresholded to ±1, saved as a model with its patterns), {@code random} (random
 * patterns stored and recalled from corrupted probes), {@code capacity}, {@code dense-capacity},
 * {@code spurious}, {@code thermo} — and writes their results into the output directory.
 */
final class HopfieldJob implements TrainJob {

  /** The blocks of {@code hopfield}, each null when absent, all read and validated before anything runs. */
  record Settings(HopfieldStorage.Settings store, RandomRecallExperiment.Settings random, CapacityExperiment.Settings capacity,
      DenseCapacityExperiment.Settings dense, SpuriousStatesExperiment.Settings spurious, ThermodynamicsExperiment.Settings thermo) {
    Settings {
      if (store == null && random == null && capacity == null && dense == null && spurious == null && thermo == null) {
        throw new IllegalArgumentException("config: hopfield has none of store, random, capacity, dense-capacity, spurious, thermo");
      }
    }

    static Settings from(Config h) {
      return new Settings(h.hasPath("store") ? HopfieldStorage.Settings.fromConfig(h.getConfig("store")) : null,
          h.hasPath("random") ? RandomRecallExperiment.Settings.fromConfig(h.getConfig("random")) : null,
          h.hasPath("capacity") ? CapacityExperiment.Settings.fromConfig(h.getConfig("capacity")) : null,
          h.hasPath("dense-capacity") ? DenseCapacityExperiment.Settings.fromConfig(h.getConfig("dense-capacity")) : null,
          h.hasPath("spurious") ? SpuriousStatesExperiment.Settings.fromConfig(h.getConfig("spurious")) : null,
          h.hasPath("thermo") ? ThermodynamicsExperiment.Settings.fromConfig(h.getConfig("thermo")) : null);
    }
  }

  @Override
  public void run(Config c, Path out, boolean force, boolean resume) throws Exception {
    TrainJob.refuseResume(resume);
    Settings s = Settings.from(c.getConfig("hopfield"));
    Dataset stored = s.store() == null ? null : DataSpecs.load(s.store().data()); // a bad spec fails before any output
    try (MetricsWriter metrics = MetricsWriter.open(out.resolve("metrics.jsonl"), force)) {
      if (s.store() != null) store(stored, s.store().rule(), out.resolve("model.npz"), force, metrics);
      if (s.random() != null) random(s.random(), out.resolve("model.npz"), force, metrics);
      if (s.capacity() != null) capacity(s.capacity(), out, force, metrics);
      if (s.dense() != null) dense(s.dense(), metrics);
      if (s.spurious() != null) spurious(s.spurious(), metrics);
      if (s.thermo() != null) metrics.write(ThermodynamicsExperiment.runAndWrite(s.thermo(), out, force, System.out));
    }
  }

  private static void store(Dataset d, String rule, Path model, boolean force, MetricsWriter metrics) {
    int[][] xi = Patterns.fromData(d);
    new HopfieldModel(HopfieldStorage.store(rule, xi), xi).write(model, force);
    metrics.write(Json.object("experiment", "store", "data", d.name(), "rule", rule, "units", d.cols(), "patterns", d.rows()));
    System.out.printf("stored %d patterns of %d units (%s rule) in %s%n", d.rows(), d.cols(), rule, model);
  }

  private static void random(RandomRecallExperiment.Settings s, Path model, boolean force, MetricsWriter metrics) {
    RandomRecallExperiment.Result r = RandomRecallExperiment.run(s);
    new HopfieldModel(r.network(), r.patterns()).write(model, force);
    metrics.write(Json.object("experiment", "random-recall", "mean_overlap", r.meanOverlap(), "retrieved_fraction", r.retrievedFraction(),
        "mean_sweeps", r.meanSweeps()));
    System.out.printf("random recall: mean overlap %.4f, retrieved %.4f, mean sweeps %.2f; model %s%n",
        r.meanOverlap(), r.retrievedFraction(), r.meanSweeps(), model);
  }

  private static void capacity(CapacityExperiment.Settings s, Path out, boolean force, MetricsWriter metrics) throws Exception {
    long t0 = System.nanoTime();
    CapacityPlot.checkWritable(out, force);
    CapacityExperiment.Result r = CapacityExperiment.run(s);
    CapacityExperiment.writeCsv(r, out.resolve("capacity.csv"));
    CapacityPlot.writeBitErrors(r, out.resolve("capacity-bit-errors.png"));
    CapacityPlot.writeRetrieval(r, out.resolve("capacity-retrieval.png"));
    r.points().forEach(System.out::println);
    metrics.write(Json.object("experiment", "capacity", "breakdown_alpha", r.breakdown(), "seconds", (System.nanoTime() - t0) / 1e9));
    System.out.println("breakdown (retrieved fraction < 1/2) per N: " + r.breakdown() + "; alpha_c = " + CapacityExperiment.ALPHA_C);
  }

  private static void dense(DenseCapacityExperiment.Settings s, MetricsWriter metrics) {
    DenseCapacityExperiment.Result r = DenseCapacityExperiment.run(s);
    metrics.write(Json.object("experiment", "dense-capacity", "exponent", r.exponent(), "log_corrected_exponent", r.logCorrectedExponent()));
    System.out.println("dense capacity: " + r.points());
    System.out.printf("capacity exponent %.3f (%.3f with the 1/ln N factor removed)%n", r.exponent(), r.logCorrectedExponent());
  }

  private static void spurious(SpuriousStatesExperiment.Settings s, MetricsWriter metrics) {
    SpuriousStatesExperiment.Result r = SpuriousStatesExperiment.run(s);
    metrics.write(Json.object("experiment", "spurious", "mixture3_fraction_quench", r.quench().mixture3Fraction(),
        "mixture3_fraction_anneal", r.anneal().mixture3Fraction()));
    System.out.printf("3-mixture endings: T = 0 quench %.4f, annealed %.4f%n", r.quench().mixture3Fraction(), r.anneal().mixture3Fraction());
  }
}
