package io.glauber.engine.actor.neuron;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.glauber.engine.actor.Partition;
import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Schedule;
import io.glauber.model.SparseCouplings;
import io.glauber.model.Units;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A patch's stencil form of its couplings ({@code Patch.Cell.compact}) gives the same chain as the
 * compressed rows it replaces on the hot path: two sets of cells built from the same specs and
 * seeds, one with the stencil and one without, run the same sweeps and exchange their boundary
 * batches, and after every sweep their states, fields, "heard" marks and batches are equal bit for
 * bit. Couplings the stencil cannot express exactly fall back to the rows.
 */
class PatchStencilTest {

  /** The periodic L×L lattice with coupling J on every bond, or ±J drawn per bond (a spin glass), and random biases. */
  static BoltzmannMachine lattice(int side, Units units, boolean glass, long seed) {
    SparseCouplings c = SparseCouplings.squareLattice(side, 1.0);
    SplittableRandom r = new SplittableRandom(seed);
    if (glass) {
      double[] w = new double[2 * side * side];
      for (int e = 0; e < w.length; e++) w[e] = r.nextBoolean() ? 0.7 : -0.7;
      c = c.withPairWeights(w);
    }
    double[] bias = new double[side * side];
    for (int i = 0; i < bias.length; i++) bias[i] = glass ? r.nextDouble(-0.5, 0.5) : 0.0;
    return new BoltzmannMachine(units, c, bias, bias.length, 2.0);
  }

  /**
   * Runs {@code sweeps} sweeps (patches in order, each scanning its units and then handing every
   * neighbour its batch) on cells with and without the stencil, comparing them after every sweep;
   * returns the cells with the stencil.
   */
  static Patch.Cell[] runBoth(BoltzmannMachine m, Partition tiles, double t, int sweeps, long seed) {
    PatchSpec.Builder b = new PatchSpec.Builder(m, tiles);
    SplittableRandom r = new SplittableRandom(seed);
    double[] s = new double[m.size()];
    for (int i = 0; i < s.length; i++) s[i] = m.units().value(r.nextBoolean());
    int count = tiles.count();
    Patch.Cell[] stencil = new Patch.Cell[count];
    Patch.Cell[] rows = new Patch.Cell[count];
    Schedule schedule = Schedule.constant(t, 1_000_000);
    for (int p = 0; p < count; p++) {
      stencil[p] = new Patch.Cell(b.spec(p, s, schedule, new SplittableRandom(seed * 31 + p)));
      rows[p] = new Patch.Cell(b.spec(p, s, schedule, new SplittableRandom(seed * 31 + p)));
      rows[p].code = null;
    }
    for (int sweep = 1; sweep <= sweeps; sweep++) {
      for (int p = 0; p < count; p++) {
        for (Patch.Cell[] cells : new Patch.Cell[][] {stencil, rows}) {
          Patch.Cell x = cells[p];
          x.scan(0, x.m, t);
          for (int k = 0; k < x.neighbours.length; k++) {
            Patch.Changes c = x.fill(k);
            for (int q = 0; q < c.count(); q++) cells[x.neighbours[k]].heardOf(c.slot(q), c.value(q));
          }
        }
      }
      for (int p = 0; p < count; p++) {
        String where = "patch " + p + " after sweep " + sweep;
        assertArrayEquals(rows[p].on, stencil[p].on, where);
        assertArrayEquals(rows[p].h, stencil[p].h, where);
        assertArrayEquals(rows[p].heard, stencil[p].heard, where);
        assertArrayEquals(rows[p].ext, stencil[p].ext, where);
        assertEquals(rows[p].informed, stencil[p].informed, where);
      }
    }
    return stencil;
  }

  @ParameterizedTest(name = "{0}×{0} in tiles of {1}, {2}, glass {3}")
  @CsvSource({
    "12, 4, SPIN, false, 1", // 3×3 tiles: 4 pairs (±1, ±4) per patch
    "12, 6, BINARY, true, 2", // ±J bonds and random biases: up to 8 pairs
    "12, 12, SPIN, false, 3", // one tile, the lattice's own wrap-around bonds: 8 pairs
    "9, 3, SPIN, true, 4", // odd tiles per side
  })
  void theStencilGivesTheRowsChain(int side, int tile, Units units, boolean glass, long seed) {
    BoltzmannMachine m = lattice(side, units, glass, seed);
    Patch.Cell[] cells = runBoth(m, Partition.squareTiles(side, tile), 2.0, 30, seed);
    for (Patch.Cell x : cells) assertNotNull(x.code, "patch " + x.patch + " has a stencil form");
  }

  @Test
  void couplingsWithoutAStencilFallBackToTheRows() {
    // Gaussian bonds: every bond its own weight, far more than STENCIL_PAIRS (offset, weight) pairs per tile
    int side = 12;
    SplittableRandom r = new SplittableRandom(5);
    double[] w = new double[2 * side * side];
    for (int e = 0; e < w.length; e++) w[e] = r.nextGaussian();
    BoltzmannMachine m = new BoltzmannMachine(Units.SPIN, SparseCouplings.squareLattice(side, 1.0).withPairWeights(w), new double[side * side], side * side, 1.5);
    Patch.Cell[] cells = runBoth(m, Partition.squareTiles(side, 6), 1.5, 10, 5);
    for (Patch.Cell x : cells) assertNull(x.code, "patch " + x.patch + " falls back to the rows");
  }

  @Test
  void statesOutsideTheUnitsAreRefused() {
    BoltzmannMachine m = lattice(12, Units.SPIN, false, 8);
    PatchSpec spec = new PatchSpec.Builder(m, Partition.squareTiles(12, 4)).spec(0, new double[144], Schedule.constant(2, 10), new SplittableRandom(8));
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new Patch.Cell(spec));
    assertEquals("patch 0: state 0.0 of unit 0 (expected -1.0 or 1)", e.getMessage());
  }

  @Test
  void newWeightsRebuildTheStencil() {
    BoltzmannMachine m = lattice(12, Units.SPIN, false, 6);
    double[] down = new double[144];
    java.util.Arrays.fill(down, -1);
    Patch.Cell x = new Patch.Cell(new PatchSpec.Builder(m, Partition.squareTiles(12, 4)).spec(4, down, Schedule.constant(2, 10), new SplittableRandom(6)));
    assertNotNull(x.code);
    SplittableRandom r = new SplittableRandom(7);
    for (int e = 0; e < x.inW.length; e++) x.inW[e] = r.nextGaussian();
    x.compact();
    assertNull(x.code, "Gaussian weights have no stencil form");
    java.util.Arrays.fill(x.inW, 0.25);
    x.compact();
    assertNotNull(x.code, "uniform weights have one again");
    assertEquals(0.25, x.stencilWeight[0]);
  }
}
