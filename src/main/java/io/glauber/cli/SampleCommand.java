package io.glauber.cli;

import io.glauber.engine.actor.layer.LayerEngine;
import io.glauber.engine.batch.RbmSampler;
import io.glauber.engine.reference.SequentialGibbs;
import io.glauber.io.ModelFiles;
import io.glauber.io.SampleFiles;
import io.glauber.io.SampleWriter;
import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Model;
import io.glauber.model.Rbm;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code glauber sample --model FILE --engine batch|actor ... --out FILE}: visible states, one per
 * row, as CSV (or {@code .npy} when the path ends so).
 */
@Command(name = "sample", mixinStandardHelpOptions = true, description = "Draw samples of the visible units from a model.")
final class SampleCommand implements Callable<Integer> {
  @Option(names = "--model", required = true, paramLabel = "FILE") Path model;
  @Option(names = "--engine", defaultValue = "batch", description = "batch or actor (default ${DEFAULT-VALUE}).") String engine;
  @Option(names = "--mode", defaultValue = "exact", description = "Actor engine schedule: exact or async (default ${DEFAULT-VALUE}).") String mode;
  @Option(names = "--mean-interval-us", defaultValue = "0", description = "Async mode: mean update interval of each neuron's Poisson clock in µs (0 = as fast as possible).") long meanIntervalUs;
  @Option(names = "--delay-us", defaultValue = "0", description = "Async mode: added delay of every state-change message in µs.") long delayUs;
  @Option(names = "--samples", required = true, paramLabel = "N") long samples;
  @Option(names = "--burn-in", defaultValue = "1000", paramLabel = "SWEEPS") int burnIn;
  @Option(names = "--thin", defaultValue = "10", paramLabel = "SWEEPS") int thin;
  @Option(names = "--chains", defaultValue = "100", description = "Parallel chains (default ${DEFAULT-VALUE}).") int chains;
  @Option(names = "--temperature", paramLabel = "T", description = "Sampling temperature (default: the model's).") Double temperature;
  @Option(names = "--clamp", paramLabel = "VALUES", description = "RBM conditional generation: one of 0, 1 or - (free) per visible unit, e.g. 0101----.") String clamp;
  @Option(names = "--seed", defaultValue = "1") long seed;
  @Option(names = "--out", required = true, paramLabel = "FILE") Path out;
  @Option(names = "--force", description = "Replace an existing output file.") boolean force;

  @Override
  public Integer call() throws Exception {
    if (samples < 1) throw new IllegalArgumentException("--samples " + samples + " (expected ≥ 1)");
    Model m = ModelFiles.read(model);
    double t = temperature != null ? temperature : m.temperature();
    if (!engine.equals("batch") && !engine.equals("actor")) {
      throw new IllegalArgumentException("--engine " + engine + " (expected batch or actor)");
    }
    io.glauber.engine.actor.Mode actorMode = io.glauber.engine.actor.Mode.parse(mode); // a wrong --mode fails before any file is opened
    try (SampleWriter w = SampleFiles.open(out, m.nVisible(), force)) {
      if (engine.equals("actor") && m instanceof Rbm r) {
        if (clamp != null) throw new IllegalArgumentException("--clamp is supported by the batch engine only");
        // exact: a layer actor per layer, alternating (block Gibbs); async: a neuron actor per unit of
        // the RBM as a Boltzmann machine (visible units first), each on its own clock
        if (actorMode == io.glauber.engine.actor.Mode.EXACT) sampleWithLayerActors(r, t, w);
        else sampleWithNeuronActors(r.toBoltzmannMachine().withTemperature(t), actorMode, w);
      } else if (engine.equals("actor")) {
        if (clamp != null) throw new IllegalArgumentException("--clamp is supported by the batch engine only");
        sampleWithNeuronActors(((BoltzmannMachine) m).withTemperature(t), actorMode, w);
      } else if (m instanceof Rbm r) {
        new RbmSampler(r, (int) Math.min(chains, samples), t, parseClamp(clamp, r.nVisible()), seed).run(burnIn, samples, thin, w::write);
      } else {
        if (clamp != null) throw new IllegalArgumentException("--clamp is for RBMs (this model is a Boltzmann machine)");
        sampleMachine(((BoltzmannMachine) m).withTemperature(t), w);
      }
    }
    System.err.printf("wrote %d samples to %s%n", samples, out);
    return 0;
  }

