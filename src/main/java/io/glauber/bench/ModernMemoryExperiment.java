package io.glauber.bench;

import com.typesafe.config.Config;
import io.glauber.data.DataSpecs;
import io.glauber.engine.actor.Mode;
import io.glauber.hopfield.ModernMemory;
import io.glauber.hopfield.Patterns;
import io.glauber.hopfield.RecallProbes;
import io.glauber.hopfield.RecallReport;
import io.glauber.hopfield.RecallSettings;
import io.glauber.hopfield.RecallSettings.Engine;
import io.glauber.hopfield.RecallSettings.Update;
import io.glauber.io.Json;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The {@code hopfield.modern} block of {@code train} (config/hopfield-modern.conf): stores ±1
 * patterns — random, or a data spec thresholded at ½ — in a {@link ModernMemory} (softmax, power or
 * exponential), and checks it on the batch engine from corrupted copies of every stored pattern
 * (softmax: the synchronous update; power and exponential: asynchronous T = 0), as
 * {@code glauber recall --corrupt} would.
 *
 * @param kind the memory's energy
 * @param parameter β (softmax, exponential) or n (power)
 * @param data a data spec, or null for random patterns
 * @param units N of random patterns
 * @param count K of random patterns
 * @param corruption probability of flipping each bit of a check probe, in [0, 1]
 * @param maxSteps cap on the updates (softmax) or sweeps (dense kinds) of a check probe, ≥ 1
 * @param seed the patterns' and probes' seed
 * @param threads recall threads, ≥ 1
 */
public record ModernMemoryExperiment(ModernMemory.Kind kind, double parameter, String data, int units, int count, double corruption,
    int maxSteps, long seed, int threads) {

  public ModernMemoryExperiment {
    if (kind == null) throw new IllegalArgumentException("hopfield.modern.kind missing (expected softmax, power or exponential)");
    ModernMemory.of(kind, new int[][] {{1}}, parameter); // the kind's parameter, checked before anything runs
    if (data == null && (units < 1 || count < 1)) {
      throw new IllegalArgumentException("hopfield.modern: units " + units + ", patterns " + count + " (expected both ≥ 1, or a data spec)");
    }
    if (!(corruption >= 0 && corruption <= 1)) throw new IllegalArgumentException("hopfield.modern.corruption " + corruption + " (expected in [0, 1])");
    if (maxSteps < 1) throw new IllegalArgumentException("hopfield.modern.max-steps " + maxSteps + " (expected ≥ 1)");
    if (threads < 1) throw new IllegalArgumentException("hopfield.modern.threads " + threads + " (expected ≥ 1)");
  }

  /** Reads kind, beta or power, data or units and patterns, corruption, max-steps, seed, threads. */
  public static ModernMemoryExperiment fromConfig(Config c) {
    ModernMemory.Kind kind = ModernMemory.Kind.parse(c.getString("kind"));
    String key = kind == ModernMemory.Kind.POWER ? "power" : "beta";
    if (!c.hasPath(key)) throw new IllegalArgumentException("hopfield.modern." + key + " missing (a " + kind + " memory needs it)");
    boolean fromData = c.hasPath("data");
    return new ModernMemoryExperiment(kind, c.getDouble(key), fromData ? c.getString("data") : null, fromData ? 0 : c.getInt("units"),
        fromData ? 0 : c.getInt("patterns"), c.getDouble("corruption"), c.getInt("max-steps"), c.getLong("seed"), c.getInt("threads"));
  }

  /** The stored memory and its check. */
  public record Result(ModernMemory memory, RecallReport check) {
    /** The summary line of metrics.jsonl and of {@code --json}. */
    public Map<String, Object> summary(ModernMemoryExperiment s) {
      return Json.object("experiment", "modern", "kind", memory.kind().toString(), "parameter", memory.parameter(), "units", memory.size(),
          "patterns", memory.count(), "corruption", s.corruption(), "probes", check.results().size(), "mean_overlap", check.meanOverlap(),
          "retrieved_fraction", check.retrievedFraction(), "retrieval_overlap", check.settings().retrievalOverlap(),
          "mean_steps", check.meanSweeps(), "seconds", check.seconds());
    }
  }

  /** The patterns (a bad data spec fails here, before any output). */
  public int[][] patterns() {
    return data != null ? Patterns.fromData(DataSpecs.load(data)) : Patterns.random(count, units, new SplittableRandom(seed));
  }

  /** Stores the patterns and runs the check. */
  public Result run(int[][] patterns) {
    ModernMemory m = ModernMemory.of(kind, patterns, parameter);
    Update u = kind == ModernMemory.Kind.SOFTMAX ? Update.SYNC : Update.ASYNC;
    RecallSettings rs = new RecallSettings(u, Engine.BATCH, Mode.EXACT, 0, null, maxSteps, threads, seed, RecallSettings.DEFAULT_RETRIEVAL_OVERLAP);
    return new Result(m, m.recall(RecallProbes.corrupted(patterns, corruption, 1, seed + 1), rs));
  }
}
