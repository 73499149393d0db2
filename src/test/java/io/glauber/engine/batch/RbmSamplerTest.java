package io.glauber.engine.batch;

import static org.junit.jupiter.api.Assertions.*;

import io.glauber.exact.ExactRbm;
import io.glauber.model.Rbm;
import io.glauber.testing.ChiSquare;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RbmSamplerTest {
  static Rbm model(int nv, int nh, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] w = new double[nv * nh];
    double[] a = new double[nv];
    double[] b = new double[nh];
    for (int k = 0; k < w.length; k++) w[k] = r.nextGaussian();
    for (int k = 0; k < nv; k++) a[k] = 0.5 * r.nextGaussian();
    for (int k = 0; k < nh; k++) b[k] = 0.5 * r.nextGaussian();
    return new Rbm(nv, nh, w, a, b);
  }

  @Test
  void samplesFollowTheExactDistributionAtTemperatureTwo() {
    int nv = 5;
    Rbm rbm = model(nv, 3, 4);
    double t = 2.0;
    ExactRbm exact = ExactRbm.of(rbm.withTemperature(t));
    double[] p = new double[1 << nv];
    for (int s = 0; s < p.length; s++) p[s] = Math.exp(exact.logProbability(bits(s, nv)));
    long[] counts = new long[p.length];
    try (RbmSampler sampler = new RbmSampler(rbm, 200, t, null, 9)) {
      // thin 5 sweeps between kept states of each chain: nearly independent draws
      sampler.run(50, 40_000, 5, v -> counts[index(v)]++);
    }
    ChiSquare.Result r = ChiSquare.test(counts, p);
    assertTrue(r.pValue() > 1e-3, "χ² = " + r.statistic() + " on " + r.degreesOfFreedom() + " dof, p = " + r.pValue());
  }

  @Test
  void clampedUnitsKeepTheirValuesAndTheRestFollowsTheConditional() {
    int nv = 4;
    Rbm rbm = model(nv, 3, 5);
    int[] clamp = {1, -1, 0, -1};
    ExactRbm exact = ExactRbm.of(rbm);
    // p(v1, v3 | v0 = 1, v2 = 0) ∝ p(v)
    double[] p = new double[4];
    double z = 0;
    for (int s = 0; s < 4; s++) {
      double[] v = {1, s & 1, 0, (s >> 1) & 1};
      p[s] = Math.exp(exact.logProbability(v));
      z += p[s];
    }
    for (int s = 0; s < 4; s++) p[s] /= z;
    long[] counts = new long[4];
    try (RbmSampler sampler = new RbmSampler(rbm, 100, 1.0, clamp, 3)) {
      sampler.run(20, 20_000, 3, v -> {
        assertEquals(1, v[0]);
        assertEquals(0, v[2]);
        counts[v[1] + 2 * v[3]]++;
      });
    }
    ChiSquare.Result r = ChiSquare.test(counts, p);
    assertTrue(r.pValue() > 1e-3, "χ² = " + r.statistic() + ", p = " + r.pValue());
  }

  private static double[] bits(int s, int n) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) v[i] = (s >> i) & 1;
    return v;
  }

  private static int index(int[] v) {
    int s = 0;
    for (int i = 0; i < v.length; i++) s |= v[i] << i;
    return s;
  }
}