  /**
   * Layer actors sample; the samples leave as an akka-stream Source and the file writer is its Sink,
   * so a slow disk slows the simulation instead of filling memory.
   */
  private void sampleWithLayerActors(Rbm r, double t, SampleWriter w) throws Exception {
    var system = akka.actor.typed.ActorSystem.create(akka.actor.typed.javadsl.Behaviors.empty(), "glauber-sample", LayerEngine.config());
    try {
      int n = (int) Math.min(chains, samples);
      LayerEngine.sampleVisible(r, n, burnIn, (int) samples, thin, t, seed)
          .runWith(akka.stream.javadsl.Sink.foreach(w::write), system)
          .toCompletableFuture().get();
    } finally {
      system.terminate();
    }
  }

  /**
   * One neuron actor per unit, exact (colour classes behind a barrier) or async mode; the visible
   * units of each snapshot stream into the file writer as a Sink.
   */
  private void sampleWithNeuronActors(BoltzmannMachine m, io.glauber.engine.actor.Mode actorMode, SampleWriter w) throws Exception {
    io.glauber.engine.actor.Dynamics dynamics = actorMode == io.glauber.engine.actor.Mode.EXACT
        ? io.glauber.engine.actor.Dynamics.exact()
        : io.glauber.engine.actor.Dynamics.async(java.time.Duration.ofNanos(meanIntervalUs * 1000), java.time.Duration.ofNanos(delayUs * 1000));
    var settings = new io.glauber.engine.actor.neuron.ActorSampler.Settings(dynamics, null, null, seed, burnIn, samples, thin);
    var system = akka.actor.typed.ActorSystem.create(akka.actor.typed.javadsl.Behaviors.empty(), "glauber-sample",
        io.glauber.engine.actor.ActorConfig.config());
    int nv = m.nVisible();
    try {
      io.glauber.engine.actor.neuron.ActorSampler.source(system, m, settings)
          .map(state -> java.util.Arrays.copyOf(state, nv))
          .runWith(akka.stream.javadsl.Sink.foreach(w::write), system)
          .toCompletableFuture().get();
    } finally {
      system.terminate();
    }
  }

  /** Independent reference chains, one sample each per thinning interval, visible units only. */
  private void sampleMachine(BoltzmannMachine m, SampleWriter w) {
    SplittableRandom seeds = new SplittableRandom(seed);
    int n = (int) Math.min(chains, samples);
    SequentialGibbs[] chain = new SequentialGibbs[n];
    for (int c = 0; c < n; c++) {
      chain[c] = new SequentialGibbs(m, SequentialGibbs.Scan.RANDOM, seeds.nextLong());
      for (int s = 0; s < burnIn; s++) chain[c].sweep();
    }
    int[] row = new int[m.nVisible()];
    for (long emitted = 0; emitted < samples; ) {
      for (int c = 0; c < n && emitted < samples; c++, emitted++) {
        for (int s = 0; s < thin; s++) chain[c].sweep();
        double[] st = chain[c].state();
        for (int i = 0; i < row.length; i++) row[i] = (int) st[i];
        w.write(row.clone());
      }
    }
  }

  static int[] parseClamp(String text, int n) {
    if (text == null) return null;
    if (text.length() != n) throw new IllegalArgumentException("--clamp has " + text.length() + " characters (expected one per visible unit: " + n + ")");
    int[] c = new int[n];
    for (int i = 0; i < n; i++) {
      char ch = text.charAt(i);
      c[i] = switch (ch) {
        case '0' -> 0;
        case '1' -> 1;
        case '-', '.' -> -1;
        default -> throw new IllegalArgumentException("--clamp character '" + ch + "' at " + i + " (expected 0, 1 or -)");
      };
    }
    return c;
  }
}
