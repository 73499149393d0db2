package io.glauber.hopfield;

import io.glauber.data.Shuffle;
import java.util.SplittableRandom;

/** Random unit orders for asynchronous sweeps (Fisher–Yates), shared by single and batched recall. */
final class UnitOrder {
  private UnitOrder() {}

  static int[] identity(int n) {
    return Shuffle.identity(n);
  }

  /** Shuffles {@code order} in place: a uniformly random permutation ({@link Shuffle}). */
  static void shuffle(int[] order, SplittableRandom rng) {
    Shuffle.shuffle(order, rng);
  }
}
