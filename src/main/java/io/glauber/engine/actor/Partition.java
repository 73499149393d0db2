package io.glauber.engine.actor;

import io.glauber.model.Couplings;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.BitSet;
import java.util.TreeSet;

/**
 * A partition of the units of a network into patches — the blocks that patch actors own — with the
 * patch graph (two patches are neighbours when a coupling crosses between them) and a greedy
 * colouring of that graph.
 *
 * <p>Two partitioners, both deliberately simple:
 * <ul>
 *   <li>{@link #grow}: breadth-first graph growing. Starting from the lowest unassigned unit, a
 *       patch takes units in breadth-first order over the couplings until it holds
 *       {@code size}; then the next patch starts from the lowest unassigned unit. On a dense graph
 *       every unit neighbours every other, so patches are contiguous id ranges; on a sparse graph
 *       a patch is a connected blob (on a lattice numbered row by row: diamond-shaped pieces).
 *   <li>{@link #squareTiles}: the periodic L×L square lattice numbered row by row
 *       ({@code SparseCouplings.squareLattice}) cut into t×t tiles — the partition with the fewest
 *       boundary units per unit (4t of t² per tile), which is what the messages cost.
 * </ul>
 *
 * <p>The colouring ({@link #colours}) is what exact mode schedules by: patches of one colour share
 * no coupling, so they can update at the same time (see {@code engine.actor.neuron.Patch}).
 *
 * @param patchOf the patch of each unit
 * @param members the units of each patch, ascending
 */
public record Partition(int[] patchOf, int[][] members) {

  public Partition {
    if (members.length == 0) throw new IllegalArgumentException("partition with no patch (expected ≥ 1)");
    int total = 0;
    for (int p = 0; p < members.length; p++) {
      if (members[p].length == 0) throw new IllegalArgumentException("patch " + p + " is empty (expected ≥ 1 unit)");
      for (int k = 0; k < members[p].length; k++) {
        int i = members[p][k];
        if (i < 0 || i >= patchOf.length || patchOf[i] != p || (k > 0 && members[p][k - 1] >= i)) {
          throw new IllegalArgumentException("patch " + p + " lists unit " + i + " (expected ascending units of that patch)");
        }
      }
      total += members[p].length;
    }
    if (total != patchOf.length) throw new IllegalArgumentException("patches hold " + total + " units (expected " + patchOf.length + ")");
  }

  /** Breadth-first graph growing into patches of {@code size} units (the last may be smaller). */
  public static Partition grow(Couplings c, int size) {
    if (size < 1) throw new IllegalArgumentException("patch size " + size + " (expected ≥ 1)");
    int n = c.size();
    int[] patchOf = new int[n];
    Arrays.fill(patchOf, -1);
    int patch = 0;
    int filled = 0;
    int next = 0; // lowest unit that may be unassigned
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    while (true) {
      if (queue.isEmpty()) {
        while (next < n && patchOf[next] >= 0) next++;
        if (next == n) break;
        patchOf[next] = -2; // queued
        queue.add(next);
      }
      int i = queue.poll();
      patchOf[i] = patch;
      if (++filled == size) {
        // the patch is full: what was queued goes back to unassigned, the next patch starts afresh
        for (int q : queue) patchOf[q] = -1;
        queue.clear();
        patch++;
        filled = 0;
        continue;
      }
      for (int k = 0, d = c.degree(i); k < d; k++) {
        int j = c.neighbour(i, k);
        if (patchOf[j] == -1) {
          patchOf[j] = -2;
          queue.add(j);
        }
      }
    }
    return of(patchOf, filled > 0 ? patch + 1 : patch);
  }

  /** The L×L lattice (unit = row·L + col) in tiles of t×t sites; t must divide L. */
  public static Partition squareTiles(int side, int tile) {
    if (tile < 1 || side % tile != 0) throw new IllegalArgumentException("tile side " + tile + " (expected a divisor of the lattice side " + side + ")");
    int perRow = side / tile;
    int[] patchOf = new int[side * side];
    for (int r = 0; r < side; r++) {
      for (int col = 0; col < side; col++) patchOf[r * side + col] = (r / tile) * perRow + col / tile;
    }
    return of(patchOf, perRow * perRow);
  }

  /** The partition with the given patch of each unit (patches 0 … count−1, none empty). */
  public static Partition of(int[] patchOf, int count) {
    int[] size = new int[count];
    for (int p : patchOf) {
      if (p < 0 || p >= count) throw new IllegalArgumentException("patch " + p + " (expected 0 ≤ patch < " + count + ")");
      size[p]++;
    }
    int[][] members = new int[count][];
    for (int p = 0; p < count; p++) members[p] = new int[size[p]];
    int[] fill = new int[count];
    for (int i = 0; i < patchOf.length; i++) members[patchOf[i]][fill[patchOf[i]]++] = i;
    return new Partition(patchOf.clone(), members);
  }

  /** Number of patches. */
  public int count() {
    return members.length;
  }

  /** The neighbour patches of each patch (a coupling crosses between them), ascending. */
  public int[][] patchGraph(Couplings c) {
    int[][] out = new int[count()][];
    for (int p = 0; p < count(); p++) {
      TreeSet<Integer> nb = new TreeSet<>();
      for (int i : members[p]) {
        for (int k = 0, d = c.degree(i); k < d; k++) {
          int q = patchOf[c.neighbour(i, k)];
          if (q != p) nb.add(q);
        }
      }
      out[p] = nb.stream().mapToInt(Integer::intValue).toArray();
    }
    return out;
  }

  /** A greedy colouring of the patch graph: neighbouring patches never share a colour. */
  public static int[] colours(int[][] patchGraph) {
    int[] colour = new int[patchGraph.length];
    Arrays.fill(colour, -1);
    BitSet used = new BitSet();
    for (int p = 0; p < patchGraph.length; p++) {
      used.clear();
      for (int q : patchGraph[p]) if (colour[q] >= 0) used.set(colour[q]);
      colour[p] = used.nextClearBit(0);
    }
    return colour;
  }
}
