package io.glauber.hopfield;

import io.glauber.io.SampleFiles;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * The start states of a recall run, ±1 each, with the stored pattern each was made from when it is
 * known.
 *
 * @param states the probes, all of the network's N units
 * @param targets for each probe the index of the stored pattern it was made from, or null when
 *     unknown (probes read from a file are scored against their closest pattern)
 */
public record RecallProbes(double[][] states, int[] targets) {

  public RecallProbes {
    if (states.length == 0) throw new IllegalArgumentException("no probes (expected at least one)");
    if (targets != null && targets.length != states.length) {
      throw new IllegalArgumentException(targets.length + " targets for " + states.length + " probes");
    }
  }

  /**
   * {@code perPattern} probes per stored pattern, in pattern order, each bit flipped with probability
   * {@code fraction} ({@link Patterns#corrupt}); the flips draw from {@code new SplittableRandom(seed)}.
   */
  public static RecallProbes corrupted(int[][] stored, double fraction, int perPattern, long seed) {
    if (!(fraction >= 0 && fraction <= 1)) throw new IllegalArgumentException("corruption " + fraction + " (expected a fraction in [0, 1])");
    if (perPattern < 1) throw new IllegalArgumentException("probes per pattern " + perPattern + " (expected ≥ 1)");
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] states = new double[stored.length * perPattern][];
    int[] targets = new int[states.length];
    for (int k = 0; k < states.length; k++) {
      targets[k] = k / perPattern;
      states[k] = Patterns.corrupt(stored[targets[k]], fraction, rng);
    }
    return new RecallProbes(states, targets);
  }

  /**
   * Probes read from a sample file (CSV or {@code .npy}), one per row of N values: ±1, or 0/1 (a
   * row of only 0s and 1s is read as binary and mapped 0 → −1, 1 → +1).
   */
  public static RecallProbes read(Path file, int n) {
    int[][] rows = SampleFiles.read(file);
    double[][] states = new double[rows.length][];
    for (int k = 0; k < rows.length; k++) states[k] = spins(rows[k], n, file, k);
    return new RecallProbes(states, null);
  }

  private static double[] spins(int[] row, int n, Path file, int index) {
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
