package io.glauber.hopfield;

import io.glauber.io.Json;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a recall run ({@link RecallRun}): each probe's result and, when the network's
 * stored patterns are known, its score; the summary figures derive from them.
 *
 * @param results one per probe, in probe order
 * @param scores one per probe, or empty when no stored patterns were given
 * @param seconds wall-clock time of the relaxation
 * @param settings the run's settings; {@link #retrievedFraction} counts by their retrieval overlap
 */
public record RecallReport(List<RecallResult> results, List<Score> scores, double seconds, RecallSettings settings) {

  /**
   * How one final state compares with the stored patterns.
   *
   * @param overlaps m_μ with every stored pattern ({@link Patterns#overlaps})
   * @param target the pattern the probe was made from, or (when unknown) the one with the largest |m_μ|
   */
  public record Score(double[] overlaps, int target) {
    /** m of the target: 1 when the probe ended on its pattern. */
    public double overlap() {
      return overlaps[target];
    }
  }

  public RecallReport {
    results = List.copyOf(results);
    scores = List.copyOf(scores);
    if (!scores.isEmpty() && scores.size() != results.size()) {
      throw new IllegalArgumentException(scores.size() + " scores for " + results.size() + " results");
    }
  }

  /** Scores the final state of {@code r} against {@code stored}; {@code target} −1 for the closest pattern. */
  static Score score(RecallResult r, int[][] stored, int target) {
    double[] m = r.overlaps(stored);
    int best = target;
    if (best < 0) {
      best = 0;
      for (int mu = 1; mu < m.length; mu++) if (Math.abs(m[mu]) > Math.abs(m[best])) best = mu;
    }
    return new Score(m, best);
  }

  /** Whether the stored patterns were known, so that there are scores. */
  public boolean scored() {
    return !scores.isEmpty();
  }

  /** Mean overlap with the target over all probes (NaN without scores). */
  public double meanOverlap() {
    return scores.stream().mapToDouble(Score::overlap).average().orElse(Double.NaN);
  }

  /** Fraction of probes whose overlap with the target is at least the settings' retrieval overlap (NaN without scores). */
  public double retrievedFraction() {
    return scores.stream().mapToDouble(s -> s.overlap() >= settings.retrievalOverlap() ? 1 : 0).average().orElse(Double.NaN);
  }

  /** Mean number of sweeps (steps) per probe. */
  public double meanSweeps() {
    return results.stream().mapToInt(RecallResult::sweeps).average().orElse(Double.NaN);
  }

  /** Number of probes whose synchronous dynamics ended in a 2-cycle. */
  public int twoCycles() {
    return (int) results.stream().filter(RecallResult::cycle).count();
  }

  /** Probe k as one JSON object: probe, target and overlaps (when scored), energy, sweeps, converged, cycle. */
  public Map<String, Object> probeFields(int k) {
    RecallResult r = results.get(k);
    Map<String, Object> m = Json.object("probe", k);
    if (scored()) m.putAll(Json.object("target", scores.get(k).target(), "overlaps", scores.get(k).overlaps()));
    m.putAll(Json.object("energy", r.energy(), "sweeps", r.sweeps(), "converged", r.converged(), "cycle", r.cycle()));
    return m;
  }

  /**
   * The run as one JSON object: probes, update, mean_overlap and retrieved_fraction (when scored),
   * mean_sweeps, two_cycles, seconds and the BLAS backend.
   */
  public Map<String, Object> summary() {
    Map<String, Object> m = Json.object("probes", results.size(), "update", settings.update().toString());
    if (scored()) m.putAll(Json.object("mean_overlap", meanOverlap(), "retrieved_fraction", retrievedFraction()));
    m.putAll(Json.object("mean_sweeps", meanSweeps(), "two_cycles", twoCycles(), "seconds", seconds,
        "blas_backend", HopfieldBatchRecall.backend()));
    return m;
  }

  /**
   * The final states as rows of ±1: the sign of every unit (+1 at 0), which is the state itself for
   * a Hopfield network or a dense memory and the nearest ±1 state for a softmax memory's continuous one.
   */
  public int[][] finalStates() {
    return results.stream().map(r -> java.util.Arrays.stream(r.state()).mapToInt(v -> v >= 0 ? 1 : -1).toArray()).toArray(int[][]::new);
  }
}
