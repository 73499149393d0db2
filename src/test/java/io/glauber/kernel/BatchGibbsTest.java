package io.glauber.kernel;

import static org.junit.jupiter.api.Assertions.*;

import io.glauber.model.Rbm;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BatchGibbsTest {
  @Test
  void hiddenAndVisibleProbabilitiesMatchTheModelConditionals() {
    SplittableRandom r = new SplittableRandom(3);
    int nv = 13, nh = 9, rows = 7;
    double[] w = new double[nv * nh];
    double[] a = new double[nv];
    double[] b = new double[nh];
    for (int k = 0; k < w.length; k++) w[k] = r.nextGaussian();
    for (int k = 0; k < nv; k++) a[k] = r.nextGaussian();
    for (int k = 0; k < nh; k++) b[k] = r.nextGaussian();
    double t = 1.7;
    Rbm rbm = new Rbm(nv, nh, w, a, b, t);
    float[] v = new float[rows * nv];
    for (int k = 0; k < v.length; k++) v[k] = r.nextBoolean() ? 1f : 0f;
    float[] h = new float[rows * nh];
    for (int k = 0; k < h.length; k++) h[k] = r.nextBoolean() ? 1f : 0f;
    float s = (float) (1 / t);
    float[] cb = RbmKernel.toFloat(b);
    float[] ca = RbmKernel.toFloat(a);
    for (int j = 0; j < nh; j++) cb[j] *= s;
    for (int i = 0; i < nv; i++) ca[i] *= s;
    try (BatchGibbs g = new BatchGibbs()) {
      float[] ph = new float[rows * nh];
      float[] pv = new float[rows * nv];
      g.hidden(v, rows, RbmKernel.toFloat(w), nv, nh, s, cb, ph, null);
      g.visible(h, rows, RbmKernel.toFloat(w), nv, nh, s, ca, pv, null);
      double[] refH = new double[nh];
      double[] refV = new double[nv];
      for (int n = 0; n < rows; n++) {
        double[] vn = new double[nv];
        double[] hn = new double[nh];
        for (int i = 0; i < nv; i++) vn[i] = v[n * nv + i];
        for (int j = 0; j < nh; j++) hn[j] = h[n * nh + j];
        rbm.hiddenProbabilities(vn, refH);
        rbm.visibleProbabilities(hn, refV);
        for (int j = 0; j < nh; j++) assertEquals(refH[j], ph[n * nh + j], 1e-5);
        for (int i = 0; i < nv; i++) assertEquals(refV[i], pv[n * nv + i], 1e-5);
      }
    }
  }

  @Test
  void bernoulliDrawsHaveTheRequestedMeanAndAreReproducible() {
    int rows = 200, cols = 101; // odd width exercises the unpaired draw
    float[] p = new float[rows * cols];
    for (int k = 0; k < p.length; k++) p[k] = (k % cols) / (float) cols;
    float[] a = new float[p.length];
    float[] b = new float[p.length];
    try (BatchGibbs g = new BatchGibbs()) {
      int reps = 50;
      double[] mean = new double[cols];
      for (int rep = 0; rep < reps; rep++) {
        g.reseed(11, rep);
        g.sample(p, rows, cols, a);
        g.reseed(11, rep);
        g.sample(p, rows, cols, b);
        assertArrayEquals(a, b);
        for (int k = 0; k < a.length; k++) mean[k % cols] += a[k];
      }
      int n = reps * rows;
      for (int j = 0; j < cols; j++) {
        double pj = j / (double) cols;
        double sd = Math.sqrt(pj * (1 - pj) / n);
        assertEquals(pj, mean[j] / n, 5 * sd + 1e-12, "column " + j);
      }
    }
  }
}
