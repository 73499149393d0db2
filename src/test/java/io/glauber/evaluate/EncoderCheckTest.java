package io.glauber.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Topology;
import io.glauber.model.Units;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The two readings of a code in {@link EncoderCheck}, on a 2-1-2 machine built by hand: V1 (units
 * 0, 1) has no weights, so with V1 alone clamped both patterns give the same conditional and one
 * code; V2's unit 2 turns the hidden unit 4 on (+20) and unit 3 off (−20), so with V1 and V2 both
 * clamped the two patterns give two codes.
 */
class EncoderCheckTest {

  @Test
  void codesWithBothGroupsClampedMayDifferWhereCodesFromTheInputAloneDoNot() {
    Topology t = Topology.parse(5, "in=0-1, out=2-3, hidden=4", "in-hidden, out-hidden");
    BoltzmannMachine m = t.machine(Units.BINARY, 4, 1.0, 0, new SplittableRandom(1));
    int[] pairs = m.couplings().pairs();
    double[] w = new double[pairs.length / 2];
    for (int k = 0; k < w.length; k++) {
      if (pairs[2 * k] == 2) w[k] = 20;
      if (pairs[2 * k] == 3) w[k] = -20;
    }
    double[] bias = {0, 0, 0, 0, -1};
    EncoderCheck c = EncoderCheck.of(m.withParameters(w, bias), 2);
    assertEquals(1, c.distinctCodes());
    assertEquals(2, c.clampedCodes());
    assertFalse(c.codesDistinct());
  }

  /**
   * The spacing of the codes (the paper's 4-3-4 "well-spaced codes"): a 4-3-4 machine whose input
   * unit k turns on the hidden units of a chosen code (+20 to each of them, every hidden bias −10,
   * T = 1), so the codes read from the input alone are the chosen ones.
   */
  @Test
  void codesAreWellSpacedWhenNoTwoAreASingleBitApart() {
    EncoderCheck spaced = fourThreeFour(new int[][] {{0, 0, 0}, {0, 1, 1}, {1, 0, 1}, {1, 1, 0}});
    assertEquals(4, spaced.distinctCodes());
    assertEquals(2, spaced.codeDistance());
    assertTrue(spaced.codesSpaced());
    EncoderCheck adjacent = fourThreeFour(new int[][] {{0, 0, 0}, {0, 0, 1}, {0, 1, 1}, {1, 1, 1}});
    assertEquals(4, adjacent.distinctCodes());
    assertEquals(1, adjacent.codeDistance());
    assertFalse(adjacent.codesSpaced());
    EncoderCheck shared = fourThreeFour(new int[][] {{0, 0, 0}, {0, 1, 1}, {0, 1, 1}, {1, 1, 0}});
    assertEquals(3, shared.distinctCodes());
    assertEquals(0, shared.codeDistance());
    assertFalse(shared.codesSpaced());
  }

  private static EncoderCheck fourThreeFour(int[][] codes) {
    Topology t = Topology.parse(11, "in=0-3, out=4-7, hidden=8-10", "in-hidden, out-hidden");
    BoltzmannMachine m = t.machine(Units.BINARY, 8, 1.0, 0, new SplittableRandom(1));
    int[] pairs = m.couplings().pairs();
    double[] w = new double[pairs.length / 2];
    for (int k = 0; k < w.length; k++) {
      int i = pairs[2 * k];
      int j = pairs[2 * k + 1];
      if (i < 4 && j >= 8) w[k] = codes[i][j - 8] == 1 ? 20 : 0;
    }
    double[] bias = new double[11];
    for (int j = 8; j < 11; j++) bias[j] = -10;
    return EncoderCheck.of(m.withParameters(w, bias), 4);
  }

  /** Every criterion by its config name; a wrong name is a one-line error that lists them. */
  @Test
  void criteriaAreNamedAsInTheConfigs() {
    assertEquals(EncoderExperiment.Criterion.RECALL_SPACED, EncoderExperiment.Criterion.parse("recall-spaced"));
    assertEquals(EncoderExperiment.Criterion.SPACED_CODES, EncoderExperiment.Criterion.parse("spaced-codes"));
    assertEquals(EncoderExperiment.Criterion.CODES, EncoderExperiment.Criterion.parse("codes"));
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> EncoderExperiment.Criterion.parse("spaced"));
    assertEquals("encoder.criterion = spaced (expected codes, recall, weight-signs, spaced-codes or recall-spaced)", e.getMessage());
  }
}
