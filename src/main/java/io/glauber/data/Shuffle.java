package io.glauber.data;

import java.util.random.RandomGenerator;

/**
 * Uniformly random orders by the Fisher–Yates shuffle (Durstenfeld 1964; Knuth, TAOCP vol. 2,
 * Algorithm 3.4.2P): for i = n−1 down to 1, swap a[i] with a[j], j uniform in [0, i]. The one home of
 * that loop for data rows, mini-batches and unit orders in every package (it lives here, at the
 * ground, so that every package that shuffles may use it). The generator is any
 * {@link RandomGenerator}: {@link java.util.SplittableRandom} or the kernel's checkpointable
 * {@code Rng}, whose {@code nextInt(bound)} each define the draws of a seeded run.
 */
public final class Shuffle {
  private Shuffle() {}

  /** 0, 1, …, n−1. */
  public static int[] identity(int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) a[i] = i;
    return a;
  }

  /** Permutes {@code a} in place, uniformly at random. */
  public static void shuffle(int[] a, RandomGenerator rng) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  /** A uniformly random permutation of 0, 1, …, n−1. */
  public static int[] order(int n, RandomGenerator rng) {
    int[] a = identity(n);
    shuffle(a, rng);
    return a;
  }
}
