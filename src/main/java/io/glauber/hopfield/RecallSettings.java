package io.glauber.hopfield;

import io.glauber.engine.actor.Granularity;
import io.glauber.engine.actor.Mode;
import io.glauber.model.Schedule;
import java.util.Locale;

/**
 * How a recall run ({@link RecallRun}) relaxes its probes and scores the outcome, validated here.
 *
 * @param update the dynamics: {@code ASYNC} (T = 0, a fresh random unit order each sweep, until a
 *     fixed point), {@code SYNC} (T = 0, all units at once, with 2-cycle detection),
 *     {@code STOCHASTIC} ({@code maxSweeps} sweeps at {@code temperature}) or {@code ANNEAL}
 *     ({@code schedule}, then T = 0 until a fixed point)
 * @param engine {@code BATCH} (probes vectorised in tiles, {@link HopfieldBatchRecall}, or one by one
 *     for sync and stochastic) or {@code ACTOR} (a classic network: one neuron actor per unit, async
 *     and stochastic only; a softmax memory: memory actors, sync only) — each memory checks what it
 *     supports
 * @param mode how the neuron actors are scheduled (actor engine only)
 * @param temperature T of stochastic updates, ≥ 0
 * @param schedule the annealing schedule; needed by {@code ANNEAL} only
 * @param maxSweeps cap on the sweeps (steps) of a run, ≥ 0; at T &gt; 0 on actors, the sweeps run
 * @param threads worker threads of the batch engine, ≥ 1
 * @param seed the run's seed
 * @param retrievalOverlap the overlap m with its target pattern at or above which a probe counts as
 *     retrieved, in (0, 1]; {@link #DEFAULT_RETRIEVAL_OVERLAP} unless a study asks otherwise
 * @param granularity the actor engine's actors: a neuron actor per unit, or patch actors (one
 *     network reused across probes; what makes dense networks practical on actors)
 */
public record RecallSettings(Update update, Engine engine, Mode mode, double temperature, Schedule schedule,
    int maxSweeps, int threads, long seed, double retrievalOverlap, Granularity granularity) {

  /**
   * 0.95: below the overlap of the retrieval states up to capacity (m ≥ 0.967 at α_c ≈ 0.138; Amit,
   * Gutfreund &amp; Sompolinsky 1987) and far above that of the spurious mixtures (m = 0.5 for a
   * symmetric 3-mixture), so a probe that reached its pattern's basin counts, one caught elsewhere
   * does not.
   */
  public static final double DEFAULT_RETRIEVAL_OVERLAP = 0.95;

  /** The dynamics of a recall run. */
  public enum Update {
    ASYNC, SYNC, STOCHASTIC, ANNEAL;

    /** Parses "async", "sync", "stochastic" or "anneal". */
    public static Update parse(String text) {
      for (Update u : values()) if (u.name().equalsIgnoreCase(text.trim())) return u;
      throw new IllegalArgumentException("update '" + text + "' (expected async, sync, stochastic or anneal)");
    }

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Which engine relaxes the probes. */
  public enum Engine {
    BATCH, ACTOR;

    /** Parses "batch" or "actor". */
    public static Engine parse(String text) {
      for (Engine e : values()) if (e.name().equalsIgnoreCase(text.trim())) return e;
      throw new IllegalArgumentException("engine '" + text + "' (expected batch or actor)");
    }
  }

  /** Neuron actors on the actor engine. */
  public RecallSettings(Update update, Engine engine, Mode mode, double temperature, Schedule schedule, int maxSweeps, int threads, long seed,
      double retrievalOverlap) {
    this(update, engine, mode, temperature, schedule, maxSweeps, threads, seed, retrievalOverlap, Granularity.NEURON);
  }

  /** The same settings on another granularity of actors. */
  public RecallSettings withGranularity(Granularity g) {
    return new RecallSettings(update, engine, mode, temperature, schedule, maxSweeps, threads, seed, retrievalOverlap, g);
  }

  public RecallSettings {
    if (update == null || engine == null || mode == null) throw new IllegalArgumentException("update, engine and mode are required");
    if (granularity == null || granularity.kind() == Granularity.Kind.LAYER) {
      throw new IllegalArgumentException("granularity " + granularity + " (expected neuron or patch actors for a Hopfield network)");
    }
    if (mode != null) granularity.requireLoads(mode);
    if (!(temperature >= 0) || Double.isInfinite(temperature)) {
      throw new IllegalArgumentException("temperature " + temperature + " (expected 0 ≤ T < ∞)");
    }
    if (update == Update.ANNEAL && schedule == null) throw new IllegalArgumentException("update anneal without a schedule");
    if (maxSweeps < 0) throw new IllegalArgumentException("max sweeps " + maxSweeps + " (expected ≥ 0)");
    if (threads < 1) throw new IllegalArgumentException("threads " + threads + " (expected ≥ 1)");
    if (!(retrievalOverlap > 0 && retrievalOverlap <= 1)) {
      throw new IllegalArgumentException("retrieval overlap " + retrievalOverlap + " (expected in (0, 1])");
    }
  }
}
