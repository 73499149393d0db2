package io.glauber.bench;

import com.typesafe.config.Config;
import io.glauber.data.DataSpecs;
import io.glauber.data.Dataset;
import io.glauber.hopfield.HopfieldModel;
import io.glauber.hopfield.HopfieldStorage;
import io.glauber.hopfield.Patterns;
import io.glauber.io.Json;
import io.glauber.io.MetricsWriter;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code train} does with a Hopfield configuration: runs every {@code hopfield.*} block it holds
 * — {@code store} (patterns from a data spec, thresholded to ±1, saved as a network with its
 * patterns), {@code random} (random patterns stored and recalled from corrupted probes),
 * {@code capacity}, {@code dense-capacity}, {@code spurious}, {@code thermo}, {@code modern} (a
 * modern memory stored and checked, {@link ModernMemoryExperiment}) and {@code modern-capacity}
 * ({@link ModernCapacityExperiment}) — writing their files and a line each in metrics.jsonl.
 */
public final class HopfieldExperiments {
  private HopfieldExperiments() {}

  /** The blocks of {@code hopfield}, each null when absent, all read and validated before anything runs. */
  public record Settings(HopfieldStorage.Settings store, RandomRecallExperiment.Settings random, CapacityExperiment.Settings capacity,
      DenseCapacityExperiment.Settings dense, SpuriousStatesExperiment.Settings spurious, ThermodynamicsExperiment.Settings thermo,
      ModernMemoryExperiment modern, ModernCapacityExperiment modernCapacity) {
    public Settings {
      if (store == null && random == null && capacity == null && dense == null && spurious == null && thermo == null && modern == null
          && modernCapacity == null) {
        throw new IllegalArgumentException("config: hopfield has none of store, random, capacity, dense-capacity, spurious, thermo, modern, modern-capacity");
      }
      if (modern != null && (store != null || random != null)) {
        throw new IllegalArgumentException("config: hopfield.modern and hopfield." + (store != null ? "store" : "random") + " would both write model.npz");
      }
    }

    /** Reads the blocks of {@code h} (the configuration's {@code hopfield}). */
    public static Settings from(Config h) {
      return new Settings(h.hasPath("store") ? HopfieldStorage.Settings.fromConfig(h.getConfig("store")) : null,
          h.hasPath("random") ? RandomRecallExperiment.Settings.fromConfig(h.getConfig("random")) : null,
          h.hasPath("capacity") ? CapacityExperiment.Settings.fromConfig(h.getConfig("capacity")) : null,
          h.hasPath("dense-capacity") ? DenseCapacityExperiment.Settings.fromConfig(h.getConfig("dense-capacity")) : null,
          h.hasPath("spurious") ? SpuriousStatesExperiment.Settings.fromConfig(h.getConfig("spurious")) : null,
          h.hasPath("thermo") ? ThermodynamicsExperiment.Settings.fromConfig(h.getConfig("thermo")) : null,
          h.hasPath("modern") ? ModernMemoryExperiment.fromConfig(h.getConfig("modern")) : null,
          h.hasPath("modern-capacity") ? ModernCapacityExperiment.fromConfig(h.getConfig("modern-capacity")) : null);
    }
  }

  /**
   * Runs the blocks into {@code out}: text on {@code log}, one line per block in metrics.jsonl.
   *
   * @return every block's summary (the metrics line), by block name, in the order run
   */
  public static Map<String, Object> run(Settings s, Path out, boolean force, PrintStream log) throws Exception {
    Dataset stored = s.store() == null ? null : DataSpecs.load(s.store().data()); // a bad spec fails before any output
    int[][] modernPatterns = s.modern() == null ? null : s.modern().patterns();
    Map<String, Object> all = new LinkedHashMap<>();
    try (MetricsWriter metrics = MetricsWriter.open(out.resolve("metrics.jsonl"), force)) {
      if (s.store() != null) done(all, metrics, "store", store(stored, s.store().rule(), out.resolve("model.npz"), force, log));
      if (s.random() != null) done(all, metrics, "random", random(s.random(), out.resolve("model.npz"), force, log));
      if (s.capacity() != null) done(all, metrics, "capacity", capacity(s.capacity(), out, force, log));
      if (s.dense() != null) done(all, metrics, "dense-capacity", dense(s.dense(), log));
      if (s.spurious() != null) done(all, metrics, "spurious", spurious(s.spurious(), log));
      if (s.thermo() != null) done(all, metrics, "thermo", ThermodynamicsExperiment.runAndWrite(s.thermo(), out, force, log));
      if (s.modern() != null) done(all, metrics, "modern", modern(s.modern(), modernPatterns, out.resolve("model.npz"), force, log));
      if (s.modernCapacity() != null) done(all, metrics, "modern-capacity", s.modernCapacity().runAndWrite(out, force, log));
    }
    return all;
  }

