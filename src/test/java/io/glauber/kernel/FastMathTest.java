package io.glauber.kernel;

import static org.junit.jupiter.api.Assertions.*;

import io.glauber.model.Glauber;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FastMathTest {
  // float's unit roundoff is 2⁻²⁴ ≈ 6e-8; a few operations of it is the tolerance of a float kernel
  private static final double REL = 8 * 0x1p-24;

  @Test
  void vectorApiIsInUseUnderTheBuildFlags() {
    assertTrue(FastMath.vectorized(), "surefire runs with --add-modules jdk.incubator.vector");
  }

  @Test
  void fastSigmoidMatchesTheModelsLogisticWithinFloatTolerance() {
    float[] x = grid(-90f, 90f, 200_001);
    float[] y = x.clone();
    FastMath.sigmoidInPlace(y, 0, y.length, 1f);
    for (int k = 0; k < x.length; k++) {
      double ref = Glauber.sigmoid(x[k]);
      assertEquals(ref, y[k], REL * ref + 1e-38, "σ(" + x[k] + ")");
      assertEquals(ref, FastMath.sigmoid(x[k]), REL * ref + 1e-38, "scalar σ(" + x[k] + ")");
    }
  }

  @Test
  void sigmoidAffineAppliesScaleAndBiasPerColumn() {
    SplittableRandom r = new SplittableRandom(7);
    int rows = 3, cols = 37;
    float[] x = new float[rows * cols];
    float[] c = new float[cols];
    for (int k = 0; k < x.length; k++) x[k] = (float) (r.nextGaussian() * 5);
    for (int j = 0; j < cols; j++) c[j] = (float) r.nextGaussian();
    float[] y = x.clone();
    for (int i = 0; i < rows; i++) FastMath.sigmoidAffine(y, i * cols, cols, 0.5f, c);
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        double ref = Glauber.sigmoid(0.5 * x[i * cols + j] + c[j]);
        assertEquals(ref, y[i * cols + j], 1e-6 * ref + 1e-7);
      }
    }
  }

  @Test
  void fastSoftplusMatchesTheModelsSoftplusWithinFloatTolerance() {
    float[] x = grid(-80f, 80f, 160_001);
    float[] y = x.clone();
    FastMath.softplusInPlace(y, 0, y.length, 1f);
    for (int k = 0; k < x.length; k++) {
      double ref = Glauber.softplus(x[k]);
      double tol = REL * ref;
      assertEquals(ref, y[k], tol + 1e-40, "softplus(" + x[k] + ")");
      assertEquals(ref, FastMath.softplus(x[k]), tol + 1e-40, "scalar softplus(" + x[k] + ")");
    }
    double sum = FastMath.softplusSum(x, 0, x.length, 0.3f);
    double ref = 0;
    for (float v : x) ref += Glauber.softplus(0.3 * v);
    assertEquals(ref, sum, 1e-6 * Math.abs(ref));
  }

  private static float[] grid(float lo, float hi, int n) {
    float[] x = new float[n];
    for (int k = 0; k < n; k++) x[k] = lo + (hi - lo) * k / (n - 1);
    return x;
  }
}
