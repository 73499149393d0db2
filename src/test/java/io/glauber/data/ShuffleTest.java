package io.glauber.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glauber.testing.ChiSquare;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The Fisher–Yates shuffle draws every permutation with equal probability. */
class ShuffleTest {
  @Test
  void everyPermutationOfFourIsEquallyLikely() {
    SplittableRandom rng = new SplittableRandom(11);
    long[] counts = new long[24];
    int draws = 48_000; // 2,000 expected per permutation
    for (int n = 0; n < draws; n++) {
      int[] p = Shuffle.order(4, rng);
      counts[rank(p)]++;
    }
    double[] uniform = new double[24];
    Arrays.fill(uniform, 1.0 / 24);
    double pValue = ChiSquare.test(counts, uniform).pValue();
    assertTrue(pValue > 1e-3, "χ² p-value " + pValue + " (expected > 0.001)");
  }

  @Test
  void aShuffleIsAPermutation() {
    int[] a = Shuffle.order(1000, new SplittableRandom(2));
    int[] sorted = a.clone();
    Arrays.sort(sorted);
    assertArrayEquals(Shuffle.identity(1000), sorted);
  }

  /** The lexicographic rank of a permutation of 0..n−1. */
  private static int rank(int[] p) {
    int r = 0;
    for (int i = 0; i < p.length; i++) {
      int smaller = 0;
      for (int j = i + 1; j < p.length; j++) if (p[j] < p[i]) smaller++;
      r = r * (p.length - i) + smaller;
    }
    return r;
  }
}
