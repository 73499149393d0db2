package io.glauber.cli;

import io.glauber.hopfield.HopfieldBatchRecall;
import io.glauber.hopfield.HopfieldRecall;
import io.glauber.hopfield.PatternImages;
import io.glauber.hopfield.Patterns;
import io.glauber.hopfield.RecallResult;
import io.glauber.io.FormatException;
import io.glauber.io.Json;
import io.glauber.io.ModelFiles;
import io.glauber.io.NdArray;
import io.glauber.io.Npz;
import io.glauber.io.SampleFiles;
import io.glauber.io.SampleWriter;
import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Schedule;
import io.glauber.model.Units;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code glauber recall}: Hopfield recall from probes read from a file or made by corrupting the
 * stored patterns; reports the overlap with each stored pattern, the final energy and the sweeps.
 */
@Command(name = "recall", mixinStandardHelpOptions = true,
    description = {"Recall stored patterns in a Hopfield network (spin units).",
        "Probes come from --probe FILE (one per row, ±1 or 0/1) or from the stored patterns with --corrupt."})
final class RecallCommand implements Callable<Integer> {
  @Option(names = "--model", required = true, paramLabel = "FILE", description = "Hopfield model (.npz; its 'patterns' array gives the stored patterns).")
  Path model;

  static final class Probes {
    @Option(names = "--probe", paramLabel = "FILE", description = "Probes, one per row (samples format: CSV or .npy).") Path file;
    @Option(names = "--corrupt", paramLabel = "FRACTION", description = "Flip each bit of each stored pattern with this probability.") Double corrupt;
  }

  @ArgGroup(exclusive = true, multiplicity = "1") Probes probes;

  @Option(names = "--probes-per-pattern", defaultValue = "1", description = "With --corrupt: probes per stored pattern (default ${DEFAULT-VALUE}).") int perPattern;
  @Option(names = "--update", defaultValue = "async", description = "async (T = 0, random order), sync (with 2-cycle detection), stochastic (at --temperature) or anneal (--schedule then T = 0). Default ${DEFAULT-VALUE}.") String update;
  @Option(names = "--temperature", defaultValue = "0.5", description = "Temperature of stochastic updates (default ${DEFAULT-VALUE}).") double temperature;
  @Option(names = "--schedule", defaultValue = "10@1.0,10@0.8,10@0.6,10@0.4,10@0.2", description = "Annealing schedule SWEEPS@T,... (default ${DEFAULT-VALUE}).") String schedule;
  @Option(names = "--max-sweeps", defaultValue = "100") int maxSweeps;
  @Option(names = "--engine", defaultValue = "batch", description = "batch (default) or actor (one neuron actor per unit).") String engine;
  @Option(names = "--mode", defaultValue = "exact", description = "Actor engine: exact (colour classes behind a barrier) or async (default ${DEFAULT-VALUE}).") String mode;
  @Option(names = "--threads", defaultValue = "2") int threads;
  @Option(names = "--seed", defaultValue = "1") long seed;
  @Option(names = "--out", paramLabel = "FILE", description = "Final states, one row per probe (±1), CSV or .npy.") Path out;
  @Option(names = "--png", paramLabel = "FILE", description = "Picture rows: stored | probe | recalled (square images).") Path png;
  @Option(names = "--json", description = "One JSON object per probe, then a summary object.") boolean json;
  @Option(names = "--force", description = "Replace existing output files.") boolean force;

  @Override
  public Integer call() throws Exception {
    BoltzmannMachine net = ModelFiles.readMachine(model);
    if (net.units() != Units.SPIN || net.nHidden() != 0) {
      throw new IllegalArgumentException(model + ": not a Hopfield network (expected spin units and no hidden units)");
    }
    if (!engine.equals("batch") && !engine.equals("actor")) throw new IllegalArgumentException("--engine " + engine + " (expected batch or actor)");
    // refuse before the work, not after it
    if (out != null) io.glauber.io.AtomicFiles.checkWritable(out, force);
    if (png != null) io.glauber.io.AtomicFiles.checkWritable(png, force);
    int[][] stored = storedPatterns(model, net.size());
    SplittableRandom rng = new SplittableRandom(seed);
    List<double[]> probeList = new ArrayList<>();
    List<Integer> targets = new ArrayList<>();
    if (probes.corrupt != null) {
      if (!(probes.corrupt >= 0 && probes.corrupt <= 1)) throw new IllegalArgumentException("--corrupt " + probes.corrupt + " (expected a fraction in [0, 1])");
      if (stored == null) throw new IllegalArgumentException(model + ": has no 'patterns' array to corrupt (use --probe FILE)");
      for (int mu = 0; mu < stored.length; mu++) {
        for (int k = 0; k < perPattern; k++) {
          probeList.add(Patterns.corrupt(stored[mu], probes.corrupt, rng));
          targets.add(mu);
        }
      }
    } else {
      for (int[] row : SampleFiles.read(probes.file)) probeList.add(toSpins(row, net.size(), probes.file, probeList.size()));
    }
    double[][] probeArray = probeList.toArray(new double[0][]);
    long t0 = System.nanoTime();
    List<RecallResult> results = recall(net, probeArray);
    double seconds = (System.nanoTime() - t0) / 1e9;
    report(stored, targets, results, seconds);
    if (out != null) writeStates(results);
    if (png != null) writePicture(stored, targets, probeArray, results, net.size());
    return 0;
  }