  /** A block's summary, into metrics.jsonl at once (a later block's failure keeps it) and into the result. */
  private static void done(Map<String, Object> all, MetricsWriter metrics, String block, Map<String, Object> summary) {
    metrics.write(summary);
    all.put(block, summary);
  }

  private static Map<String, Object> store(Dataset d, String rule, Path model, boolean force, PrintStream log) {
    int[][] xi = Patterns.fromData(d);
    new HopfieldModel(HopfieldStorage.store(rule, xi), xi).write(model, force);
    log.printf("stored %d patterns of %d units (%s rule) in %s%n", d.rows(), d.cols(), rule, model);
    return Json.object("experiment", "store", "data", d.name(), "rule", rule, "units", d.cols(), "patterns", d.rows());
  }

  private static Map<String, Object> random(RandomRecallExperiment.Settings s, Path model, boolean force, PrintStream log) {
    RandomRecallExperiment.Result r = RandomRecallExperiment.run(s);
    new HopfieldModel(r.network(), r.patterns()).write(model, force);
    log.printf("random recall: mean overlap %.4f, retrieved %.4f, mean sweeps %.2f; model %s%n", r.meanOverlap(), r.retrievedFraction(), r.meanSweeps(), model);
    return Json.object("experiment", "random-recall", "mean_overlap", r.meanOverlap(), "retrieved_fraction", r.retrievedFraction(),
        "mean_sweeps", r.meanSweeps());
  }

  private static Map<String, Object> capacity(CapacityExperiment.Settings s, Path out, boolean force, PrintStream log) throws Exception {
    long t0 = System.nanoTime();
    CapacityPlot.checkWritable(out, force);
    CapacityExperiment.Result r = CapacityExperiment.run(s);
    CapacityExperiment.writeCsv(r, out.resolve("capacity.csv"));
    CapacityPlot.writeBitErrors(r, out.resolve("capacity-bit-errors.png"));
    CapacityPlot.writeRetrieval(r, out.resolve("capacity-retrieval.png"));
    r.points().forEach(log::println);
    log.println("breakdown (retrieved fraction < 1/2) per N: " + r.breakdown() + "; alpha_c = " + CapacityExperiment.ALPHA_C);
    return Json.object("experiment", "capacity", "breakdown_alpha", r.breakdown(), "seconds", (System.nanoTime() - t0) / 1e9);
  }

  private static Map<String, Object> dense(DenseCapacityExperiment.Settings s, PrintStream log) {
    DenseCapacityExperiment.Result r = DenseCapacityExperiment.run(s);
    log.println("dense capacity: " + r.points());
    log.printf("capacity exponent %.3f (%.3f with the 1/ln N factor removed)%n", r.exponent(), r.logCorrectedExponent());
    return Json.object("experiment", "dense-capacity", "exponent", r.exponent(), "log_corrected_exponent", r.logCorrectedExponent());
  }

  private static Map<String, Object> spurious(SpuriousStatesExperiment.Settings s, PrintStream log) {
    SpuriousStatesExperiment.Result r = SpuriousStatesExperiment.run(s);
    log.printf("3-mixture endings: T = 0 quench %.4f, annealed %.4f%n", r.quench().mixture3Fraction(), r.anneal().mixture3Fraction());
    return Json.object("experiment", "spurious", "mixture3_fraction_quench", r.quench().mixture3Fraction(),
        "mixture3_fraction_anneal", r.anneal().mixture3Fraction());
  }

  private static Map<String, Object> modern(ModernMemoryExperiment s, int[][] patterns, Path model, boolean force, PrintStream log) {
    io.glauber.io.AtomicFiles.checkWritable(model, force);
    ModernMemoryExperiment.Result r = s.run(patterns);
    r.memory().write(model, force);
    log.printf("stored a %s in %s; from %.0f%% corrupted copies of every pattern: mean overlap %.4f, %.2f%% retrieved (overlap ≥ %s), %.2f steps on average, %.2f s%n",
        r.memory(), model, 100 * s.corruption(), r.check().meanOverlap(), 100 * r.check().retrievedFraction(), r.check().settings().retrievalOverlap(),
        r.check().meanSweeps(), r.check().seconds());
    return r.summary(s);
  }
}
