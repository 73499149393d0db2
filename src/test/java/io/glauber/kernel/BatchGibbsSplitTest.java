package io.glauber.kernel;

import static org.junit.jupiter.api.Assertions.*;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The conditionals of {@link BatchGibbs} when each product is split into row blocks across the team
 * (the default under bin/glauber and the test JVM, OPENBLAS_NUM_THREADS=1) equal σ(s·A·op(W) + c)
 * computed by plain loops in double, entry by entry, for both layers and a row count that does not
 * divide evenly.
 */
class BatchGibbsSplitTest {
  @Test
  void splitProductsGiveTheConditionalsOfEveryRow() {
    int rows = 101, nv = 784, nh = 50;
    SplittableRandom r = new SplittableRandom(7);
    float[] w = new float[nv * nh];
    for (int i = 0; i < w.length; i++) w[i] = (float) (0.05 * r.nextGaussian());
    float[] v = new float[rows * nv];
    for (int i = 0; i < v.length; i++) v[i] = r.nextBoolean() ? 1f : 0f;
    float[] h = new float[rows * nh];
    for (int i = 0; i < h.length; i++) h[i] = r.nextBoolean() ? 1f : 0f;
    float[] cv = new float[nv], ch = new float[nh];
    for (int i = 0; i < nv; i++) cv[i] = (float) r.nextGaussian();
    for (int j = 0; j < nh; j++) ch[j] = (float) r.nextGaussian();
    float s = 0.7f;
    float[] ph = new float[rows * nh], pv = new float[rows * nv];
    try (BatchGibbs g = new BatchGibbs(new Team(2))) {
      assertEquals(Blas.libraryThreads() == 1, g.splitsProduct((long) rows * nv * nh), "split iff the library runs on one thread");
      g.hidden(v, rows, w, nv, nh, s, ch, ph, null);
      g.visible(h, rows, w, nv, nh, s, cv, pv, null);
    }
    for (int n = 0; n < rows; n++) {
      for (int j = 0; j < nh; j++) {
        double x = 0;
        for (int i = 0; i < nv; i++) x += v[n * nv + i] * w[i * nh + j];
        assertEquals(1 / (1 + Math.exp(-(s * x + ch[j]))), ph[n * nh + j], 2e-5, "P(h) row " + n + " unit " + j);
      }
      for (int i = 0; i < nv; i++) {
        double x = 0;
        for (int j = 0; j < nh; j++) x += h[n * nh + j] * w[i * nh + j];
        assertEquals(1 / (1 + Math.exp(-(s * x + cv[i]))), pv[n * nv + i], 2e-5, "P(v) row " + n + " unit " + i);
      }
    }
  }
}
