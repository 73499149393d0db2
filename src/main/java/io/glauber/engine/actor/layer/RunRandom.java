package io.glauber.engine.actor.layer;

import io.glauber.data.Shuffle;
import java.util.SplittableRandom;

/**
 * The random sources of one run, split from its seed in a fixed order so that the actor engine and
 * the actor-free reference path draw identical numbers: a stream of seeds for the visible layer's
 * incarnations, one for the hidden layer's, and one for the data order and chain initialisation.
 */
final class RunRandom {
  final SplittableRandom visibleSeeds;
  final SplittableRandom hiddenSeeds;
  final SplittableRandom data;

  RunRandom(long seed) {
    SplittableRandom root = new SplittableRandom(seed);
    visibleSeeds = root.split();
    hiddenSeeds = root.split();
    data = root.split();
  }

  /** The order of rows in one epoch: a Fisher–Yates shuffle of 0..n−1 from the data stream. */
  int[] epochOrder(int n) {
    return Shuffle.order(n, data);
  }

  /** Mini-batches of one epoch in shuffled order (the last may be smaller). */
  StateBatch[] epochBatches(float[][] rows, int batchSize) {
    int[] order = epochOrder(rows.length);
    int cols = rows[0].length;
    int count = (rows.length + batchSize - 1) / batchSize;
    StateBatch[] out = new StateBatch[count];
    for (int b = 0; b < count; b++) {
      int from = b * batchSize;
      int n = Math.min(batchSize, rows.length - from);
      float[] v = new float[n * cols];
      for (int r = 0; r < n; r++) System.arraycopy(rows[order[from + r]], 0, v, r * cols, cols);
      out[b] = new StateBatch(n, cols, v);
    }
    return out;
  }

  /** Chains started uniformly at random: each unit on with probability 1/2. */
  StateBatch randomChains(int chains, int units) {
    float[] v = new float[chains * units];
    for (int k = 0; k < v.length; k++) v[k] = data.nextBoolean() ? 1f : 0f;
    return new StateBatch(chains, units, v);
  }
}
