package io.glauber.model;

import java.util.Arrays;

/**
 * Couplings on a sparse graph given as an edge list (i &lt; j, each pair once) with one weight per
 * edge, held in compressed adjacency form so that a 2D lattice of 10⁵ sites takes a few MB.
 */
public final class SparseCouplings implements Couplings {
  private final int n;
  private final int[] edges; // 2·m, pairs (i, j) with i < j
  private final double[] weights; // m
  private final int[] start; // n + 1 offsets into adj
  private final int[] adj; // neighbour indices
  private final double[] adjWeight;

  /**
   * @param n number of units
   * @param edges 2·m unit indices, pairs (i, j) with 0 ≤ i &lt; j &lt; n, no pair twice (copied)
   * @param weights m finite weights (copied)
   */
  public SparseCouplings(int n, int[] edges, double[] weights) {
    if (n < 1) throw new IllegalArgumentException("unit count " + n + " (expected ≥ 1)");
    if (edges.length != 2 * weights.length) {
      throw new IllegalArgumentException(
          "edges has " + edges.length / 2 + " pairs but weights has " + weights.length
              + " entries (expected one weight per edge)");
    }
    int m = weights.length;
    int[] deg = new int[n];
    java.util.HashSet<Long> seen = new java.util.HashSet<>(2 * m);
    for (int e = 0; e < m; e++) {
      int i = edges[2 * e];
      int j = edges[2 * e + 1];
      if (i < 0 || j >= n || i >= j) {
        throw new IllegalArgumentException(
            "edge " + e + " = (" + i + ", " + j + ") (expected 0 ≤ i < j < " + n + ")");
      }
      if (!Double.isFinite(weights[e])) {
        throw new IllegalArgumentException("weights[" + e + "] = " + weights[e] + " (expected finite)");
      }
      if (!seen.add((long) i * n + j)) {
        throw new IllegalArgumentException("edge (" + i + ", " + j + ") appears twice (expected each pair once)");
      }
      deg[i]++;
      deg[j]++;
    }
    this.n = n;
    this.edges = edges.clone();
    this.weights = weights.clone();
    this.start = new int[n + 1];
    for (int i = 0; i < n; i++) start[i + 1] = start[i] + deg[i];
    this.adj = new int[2 * m];
    this.adjWeight = new double[2 * m];
    int[] fill = Arrays.copyOf(start, n);
    for (int e = 0; e < m; e++) {
      int i = edges[2 * e];
      int j = edges[2 * e + 1];
      adj[fill[i]] = j;
      adjWeight[fill[i]++] = weights[e];
      adj[fill[j]] = i;
      adjWeight[fill[j]++] = weights[e];
    }
  }

  /**
   * A periodic L×L square lattice with uniform coupling J (the 2D Ising model, unit i = row·L+col).
   */
  public static SparseCouplings squareLattice(int side, double coupling) {
    if (side < 3) throw new IllegalArgumentException("lattice side " + side + " (expected ≥ 3)");
    int n = side * side;
    int[] edges = new int[4 * n];
    double[] w = new double[2 * n];
    int m = 0;
    for (int r = 0; r < side; r++) {
      for (int c = 0; c < side; c++) {
        int i = r * side + c;
        int right = r * side + (c + 1) % side;
        int down = ((r + 1) % side) * side + c;
        for (int j : new int[] {right, down}) {
          edges[2 * m] = Math.min(i, j);
          edges[2 * m + 1] = Math.max(i, j);
          w[m++] = coupling;
        }
      }
    }
    return new SparseCouplings(n, edges, w);
  }

  @Override public int size() { return n; }

  @Override public int degree(int i) { return start[i + 1] - start[i]; }

  @Override public int neighbour(int i, int k) { return adj[start[i] + k]; }

  @Override public double weight(int i, int k) { return adjWeight[start[i] + k]; }

  @Override
  public double sum(int i, double[] s) {
    double h = 0;
    for (int k = start[i], end = start[i + 1]; k < end; k++) h += adjWeight[k] * s[adj[k]];
    return h;
  }

  @Override public int pairCount() { return weights.length; }

  @Override public int[] pairs() { return edges.clone(); }

  @Override public double[] pairWeights() { return weights.clone(); }

  @Override
  public SparseCouplings withPairWeights(double[] w) {
    return new SparseCouplings(n, edges, w);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SparseCouplings s
        && s.n == n && Arrays.equals(s.edges, edges) && Arrays.equals(s.weights, weights);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(edges) * 31 + Arrays.hashCode(weights);
  }
}
