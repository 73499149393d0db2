package io.glauber.hopfield;

import java.util.SplittableRandom;

/** Random unit orders for asynchronous sweeps (Fisher–Yates), shared by single and batched recall. */
final class UnitOrder {
  private UnitOrder() {}

  static int[] identity(int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) a[i] = i;
    return a;
  }

  /** Shuffles {@code order} in place: a uniformly random permutation. */
  static void shuffle(int[] order, SplittableRandom rng) {
    for (int k = order.length - 1; k > 0; k--) {
      int j = rng.nextInt(k + 1);
      int t = order[k];
      order[k] = order[j];
      order[j] = t;
    }
  }
}
