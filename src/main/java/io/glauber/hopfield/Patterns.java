package io.glauber.hopfield;

import io.glauber.data.Dataset;
import java.util.SplittableRandom;

/**
 * Sets of ±1 patterns ξ^μ (μ = 1..p, each of N units): validation, random patterns, overlaps and
 * corruption.
 *
 * <p>Overlap m_μ = (1/N) Σ_i ξ_i^μ σ_i (seed 003): 1 for the pattern itself, −1 for its negative,
 * O(1/√N) for an unrelated state.
 */
public final class Patterns {
  private Patterns() {}

  /**
   * Checks that there is at least one pattern, that all have the same length N ≥ 1 and that every
   * entry is −1 or +1; returns N.
   *
   * @throws IllegalArgumentException naming the bad pattern and unit
   */
  public static int validate(int[][] patterns) {
    if (patterns == null || patterns.length == 0) {
      throw new IllegalArgumentException("no patterns to store (p = 0)");
    }
    int n = patterns[0].length;
    if (n == 0) throw new IllegalArgumentException("pattern 0 has no units (expected N ≥ 1)");
    for (int mu = 0; mu < patterns.length; mu++) {
      if (patterns[mu].length != n) {
        throw new IllegalArgumentException(
            "pattern " + mu + " has " + patterns[mu].length + " units (expected N = " + n + ", the length of pattern 0)");
      }
      for (int i = 0; i < n; i++) {
        int x = patterns[mu][i];
        if (x != 1 && x != -1) {
          throw new IllegalArgumentException("pattern " + mu + ", unit " + i + " = " + x + " (expected -1 or +1)");
        }
      }
    }
    return n;
  }

  /** One pattern per row of data in {0,1} (or [0,1], thresholded at 0.5): 1 → +1, 0 → −1. */
  public static int[][] fromData(Dataset d) {
    int[][] xi = new int[d.rows()][d.cols()];
    for (int r = 0; r < d.rows(); r++) for (int i = 0; i < d.cols(); i++) xi[r][i] = d.value(r, i) > 0.5f ? 1 : -1;
    return xi;
  }

  /**
   * Converts real-valued patterns to ints, rejecting anything but ±1 (so that 0.5 is reported as
   * 0.5, not silently rounded).
   */
  public static int[][] fromDoubles(double[][] patterns) {
    if (patterns == null || patterns.length == 0) {
      throw new IllegalArgumentException("no patterns to store (p = 0)");
    }
    int[][] out = new int[patterns.length][];
    for (int mu = 0; mu < patterns.length; mu++) {
      out[mu] = new int[patterns[mu].length];
      for (int i = 0; i < patterns[mu].length; i++) {
        double x = patterns[mu][i];
        if (x != 1.0 && x != -1.0) {
          throw new IllegalArgumentException("pattern " + mu + ", unit " + i + " = " + x + " (expected -1 or +1)");
        }
        out[mu][i] = (int) x;
      }
    }
    validate(out);
    return out;
  }

  /** p independent patterns of N unbiased ±1 units. */
  public static int[][] random(int p, int n, SplittableRandom rng) {
    int[][] xi = new int[p][n];
    for (int mu = 0; mu < p; mu++) for (int i = 0; i < n; i++) xi[mu][i] = rng.nextBoolean() ? 1 : -1;
    return xi;
  }

  /** m = (1/N) Σ_i ξ_i σ_i. */
  public static double overlap(int[] pattern, double[] state) {
    double m = 0;
    for (int i = 0; i < pattern.length; i++) m += pattern[i] * state[i];
    return m / pattern.length;
  }

  /** All overlaps m_μ, μ = 1..p. */
  public static double[] overlaps(int[][] patterns, double[] state) {
    double[] m = new double[patterns.length];
    for (int mu = 0; mu < patterns.length; mu++) m[mu] = overlap(patterns[mu], state);
    return m;
  }

  /** The pattern as a double state vector. */
  public static double[] state(int[] pattern) {
    double[] s = new double[pattern.length];
    for (int i = 0; i < s.length; i++) s[i] = pattern[i];
    return s;
  }

  /** A copy of the pattern with each unit flipped independently with probability {@code fraction}. */
  public static double[] corrupt(int[] pattern, double fraction, SplittableRandom rng) {
    double[] s = state(pattern);
    for (int i = 0; i < s.length; i++) if (rng.nextDouble() < fraction) s[i] = -s[i];
    return s;
  }

  /** A copy of the pattern with exactly {@code flips} distinct units flipped. */
  public static double[] flip(int[] pattern, int flips, SplittableRandom rng) {
    double[] s = state(pattern);
    int[] idx = UnitOrder.identity(s.length);
    UnitOrder.shuffle(idx, rng);
    for (int k = 0; k < flips; k++) s[idx[k]] = -s[idx[k]];
    return s;
  }

  /** A uniformly random ±1 state. */
  public static double[] randomState(int n, SplittableRandom rng) {
    double[] s = new double[n];
    for (int i = 0; i < n; i++) s[i] = rng.nextBoolean() ? 1 : -1;
    return s;
  }
}
