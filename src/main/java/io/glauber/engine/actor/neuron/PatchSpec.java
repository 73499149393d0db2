package io.glauber.engine.actor.neuron;

import io.glauber.engine.actor.Partition;
import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Couplings;
import io.glauber.model.Schedule;
import io.glauber.model.Units;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * What a {@link Patch} actor starts from: its units (a block of a {@link Partition}), the couplings
 * among them and to the units of other patches that it needs (its external units), and where its
 * own boundary units go in each neighbouring patch. A factory argument, never a message (it holds
 * the patch's random source).
 *
 * <p>Layout, all in flat arrays (compressed rows), local index 0 … m−1 for the patch's own units in
 * ascending id order:
 * <ul>
 *   <li>internal couplings of own unit i: {@code inAdj[inStart[i] … inStart[i+1])} (local indices)
 *       with weights {@code inW};
 *   <li>external units: global ids {@code extIds} (ascending), and for external slot x the own
 *       units coupled to it, {@code exAdj[exStart[x] … exStart[x+1])} with weights {@code exW};
 *   <li>neighbour patches {@code neighbours} (ascending); for the k-th, the own units it needs,
 *       {@code outUnit[outStart[k] … outStart[k+1])}, and each one's slot among that patch's
 *       external units, {@code outSlot}; for own unit i, the entries of the out lists that carry it,
 *       {@code boundary[bStart[i] … bStart[i+1])} (indices into outUnit), with the patch index k of
 *       each in {@code boundaryPatch}.
 * </ul>
 */
final class PatchSpec {
  final int patch;
  final int patches;
  final Units units;
  final int[] ids;
  final double[] bias;
  final double[] state;
  final int[] inStart;
  final int[] inAdj;
  final double[] inW;
  final int[] extIds;
  final double[] extState;
  final int[] exStart;
  final int[] exAdj;
  final double[] exW;
  final int[] neighbours;
  final boolean[] lowerNeighbour;
  final int[] outStart;
  final int[] outUnit;
  final int[] outSlot;
  final int[] bStart;
  final int[] boundary;
  final int[] boundaryPatch;
  final Schedule schedule;
  final SplittableRandom random;

  private PatchSpec(Builder b, int p, double[] s, Schedule schedule, SplittableRandom random) {
    BoltzmannMachine machine = b.machine;
    Couplings c = machine.couplings();
    int[] members = b.partition.members()[p];
    int m = members.length;
    this.patch = p;
    this.patches = b.partition.count();
    this.units = machine.units();
    this.ids = members;
    this.schedule = schedule;
    this.random = random;
    bias = new double[m];
    state = new double[m];
    inStart = new int[m + 1];
    int inCount = 0;
    for (int a = 0; a < m; a++) {
      int i = members[a];
      bias[a] = machine.bias()[i];
      state[a] = s[i];
      for (int k = 0, d = c.degree(i); k < d; k++) if (b.partition.patchOf()[c.neighbour(i, k)] == p) inCount++;
      inStart[a + 1] = inCount;
    }
    inAdj = new int[inCount];
    inW = new double[inCount];
    extIds = b.extIds[p];
    extState = new double[extIds.length];
    for (int x = 0; x < extIds.length; x++) extState[x] = s[extIds[x]];
    int[] exCount = new int[extIds.length];
    int fill = 0;
    for (int a = 0; a < m; a++) {
      int i = members[a];
      for (int k = 0, d = c.degree(i); k < d; k++) {
        int j = c.neighbour(i, k);
        if (b.partition.patchOf()[j] == p) {
          inAdj[fill] = b.local[j];
          inW[fill++] = c.weight(i, k);
        } else {
          exCount[Arrays.binarySearch(extIds, j)]++;
        }
      }
    }
    exStart = new int[extIds.length + 1];
    for (int x = 0; x < extIds.length; x++) exStart[x + 1] = exStart[x] + exCount[x];
    exAdj = new int[exStart[extIds.length]];
    exW = new double[exAdj.length];
    int[] exFill = Arrays.copyOf(exStart, extIds.length);
    for (int a = 0; a < m; a++) {
      int i = members[a];
      for (int k = 0, d = c.degree(i); k < d; k++) {
        int j = c.neighbour(i, k);
        if (b.partition.patchOf()[j] != p) {
          int x = Arrays.binarySearch(extIds, j);
          exAdj[exFill[x]] = a;
          exW[exFill[x]++] = c.weight(i, k);
        }
      }
    }
    neighbours = b.graph[p];
    lowerNeighbour = new boolean[neighbours.length];
    for (int k = 0; k < neighbours.length; k++) lowerNeighbour[k] = b.colours[neighbours[k]] < b.colours[p];
    // own units each neighbour needs: those among its external units, in its slot order
    outStart = new int[neighbours.length + 1];
    int[][] outU = new int[neighbours.length][];
    int[][] outS = new int[neighbours.length][];
    for (int k = 0; k < neighbours.length; k++) {
      int[] theirs = b.extIds[neighbours[k]];
      int cnt = 0;
      for (int id : theirs) if (b.partition.patchOf()[id] == p) cnt++;
      outU[k] = new int[cnt];
      outS[k] = new int[cnt];
      cnt = 0;
      for (int x = 0; x < theirs.length; x++) {
        if (b.partition.patchOf()[theirs[x]] == p) {
          outU[k][cnt] = b.local[theirs[x]];
          outS[k][cnt++] = x;
        }
      }
      outStart[k + 1] = outStart[k] + cnt;
    }
    outUnit = new int[outStart[neighbours.length]];
    outSlot = new int[outUnit.length];
    int[] bCount = new int[m];
    for (int k = 0; k < neighbours.length; k++) {
      System.arraycopy(outU[k], 0, outUnit, outStart[k], outU[k].length);
      System.arraycopy(outS[k], 0, outSlot, outStart[k], outS[k].length);
      for (int a : outU[k]) bCount[a]++;
    }
    bStart = new int[m + 1];
    for (int a = 0; a < m; a++) bStart[a + 1] = bStart[a] + bCount[a];
    boundary = new int[bStart[m]];
    boundaryPatch = new int[boundary.length];
    int[] bFill = Arrays.copyOf(bStart, m);
    for (int k = 0; k < neighbours.length; k++) {
      for (int e = outStart[k]; e < outStart[k + 1]; e++) {
        int a = outUnit[e];
        boundary[bFill[a]] = e;
        boundaryPatch[bFill[a]++] = k;
      }
    }
  }

  /** Number of own units. */
  int size() {
    return ids.length;
  }

  /**
   * What every patch's spec is built from: the machine, the partition, the patch graph, its
   * colouring, and the external units of every patch (computed once for all patches).
   */
  static final class Builder {
    final BoltzmannMachine machine;
    final Partition partition;
    final int[][] graph;
    final int[] colours;
    final int[][] extIds;
    /** Local index of each unit in its patch. */
    final int[] local;

    Builder(BoltzmannMachine machine, Partition partition) {
      if (partition.patchOf().length != machine.size()) {
        throw new IllegalArgumentException("partition of " + partition.patchOf().length + " units (expected " + machine.size() + ")");
      }
      this.machine = machine;
      this.partition = partition;
      Couplings c = machine.couplings();
      this.graph = partition.patchGraph(c);
      this.colours = Partition.colours(graph);
      this.local = new int[machine.size()];
      for (int[] members : partition.members()) for (int a = 0; a < members.length; a++) local[members[a]] = a;
      this.extIds = new int[partition.count()][];
      int[] mark = new int[machine.size()];
      Arrays.fill(mark, -1);
      int[] buffer = new int[machine.size()];
      for (int p = 0; p < partition.count(); p++) {
        int cnt = 0;
        for (int i : partition.members()[p]) {
          for (int k = 0, d = c.degree(i); k < d; k++) {
            int j = c.neighbour(i, k);
            if (partition.patchOf()[j] != p && mark[j] != p) {
              mark[j] = p;
              buffer[cnt++] = j;
            }
          }
        }
        int[] ext = Arrays.copyOf(buffer, cnt);
        Arrays.sort(ext);
        extIds[p] = ext;
      }
    }

    /** The spec of patch p from the joint state s. */
    PatchSpec spec(int p, double[] s, Schedule schedule, SplittableRandom random) {
      return new PatchSpec(this, p, s, schedule, random);
    }

    /** Number of colours of the patch graph: the patch steps of one exact-mode sweep. */
    int colourCount() {
      return Arrays.stream(colours).max().orElse(0) + 1;
    }
  }
}
