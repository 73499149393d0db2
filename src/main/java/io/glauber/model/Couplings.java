package io.glauber.model;

/**
 * Symmetric couplings w_ij = w_ji with zero diagonal, seen as an adjacency list so that dense and
 * sparse networks are walked the same way: unit i has {@link #degree(int)} neighbours, the k-th
 * being {@link #neighbour(int, int)} with weight {@link #weight(int, int)}.
 */
public sealed interface Couplings permits DenseCouplings, SparseCouplings {

  /** Number of units n. */
  int size();

  /** Number of neighbours of unit i (units j ≠ i that i is coupled to). */
  int degree(int i);

  /** The k-th neighbour of unit i, 0 ≤ k &lt; degree(i). */
  int neighbour(int i, int k);

  /** The weight w_{i, neighbour(i,k)}. */
  double weight(int i, int k);

  /** Number of distinct coupled pairs i &lt; j (the number of free weights). */
  int pairCount();

  /** The unit pairs (i &lt; j) in the order of {@link #pairWeights()}: an array of 2·pairCount. */
  int[] pairs();

  /** The pair weights in the order of {@link #pairs()}. */
  double[] pairWeights();

  /** The same graph with new pair weights (in the order of {@link #pairs()}). */
  Couplings withPairWeights(double[] weights);

  /** h_i without bias: Σ_j w_ij s_j. */
  default double sum(int i, double[] s) {
    double h = 0;
    for (int k = 0, d = degree(i); k < d; k++) {
      h += weight(i, k) * s[neighbour(i, k)];
    }
    return h;
  }

  /** Σ_{i&lt;j} w_ij s_i s_j. */
  default double pairEnergy(double[] s) {
    int[] p = pairs();
    double[] w = pairWeights();
    double e = 0;
    for (int m = 0; m < w.length; m++) {
      e += w[m] * s[p[2 * m]] * s[p[2 * m + 1]];
    }
    return e;
  }

  /** A greedy colouring: units of one colour are never coupled, so they can update together. */
  default int[] colours() {
    int n = size();
    int[] colour = new int[n];
    java.util.Arrays.fill(colour, -1);
    java.util.BitSet used = new java.util.BitSet();
    for (int i = 0; i < n; i++) {
      used.clear();
      for (int k = 0, d = degree(i); k < d; k++) {
        int c = colour[neighbour(i, k)];
        if (c >= 0) used.set(c);
      }
      colour[i] = used.nextClearBit(0);
    }
    return colour;
  }
}
