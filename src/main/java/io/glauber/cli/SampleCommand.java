package io.glauber.cli;

import io.glauber.bench.ConditionalPictures;
import io.glauber.data.DataSpecs;
import io.glauber.engine.actor.Dynamics;
import io.glauber.engine.actor.Granularity;
import io.glauber.engine.actor.Mode;
import io.glauber.io.AtomicFiles;
import io.glauber.io.ModelFiles;
import io.glauber.io.SampleFiles;
import io.glauber.io.SampleWriter;
import io.glauber.job.Samplers;
import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Clamp;
import io.glauber.model.Model;
import io.glauber.model.Rbm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code glauber sample --model FILE --engine batch|actor ... --out FILE}: visible states, one per
 * row, as CSV (or {@code .npy} when the path ends so), from {@link Samplers}. The sampler is built,
 * and so every option checked, before the output is opened; the file appears only when every
 * sample is written.
 */
@Command(name = "sample", mixinStandardHelpOptions = true, description = "Draw samples of the visible units from a model.")
final class SampleCommand implements Callable<Integer> {
  @Option(names = "--model", required = true, paramLabel = "FILE") Path model;
  @Option(names = "--engine", defaultValue = "batch", description = "batch or actor (default ${DEFAULT-VALUE}).") String engine;
  @Option(names = "--mode", defaultValue = "exact", description = "Actor engine schedule: exact, exclusive or async (default ${DEFAULT-VALUE}).") String mode;
  @Option(names = "--mean-interval-us", defaultValue = "0", description = "Async/exclusive mode: mean update interval of each neuron's Poisson clock in µs (0 = as fast as possible).") long meanIntervalUs;
  @Option(names = "--delay-us", defaultValue = "0", description = "Async/exclusive mode: added delay of every message in µs.") long delayUs;
  @Option(names = "--samples", defaultValue = "0", paramLabel = "N", description = "Number of samples (required unless --pictures).") long samples;
  @Option(names = "--burn-in", defaultValue = "1000", paramLabel = "SWEEPS") int burnIn;
  @Option(names = "--thin", defaultValue = "10", paramLabel = "SWEEPS") int thin;
  @Option(names = "--chains", defaultValue = "100", description = "Parallel chains (default ${DEFAULT-VALUE}).") int chains;
  @Option(names = "--temperature", paramLabel = "T", description = "Sampling temperature (default: the model's).") Double temperature;
  @Option(names = "--clamp", paramLabel = "SPEC", description = "Clamp visible units: 0, 1 or - (free) per unit (0101----), or items I=B, I-J=BITS (0-97=0,196-205=0001000000).") String clamp;
  @Option(names = "--label", paramLabel = "K", description = "Clamp the last --classes visible units (label units) to the one-hot code of K.") Integer label;
  @Option(names = "--classes", defaultValue = "10", description = "Label units, last among the visible units (default ${DEFAULT-VALUE}).") int classes;
  @Option(names = "--granularity", paramLabel = "G", description = "Actor engine: neuron, patch (--patch-size units each, default 1024) or layer (RBMs in exact mode, their default).") String granularity;
  @Option(names = "--patch-size", defaultValue = "1024") int patchSize;
  @Option(names = "--seed", defaultValue = "1") long seed;
  @Option(names = "--out", required = true, paramLabel = "FILE") Path out;
  @Option(names = "--force", description = "Replace an existing output file.") boolean force;
  @Option(names = "--pictures", paramLabel = "DATA", description = "Instead of samples, write samples-per-label.png and completions.png (top halves of the first 10 images of DATA clamped) into the directory --out.")
  String pictures;
  @Mixin ClusterOptions cluster;

  @Override
  public Integer call() throws Exception {
    if (pictures == null && samples < 1) throw new IllegalArgumentException("--samples " + samples + " (expected ≥ 1)");
    if (burnIn < 0 || thin < 1) throw new IllegalArgumentException("--burn-in " + burnIn + ", --thin " + thin + " (expected ≥ 0 and ≥ 1)");
    if (!engine.equals("batch") && !engine.equals("actor")) throw new IllegalArgumentException("--engine " + engine + " (expected batch or actor)");
    Dynamics dynamics = Dynamics.of(Mode.parse(mode), Duration.ofNanos(meanIntervalUs * 1000), Duration.ofNanos(delayUs * 1000));
    Granularity g = granularity == null ? null : Granularity.parse(granularity, patchSize);
    Model m = ModelFiles.read(model);
    if (pictures != null) { // the grids of io.ConditionalGrids, on either engine
      Model mt = temperature == null ? m : m instanceof Rbm r ? r.withTemperature(temperature) : ((BoltzmannMachine) m).withTemperature(temperature);
      ConditionalPictures.write(mt, engine, dynamics, g == null ? Granularity.NEURON : g, classes, DataSpecs.load(pictures), out, burnIn, force, seed);
      System.err.printf("wrote %s and %s%n", out.resolve("samples-per-label.png"), out.resolve("completions.png"));
      return 0;
    }
    double t = temperature != null ? temperature : m.temperature();
    Clamp c = Clamp.of(clamp, label, classes, m.nVisible()); // the free units sample the reduced machine, the clamped ones are filled in
    AtomicFiles.checkWritable(out, force);
    var request = new Samplers.Request(engine, dynamics, g, chains, burnIn, samples, thin, seed, cluster.on() ? cluster.settings() : null, cluster.members());
    SampleWriter.Rows sampler = Samplers.rows(c == null ? m : c.reduce(m), t, request, c == null ? r -> r : c.filler(m));
    SampleFiles.stream(out, m.nVisible(), force, sampler);
    System.err.printf("wrote %d samples to %s%n", samples, out);
    return 0;
  }
}
