package io.glauber.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The patch benchmark's tile side: the divisor nearest √(patch size) that leaves two tiles per core. */
class PatchBenchTileTest {

  @Test
  void theDefaultPatchSizeGivesTheseTilesOnTwoCores() {
    assertEquals(50, PatchBench.tileSide(100, 10_000, 2), "10⁴ sites: 100 would be one tile, 50 gives four");
    assertEquals(79, PatchBench.tileSide(316, 10_000, 2), "316 = 4·79");
    assertEquals(100, PatchBench.tileSide(1000, 10_000, 2));
    assertEquals(50, PatchBench.tileSide(1000, 2_500, 2));
  }

  @Test
  void atLeastTwoTilesPerCore() {
    assertEquals(2, PatchBench.tileSide(4, 10_000, 2), "2×2 tiles of 2 sites: four tiles");
    assertEquals(1, PatchBench.tileSide(3, 10_000, 8), "no divisor leaves 16 tiles of 9 sites: single sites");
    assertEquals(25, PatchBench.tileSide(100, 10_000, 8), "16 tiles for 8 cores");
    assertThrows(IllegalArgumentException.class, () -> PatchBench.tileSide(100, 100, 0));
  }
}
