package io.glauber.evaluate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glauber.data.DataSpecs;
import io.glauber.data.Dataset;
import io.glauber.model.Rbm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SVD of W against a matrix built as W = U Σ Vᵀ from known orthonormal U, V and Σ. */
class WeightSpectrumTest {
  private static final double[] SIGMA = {5.0, 3.0, 2.0, 1.0, 0.5, 0.25};
  @TempDir Path dir;

  /** Orthonormal columns (n × r, column k = q[k]) by twice-repeated Gram–Schmidt on Gaussian vectors. */
  private static double[][] orthonormal(int n, int r, SplittableRandom rnd) {
    double[][] q = new double[r][n];
    for (int k = 0; k < r; k++) {
      for (int i = 0; i < n; i++) q[k][i] = gaussian(rnd);
      for (int pass = 0; pass < 2; pass++) {
        for (int j = 0; j < k; j++) {
          double d = 0;
          for (int i = 0; i < n; i++) d += q[k][i] * q[j][i];
          for (int i = 0; i < n; i++) q[k][i] -= d * q[j][i];
        }
      }
      double norm = 0;
      for (double x : q[k]) norm += x * x;
      norm = Math.sqrt(norm);
      for (int i = 0; i < n; i++) q[k][i] /= norm;
    }
    return q;
  }

  private static double gaussian(SplittableRandom rnd) {
    return Math.sqrt(-2 * Math.log(1 - rnd.nextDouble())) * Math.cos(2 * Math.PI * rnd.nextDouble());
  }

  /** W = Σ_k σ_k u_k v_kᵀ, row-major rows × cols. */
  private static double[] compose(double[][] u, double[][] v, double[] sigma, int rows, int cols) {
    double[] w = new double[rows * cols];
    for (int k = 0; k < sigma.length; k++) {
      for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) w[i * cols + j] += sigma[k] * u[k][i] * v[k][j];
    }
    return w;
  }

  private static int largest(double[] x) {
    int m = 0;
    for (int i = 1; i < x.length; i++) if (Math.abs(x[i]) > Math.abs(x[m])) m = i;
    return m;
  }

  @Test
  void theSingularValuesAndVectorsOfAConstructedMatrixAreRecovered() {
    for (int[] shape : new int[][] {{9, 6}, {6, 9}}) {
      int rows = shape[0];
      int cols = shape[1];
      SplittableRandom rnd = new SplittableRandom(rows * 31L + cols);
      double[][] u = orthonormal(rows, SIGMA.length, rnd);
      double[][] v = orthonormal(cols, SIGMA.length, rnd);
      double[] w = compose(u, v, SIGMA, rows, cols);

      assertArrayEquals(SIGMA, WeightSpectrum.singularValues(w, rows, cols), 1e-12);
      WeightSpectrum s = WeightSpectrum.of(w, rows, cols);
      assertArrayEquals(SIGMA, s.values(), 1e-12);
      for (int k = 0; k < SIGMA.length; k++) {
        double sign = Math.signum(u[k][largest(u[k])]);   // the class's convention: largest |component| of u_k positive
        double[] uk = u[k].clone();
        double[] vk = v[k].clone();
        for (int i = 0; i < rows; i++) uk[i] *= sign;
        for (int j = 0; j < cols; j++) vk[j] *= sign;
        assertArrayEquals(uk, s.left(k), 1e-10, "u_" + (k + 1));
        assertArrayEquals(vk, s.right(k), 1e-10, "v_" + (k + 1));
        assertTrue(s.left(k)[largest(s.left(k))] > 0);
      }
      double[][] left = new double[SIGMA.length][];
      double[][] right = new double[SIGMA.length][];
      for (int k = 0; k < SIGMA.length; k++) {
        left[k] = s.left(k);
        right[k] = s.right(k);
      }
      assertArrayEquals(w, compose(left, right, s.values(), rows, cols), 1e-12);
    }
  }

  @Test
  void aRankDeficientMatrixHasZerosAfterItsRank() {
    SplittableRandom rnd = new SplittableRandom(3);
    double[][] u = orthonormal(8, 2, rnd);
    double[][] v = orthonormal(5, 2, rnd);
    double[] s = WeightSpectrum.singularValues(compose(u, v, new double[] {2.0, 0.5}, 8, 5), 8, 5);
    assertArrayEquals(new double[] {2.0, 0.5, 0, 0, 0}, s, 1e-12);
  }

  @Test
  void theSvdMetricRecordsTheLeadingSingularValuesOfW() {
    SplittableRandom rnd = new SplittableRandom(5);
    double[][] u = orthonormal(16, 6, rnd);
    double[][] v = orthonormal(20, 6, rnd);
    Rbm rbm = new Rbm(16, 20, compose(u, v, SIGMA, 16, 20), new double[16], new double[20]);
    Dataset bas = DataSpecs.load("bas:4x4");
    Map<String, Object> m = Evaluation.run("svd", rbm, bas, null, 1);
    double[] recorded = (double[]) m.get("singular_values");
    assertEquals(WeightSpectrum.RECORDED, recorded.length);   // min(16, 20) = 16 values, the last 10 zero
    for (int k = 0; k < recorded.length; k++) assertEquals(k < SIGMA.length ? SIGMA[k] : 0.0, recorded[k], 1e-12);
    assertArrayEquals(WeightSpectrum.singularValues(rbm), WeightSpectrum.singularValues(rbm.transposed()), 1e-12);
  }

  @Test
  void theCurvesDrawTheSpectrumAndTheModesAsImages() throws Exception {
    SplittableRandom rnd = new SplittableRandom(7);
    double[][] u = orthonormal(16, 6, rnd);
    double[][] v = orthonormal(8, 6, rnd);
    Rbm rbm = new Rbm(16, 8, compose(u, v, SIGMA, 16, 8), new double[16], new double[8]);
    Dataset bas = DataSpecs.load("bas:4x4");
    TrainingCurves curves = new TrainingCurves();
    curves.add(25, Evaluation.perEpoch(java.util.List.of("svd"), bas, null, 1).apply(rbm));
    curves.add(50, Map.of("singular_values", new double[] {6.0, 3.5, 1.0}));
    curves.write(dir, rbm, bas, false);
    assertTrue(Files.size(dir.resolve("curve-svd.png")) > 1000);
    var modes = javax.imageio.ImageIO.read(dir.resolve("svd-modes.png").toFile());
    assertEquals(8 * (4 * 16 + 1) - 1, modes.getWidth());   // min(10, 8) modes of 4×4 at scale 16 in one row
    assertEquals(4 * 16, modes.getHeight());
    assertThrows(IllegalArgumentException.class, () -> WeightSpectrum.singularValues(new double[5], 2, 3));
  }
}
