package io.glauber.kernel;

import static io.glauber.testing.RandomModels.binary;
import static io.glauber.testing.RandomModels.rbm;
import static io.glauber.testing.RandomModels.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.glauber.model.Rbm;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;


/** The kernel's batch forms of the RBM's energy, free energy and reconstruction error against {@link Rbm}'s own. */
class RbmKernelTest {
  static final int NV = 11, NH = 7, ROWS = 300;

  @Test
  void batchEnergiesEqualTheModelsEnergyOfEachJointState() {
    Rbm rbm = rbm(NV, NH, 1.0, 1.0, 17);
    int rows = 9;
    // states at an offset, as the tempered replicas are stored
    float[] v = binary((rows + 2) * NV, 1);
    float[] h = binary((rows + 3) * NH, 2);
    float[] bias = new float[NV + NH];
    for (int i = 0; i < NV; i++) bias[i] = (float) rbm.visibleBias()[i];
    for (int j = 0; j < NH; j++) bias[NV + j] = (float) rbm.hiddenBias()[j];
    double[] out = new double[rows + 1];
    RbmKernel.energies(v, 2 * NV, h, 3 * NH, rows, RbmKernel.toFloat(rbm.w()), bias, NV, NH, new float[rows * NH], out, 1);
    for (int n = 0; n < rows; n++) {
      double e = rbm.energy(row(v, n + 2, NV), row(h, n + 3, NH));
      assertEquals(e, out[n + 1], 1e-4 * Math.max(1, Math.abs(e)), "row " + n);
    }
  }

  @Test
  void freeEnergySumIsTheSumOfTheModelsFreeEnergies() {
    Rbm rbm = rbm(NV, NH, 1.0, 1.0, 17);
    float[] v = binary(ROWS * NV, 3); // more rows than one block of the kernel
    double sum = 0;
    for (int n = 0; n < ROWS; n++) sum += rbm.freeEnergy(row(v, n, NV));
    assertEquals(sum, RbmKernel.freeEnergySum(rbm, v, ROWS), 1e-9 * Math.abs(sum));
  }

  @Test
  void squaredReconstructionErrorIsTheMeanFieldErrorOfTheModelsConditionals() {
    Rbm rbm = rbm(NV, NH, 1.0, 1.0, 17);
    float[] v = binary(ROWS * NV, 4);
    double ref = 0;
    double[] ph = new double[NH];
    double[] pv = new double[NV];
    for (int n = 0; n < ROWS; n++) {
      double[] x = row(v, n, NV);
      rbm.visibleProbabilities(rbm.hiddenProbabilities(x, ph), pv);
      for (int i = 0; i < NV; i++) ref += (x[i] - pv[i]) * (x[i] - pv[i]);
    }
    int block = 64; // the rows go through in several blocks, the last one partial
    try (BatchGibbs g = new BatchGibbs()) {
      double sum = g.squaredReconstructionError(v, ROWS, RbmKernel.toFloat(rbm.w()), NV, NH, 1f,
          RbmKernel.toFloat(rbm.visibleBias()), RbmKernel.toFloat(rbm.hiddenBias()),
          new float[block * NV], new float[block * NH], new float[block * NV]);
      assertEquals(ref, sum, 1e-5 * ROWS * NV);
    }
  }
}
