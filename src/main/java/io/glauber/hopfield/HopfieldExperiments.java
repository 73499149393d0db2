package io.glauber.hopfield;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Entry point for the ready-made Hopfield experiments until the CLI wires them:
 * {@code java ... io.glauber.hopfield.HopfieldExperiments config/hopfield-capacity.conf [key=value]...}.
 * Runs every {@code hopfield.*} block the file holds and writes its outputs.
 */
public final class HopfieldExperiments {
  private HopfieldExperiments() {}

  public static void main(String[] args) throws IOException {
    Config overrides = ConfigFactory.empty();
    for (int k = 1; k < args.length; k++) overrides = ConfigFactory.parseString(args[k]).withFallback(overrides);
    Config c = overrides.withFallback(ConfigFactory.parseFile(new File(args[0]))).resolve();
    if (c.hasPath("hopfield.capacity")) capacity(c.getConfig("hopfield.capacity"));
    if (c.hasPath("hopfield.random")) {
      RandomRecallExperiment.Result r = RandomRecallExperiment.run(RandomRecallExperiment.Settings.fromConfig(c.getConfig("hopfield.random")));
      System.out.printf("random recall: mean overlap %.4f, retrieved %.4f, mean sweeps %.2f%n", r.meanOverlap(), r.retrievedFraction(), r.meanSweeps());
    }
    if (c.hasPath("hopfield.dense-capacity")) {
      long t0 = System.nanoTime();
      DenseCapacityExperiment.Result r = DenseCapacityExperiment.run(DenseCapacityExperiment.Settings.fromConfig(c.getConfig("hopfield.dense-capacity")));
      System.out.println("dense capacity: " + r.points());
      System.out.printf("exponent %.3f, with the 1/ln N factor removed %.3f (%.1f s)%n", r.exponent(), r.logCorrectedExponent(), (System.nanoTime() - t0) / 1e9);
    }
    if (c.hasPath("hopfield.spurious")) {
      long t0 = System.nanoTime();
      SpuriousStatesExperiment.Result r = SpuriousStatesExperiment.run(SpuriousStatesExperiment.Settings.fromConfig(c.getConfig("hopfield.spurious")));
      System.out.println("spurious states: quench " + r.quench() + ", anneal " + r.anneal());
      System.out.printf("3-mixture fraction: quench %.4f, anneal %.4f (%.1f s)%n", r.quench().mixture3Fraction(), r.anneal().mixture3Fraction(), (System.nanoTime() - t0) / 1e9);
    }
  }

  /** Runs the capacity sweep of a {@code hopfield.capacity} block and writes CSV and plots. */
  public static CapacityExperiment.Result capacity(Config c) throws IOException {
    long t0 = System.nanoTime();
    CapacityExperiment.Result r = CapacityExperiment.run(CapacityExperiment.Settings.fromConfig(c));
    CapacityExperiment.writeCsv(r, Path.of(c.getString("out.csv")));
    CapacityPlot.writeBitErrors(r, Path.of(c.getString("out.bit-error-plot")));
    CapacityPlot.writeRetrieval(r, Path.of(c.getString("out.retrieval-plot")));
    for (CapacityExperiment.Point pt : r.points()) System.out.println(pt);
    System.out.println("breakdown (retrieved fraction < 1/2) per N: " + r.breakdown());
    System.out.printf("capacity sweep took %.1f s%n", (System.nanoTime() - t0) / 1e9);
    return r;
  }
}
