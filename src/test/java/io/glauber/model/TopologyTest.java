package io.glauber.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Topologies: which pairs they couple, in which order, and the one-line errors of bad ones. */
class TopologyTest {

  @Test
  void theEncoderGraphCouplesEachVisibleGroupWithinItselfAndToTheHiddenUnitsOnly() {
    Topology t = Topology.parse(10, "in=0-3, out=4-7, hidden=8-9", "in-in, in-hidden, out-out, out-hidden");
    assertFalse(t.coupled(0, 4), "V1-V2");
    assertFalse(t.coupled(8, 9), "hidden-hidden");
    assertTrue(t.coupled(0, 1) && t.coupled(0, 9) && t.coupled(4, 7) && t.coupled(7, 8));
    // 6 + 6 within the visible groups, 8 + 8 to the hidden units
    assertEquals(28, t.pairs().length / 2);
    BoltzmannMachine m = t.machine(Units.BINARY, 8, 10, 0.1, new SplittableRandom(1));
    assertInstanceOf(SparseCouplings.class, m.couplings());
    assertArrayEquals(t.pairs(), m.couplings().pairs(), "statistics and weights share the topology's pair order");
  }

  @Test
  void fullAndRestrictedTopologiesGiveTheDenseAndTheBipartiteGraph() {
    Topology full = Topology.full(5);
    assertTrue(full.isFull());
    BoltzmannMachine m = full.machine(Units.BINARY, 3, 1, 0.1, new SplittableRandom(2));
    assertInstanceOf(DenseCouplings.class, m.couplings());
    assertArrayEquals(new DenseCouplings(5, new double[25]).pairs(), full.pairs());
    Topology rbm = Topology.restricted(3, 2);
    assertEquals(6, rbm.pairs().length / 2);
    assertFalse(rbm.coupled(0, 1) || rbm.coupled(3, 4));
  }

  @Test
  void groupsThatDoNotCoverTheUnitsAreRejectedWithTheMissingUnit() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Topology.parse(10, "in=0-3, out=4-7, hidden=8-8", "in-hidden"));
    assertEquals("topology: groups cover 9 of 10 units (unit 9 is in no group; expected every unit in exactly one group)", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Topology.parse(6, "a=0-3, b=3-5", "a-b"));
    assertTrue(e.getMessage().contains("unit 3 is in groups a and b"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Topology.parse(6, "a=0-2, b=3-5", "a-c"));
    assertTrue(e.getMessage().contains("names group c"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Topology.parse(6, "a=0-2, b=3-9", "a-b"));
    assertTrue(e.getMessage().contains("expected units within 0-5"), e.getMessage());
  }
}
