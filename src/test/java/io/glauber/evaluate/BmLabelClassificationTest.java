package io.glauber.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.glauber.exact.ExactConditional;
import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Units;
import io.glauber.testing.RandomModels;
import org.junit.jupiter.api.Test;

/**
 * The clamped reading of {@link BmLabelClassification} estimates p(s_k = 1 | x) for each label unit
 * of a machine with coupled hidden and label units: on a machine small enough to enumerate, the
 * mean activation over R rows of the same x is within 5 standard errors of the exact conditional
 * marginal. Each chain's mean of σ(h_k) over the read sweeps is an average of values in [0, 1], so
 * its variance is at most 1/4 and the mean over R independent chains has standard error ≤ 1/(2√R).
 */
class BmLabelClassificationTest {

  @Test
  void clampedReadingOfACoupledMachineMatchesTheExactLabelMarginals() {
    // 3 feature units, 3 label units (visible), 3 hidden units, every pair coupled
    BoltzmannMachine m0 = RandomModels.boltzmann(9, Units.BINARY, 1.0, 1.0, 31);
    BoltzmannMachine m = new BoltzmannMachine(Units.BINARY, m0.couplings(), m0.bias(), 6, 1.0);
    int rows = 20000, classes = 3, sweeps = 20;
    float[] x = new float[rows * 3];
    for (int r = 0; r < rows; r++) {
      x[r * 3] = 1;
      x[r * 3 + 2] = 1;
    }
    double[] a = BmLabelClassification.activations(m, x, rows, classes, 10, sweeps, 4);
    boolean[] clamped = {true, true, true, false, false, false, false, false, false};
    ExactConditional exact = ExactConditional.of(m, clamped, new double[] {1, 0, 1, 0, 0, 0, 0, 0, 0});
    int[] free = exact.freeUnits();
    double tolerance = 5 * 0.5 / Math.sqrt(rows);
    for (int k = 0; k < classes; k++) {
      double p = 0;
      for (int s = 0; s < 1 << free.length; s++) if (((s >> k) & 1) == 1) p += exact.probability(s); // free[k] = label unit 3 + k
      double mean = 0;
      for (int r = 0; r < rows; r++) mean += a[r * classes + k] / sweeps;
      mean /= rows;
      assertEquals(p, mean, tolerance, "label unit " + k);
    }
  }
}
