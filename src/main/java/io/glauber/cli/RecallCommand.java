package io.glauber.cli;

import io.glauber.engine.actor.Granularity;
import io.glauber.engine.actor.Mode;
import io.glauber.hopfield.AssociativeMemory;
import io.glauber.hopfield.PatternImages;
import io.glauber.hopfield.RecallProbes;
import io.glauber.hopfield.RecallReport;
import io.glauber.hopfield.RecallRun;
import io.glauber.hopfield.RecallSettings.Update;
import io.glauber.hopfield.RecallSettings;
import io.glauber.io.AtomicFiles;
import io.glauber.io.Json;
import io.glauber.io.SampleFiles;
import io.glauber.model.Schedule;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code glauber recall}: Hopfield recall ({@link RecallRun}) from probes read from a file or made by
 * corrupting the stored patterns; reports the overlap with each stored pattern, the final energy
 * and the sweeps.
 */
@Command(name = "recall", mixinStandardHelpOptions = true,
    description = {"Recall stored patterns in a Hopfield network (spin units) or a modern memory (softmax: --update sync).",
        "Probes come from --probe FILE (one per row, ±1 or 0/1) or from the stored patterns with --corrupt."})
final class RecallCommand implements Callable<Integer> {
  @Option(names = "--model", required = true, paramLabel = "FILE", description = "Hopfield network or modern memory (.npz; its 'patterns' array gives the stored patterns).")
  Path model;

  static final class Probes {
    @Option(names = "--probe", paramLabel = "FILE", description = "Probes, one per row (samples format: CSV or .npy).") Path file;
    @Option(names = "--corrupt", paramLabel = "FRACTION", description = "Flip each bit of each stored pattern with this probability.") Double corrupt;
  }

  @ArgGroup(exclusive = true, multiplicity = "1") Probes probes;

  @Option(names = "--probes-per-pattern", defaultValue = "1", description = "With --corrupt: probes per stored pattern (default ${DEFAULT-VALUE}).") int perPattern;
  @Option(names = "--update", description = "async (T = 0, random order), sync (with 2-cycle detection), stochastic (at --temperature) or anneal (--schedule then T = 0). Default async; sync for a softmax memory.") String update;
  @Option(names = "--temperature", defaultValue = "0.5", description = "Temperature of stochastic updates (default ${DEFAULT-VALUE}).") double temperature;
  @Option(names = "--schedule", defaultValue = "10@1.0,10@0.8,10@0.6,10@0.4,10@0.2", description = "Annealing schedule SWEEPS@T,... (default ${DEFAULT-VALUE}).") String schedule;
  @Option(names = "--max-sweeps", defaultValue = "100") int maxSweeps;
  @Option(names = "--engine", defaultValue = "batch", description = "batch (default) or actor (one neuron actor per unit; modern memories: one actor per memory).") String engine;
  @Option(names = "--mode", defaultValue = "exact", description = "Actor engine: exact (colour classes behind a barrier), exclusive or async (default ${DEFAULT-VALUE}).") String mode;
  @Option(names = "--granularity", defaultValue = "neuron", description = "Actor engine: neuron or patch (--patch-size units per actor, default 1024; one network for all probes).") String granularity;
  @Option(names = "--patch-size", defaultValue = "1024") int patchSize;
  @Option(names = "--threads", defaultValue = "2") int threads;
  @Option(names = "--seed", defaultValue = "1") long seed;
  @Option(names = "--out", paramLabel = "FILE", description = "Final states, one row per probe (±1), CSV or .npy.") Path out;
  @Option(names = "--png", paramLabel = "FILE", description = "Picture rows: stored | probe | recalled (square images).") Path png;
  @Option(names = "--json", description = "One JSON object per probe, then a summary object.") boolean json;
  @Option(names = "--force", description = "Replace existing output files.") boolean force;
  @Mixin ClusterOptions cluster;

  @Override
  public Integer call() throws Exception {
    AssociativeMemory m = AssociativeMemory.read(model);
    Update u = update == null ? m.naturalUpdate() : Update.parse(update);
    RecallSettings settings = new RecallSettings(u, RecallSettings.Engine.parse(engine), Mode.parse(mode), temperature,
        u == Update.ANNEAL ? Schedule.parse(schedule) : null, maxSweeps, threads, seed, RecallSettings.DEFAULT_RETRIEVAL_OVERLAP)
        .withGranularity(Granularity.parse(granularity, patchSize));
    if (probes.corrupt != null && m.patterns() == null) {
      throw new IllegalArgumentException(model + ": has no 'patterns' array to corrupt (use --probe FILE)");
    }
    RecallProbes p = probes.corrupt != null ? RecallProbes.corrupted(m.patterns(), probes.corrupt, perPattern, seed)
        : RecallProbes.read(probes.file, m.size());
    // refuse before the work, not after it
    if (out != null) AtomicFiles.checkWritable(out, force);
    if (png != null) AtomicFiles.checkWritable(png, force);
    int n = m.size();
    int side = (int) Math.round(Math.sqrt(n));
    if (png != null && side * side != n) {
      throw new IllegalArgumentException("--png needs square images (" + n + " units is not a square)");
    }
    RecallReport report = cluster.on() ? RecallRun.onCluster(cluster.settings(), cluster.members(), m, p, settings) : m.recall(p, settings);
    print(report, p.targets() == null ? "closest" : "original");
    if (out != null) SampleFiles.write(out, report.finalStates(), force);
    if (png != null) PatternImages.writeRecall(m, p, report, png, force);
    return 0;
  }

  /** Per-probe JSON lines and a summary object with --json, else one line of text. */
  private void print(RecallReport report, String target) {
    if (json) {
      for (int k = 0; k < report.results().size(); k++) System.out.println(Json.toLine(report.probeFields(k)));
      System.out.println(Json.toLine(report.summary()));
    } else {
      System.out.printf("%d probes, %s updates: %s mean %.2f sweeps, %d two-cycles, %.3f s%n", report.results().size(), report.settings().update(),
          !report.scored() ? "" : String.format("mean overlap with the %s pattern %.4f, %.1f%% retrieved (overlap ≥ %s),",
              target, report.meanOverlap(), 100 * report.retrievedFraction(), report.settings().retrievalOverlap()),
          report.meanSweeps(), report.twoCycles(), report.seconds());
    }
  }
}