  private List<RecallResult> recall(BoltzmannMachine net, double[][] probeArray) {
    if (engine.equals("actor")) return recallWithActors(net, probeArray);
    switch (update) {
      case "async":
        return new HopfieldBatchRecall(net, threads).asynchronous(probeArray, maxSweeps, seed);
      case "anneal":
        return new HopfieldBatchRecall(net, threads).anneal(probeArray, Schedule.parse(schedule), maxSweeps, seed);
      case "sync", "stochastic": {
        SplittableRandom rng = new SplittableRandom(seed);
        List<RecallResult> r = new ArrayList<>();
        for (double[] p : probeArray) {
          r.add(update.equals("sync") ? HopfieldRecall.synchronous(net, p, maxSweeps, rng.split())
              : HopfieldRecall.stochastic(net, p, temperature, maxSweeps, rng.split()));
        }
        return r;
      }
      default:
        throw new IllegalArgumentException("--update " + update + " (expected async, sync, stochastic or anneal)");
    }
  }

  /**
   * Neuron actors at T = 0 (or at --temperature with --update stochastic) from each probe, with a
   * snapshot (and so an energy) after every sweep: at T = 0 until the first fixed point, at most
   * --max-sweeps sweeps; at T &gt; 0 --max-sweeps sweeps.
   */
  private List<RecallResult> recallWithActors(BoltzmannMachine net, double[][] probeArray) {
    double t = switch (update) {
      case "async" -> 0.0;
      case "stochastic" -> temperature;
      default -> throw new IllegalArgumentException("--update " + update + " with --engine actor (expected async or stochastic)");
    };
    io.glauber.engine.actor.Dynamics dynamics = io.glauber.engine.actor.Mode.parse(mode) == io.glauber.engine.actor.Mode.EXACT
        ? io.glauber.engine.actor.Dynamics.exact()
        : io.glauber.engine.actor.Dynamics.async(java.time.Duration.ZERO, java.time.Duration.ZERO);
    BoltzmannMachine m = net.withTemperature(t);
    // at T = 0 a run ends at the first sweep that leaves a fixed point, as the batched recall does
    List<double[][]> runs = io.glauber.engine.actor.neuron.ActorRelaxation.relax(m, java.util.Arrays.asList(probeArray), dynamics, maxSweeps, seed,
        state -> t == 0 && HopfieldRecall.isFixedPoint(net, state));
    List<RecallResult> out = new ArrayList<>();
    for (int k = 0; k < runs.size(); k++) {
      double[][] states = runs.get(k);
      double[] energies = new double[states.length + 1];
      energies[0] = net.energy(probeArray[k]);
      for (int s = 0; s < states.length; s++) energies[s + 1] = net.energy(states[s]);
      double[] last = states[states.length - 1];
      out.add(new RecallResult(last, states.length, t == 0 && HopfieldRecall.isFixedPoint(net, last), false, energies));
    }
    return out;
  }

  private void report(int[][] stored, List<Integer> targets, List<RecallResult> results, double seconds) {
    double sumBest = 0;
    int retrieved = 0;
    int cycles = 0;
    double sweeps = 0;
    for (int k = 0; k < results.size(); k++) {
      RecallResult r = results.get(k);
      sweeps += r.sweeps();
      if (r.cycle()) cycles++;
      if (stored == null) {
        if (json) System.out.println(Json.toLine(probeLine(k, r, null, -1)));
        continue;
      }
      double[] m = r.overlaps(stored);
      int best = 0;
      for (int mu = 1; mu < m.length; mu++) if (Math.abs(m[mu]) > Math.abs(m[best])) best = mu;
      int target = targets.isEmpty() ? best : targets.get(k);
      sumBest += m[target];
      if (m[target] >= 0.95) retrieved++;
      if (json) System.out.println(Json.toLine(probeLine(k, r, m, target)));
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("probes", results.size());
    summary.put("update", update);
    if (stored != null) {
      summary.put("mean_overlap", sumBest / results.size());
      summary.put("retrieved_fraction", (double) retrieved / results.size());
    }
    summary.put("mean_sweeps", sweeps / results.size());
    summary.put("two_cycles", cycles);
    summary.put("seconds", seconds);
    summary.put("blas_backend", HopfieldBatchRecall.backend());
    if (json) {
      System.out.println(Json.toLine(summary));
    } else {
      System.out.printf("%d probes, %s updates: %s mean %.2f sweeps, %d two-cycles, %.3f s%n", results.size(), update,
          stored == null ? "" : String.format("mean overlap with the %s pattern %.4f, %.1f%% retrieved (overlap ≥ 0.95),",
              targets.isEmpty() ? "closest" : "original", sumBest / results.size(), 100.0 * retrieved / results.size()),
          sweeps / results.size(), cycles, seconds);
    }
  }

  private static Map<String, Object> probeLine(int k, RecallResult r, double[] overlaps, int target) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("probe", k);
    if (overlaps != null) {
      m.put("target", target);
      m.put("overlaps", overlaps);
    }
    m.put("energy", r.energy());
    m.put("sweeps", r.sweeps());
    m.put("converged", r.converged());
    m.put("cycle", r.cycle());
    return m;
  }

  private void writeStates(List<RecallResult> results) {
    try (SampleWriter w = SampleFiles.open(out, results.get(0).state().length, force)) {
      for (RecallResult r : results) {
        double[] s = r.state();
        int[] row = new int[s.length];
        for (int i = 0; i < s.length; i++) row[i] = (int) s[i];
        w.write(row);
      }
    }
  }

  private void writePicture(int[][] stored, List<Integer> targets, double[][] probeArray, List<RecallResult> results, int n)
      throws java.io.IOException {
    int side = (int) Math.round(Math.sqrt(n));
    if (side * side != n) throw new IllegalArgumentException("--png needs square images (" + n + " units is not a square)");
    io.glauber.io.AtomicFiles.checkWritable(png, force);
    List<double[][]> rows = new ArrayList<>();
    for (int k = 0; k < Math.min(results.size(), 10); k++) {
      double[] original = stored != null && !targets.isEmpty() ? Patterns.state(stored[targets.get(k)]) : probeArray[k];
      rows.add(new double[][] {original, probeArray[k], results.get(k).state()});
    }
    PatternImages.write(rows, side, side, Math.max(1, 96 / side), png);
  }

  /** The model file's stored patterns (array 'patterns', p × n of ±1), or null when absent. */
  static int[][] storedPatterns(Path file, int n) {
    NdArray a = Npz.read(file).get("patterns");
    if (a == null) return null;
    if (a.rank() != 2 || a.dim(1) != n) {
      throw new FormatException(file + ": 'patterns' has shape " + java.util.Arrays.toString(a.shape()) + " (expected p × " + n + ")");
    }
    int[] flat = a.toIntArray();
    int[][] xi = new int[a.dim(0)][n];
    for (int mu = 0; mu < xi.length; mu++) System.arraycopy(flat, mu * n, xi[mu], 0, n);
    Patterns.validate(xi);
    return xi;
  }

  /** A probe row of ±1 (or 0/1, mapped to −1/+1) of the right length. */
  static double[] toSpins(int[] row, int n, Path file, int index) {
    if (row.length != n) throw new IllegalArgumentException(file + ": probe " + index + " has " + row.length + " values (expected " + n + ")");
    boolean binary = true;
    for (int v : row) binary &= v == 0 || v == 1;
    double[] s = new double[n];
    for (int i = 0; i < n; i++) {
      int v = row[i];
      if (binary) {
        s[i] = v == 1 ? 1 : -1;
      } else if (v == 1 || v == -1) {
        s[i] = v;
      } else {
        throw new IllegalArgumentException(file + ": probe " + index + ", unit " + i + " = " + v + " (expected -1 or +1)");
      }
    }
    return s;
  }
}
