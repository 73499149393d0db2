package io.glauber.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glauber.data.Dataset;
import io.glauber.model.Rbm;
import io.glauber.testing.ChiSquare;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Classification by clamping on a joint RBM small enough to enumerate: 3 features, 3 label units, 4 hidden. */
class LabelClassificationTest {
  static final int D = 3;
  static final int C = 3;
  static final int H = 4;

  static Rbm tinyJointRbm(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int nv = D + C;
    double[] w = new double[nv * H];
    for (int k = 0; k < w.length; k++) w[k] = 1.5 * (2 * r.nextDouble() - 1);
    double[] a = new double[nv];
    double[] b = new double[H];
    for (int i = 0; i < nv; i++) a[i] = r.nextDouble() - 0.5;
    for (int j = 0; j < H; j++) b[j] = r.nextDouble() - 0.5;
    return new Rbm(nv, H, w, a, b);
  }

  /** All 2^D feature vectors, row-major. */
  static float[] allFeatures() {
    float[] x = new float[(1 << D) * D];
    for (int k = 0; k < 1 << D; k++) for (int i = 0; i < D; i++) x[k * D + i] = (k >> i) & 1;
    return x;
  }

  /** p(y | x) by brute force: Σ_h e^{−E(x, onehot(y), h)} over all 2^H hidden states, normalised over y. */
  static double[] bruteForce(Rbm rbm, float[] x, int row) {
    double[] p = new double[C];
    double sum = 0;
    for (int y = 0; y < C; y++) {
      double[] v = new double[D + C];
      for (int i = 0; i < D; i++) v[i] = x[row * D + i];
      v[D + y] = 1;
      for (int hs = 0; hs < 1 << H; hs++) {
        double[] h = new double[H];
        for (int j = 0; j < H; j++) h[j] = (hs >> j) & 1;
        p[y] += Math.exp(-rbm.energy(v, h));
      }
      sum += p[y];
    }
    for (int y = 0; y < C; y++) p[y] /= sum;
    return p;
  }

  @Test
  void exactLabelProbabilitiesFromFreeEnergiesMatchBruteForce() {
    Rbm rbm = tinyJointRbm(3);
    float[] x = allFeatures();
    double[] p = LabelClassification.exactProbabilities(rbm, x, 1 << D, C);
    for (int row = 0; row < 1 << D; row++) {
      double[] expected = bruteForce(rbm, x, row);
      for (int y = 0; y < C; y++) assertEquals(expected[y], p[row * C + y], 1e-12, "row " + row + ", label " + y);
    }
  }

  @Test
  void clampedSamplingDrawsLabelsFromTheExactConditional() {
    clampedSamplingMatchesExact(new double[] {1});
  }

  @Test
  void clampedSamplingWithReplicaExchangeDrawsLabelsFromTheExactConditional() {
    clampedSamplingMatchesExact(new double[] {1, 1.5, 2.2});
  }

  private static void clampedSamplingMatchesExact(double[] temperatures) {
    Rbm rbm = tinyJointRbm(5);
    float[] x = allFeatures();
    int chains = 3000;
    // one label read per chain after 30 sweeps: independent draws, so Pearson's χ² applies
    var s = new LabelClassification.Settings(C, 30, 1, chains, temperatures, 0, 1, 11);
    LabelClassification.Sampled sampled = LabelClassification.sample(rbm, x, 1 << D, s);
    for (int row = 0; row < 1 << D; row++) {
      double[] exact = bruteForce(rbm, x, row);
      long[] counts = new long[C];
      for (int y = 0; y < C; y++) counts[y] = sampled.votes()[row * C + y];
      ChiSquare.Result chi = ChiSquare.test(counts, exact);
      assertTrue(chi.pValue() > 1e-3, "row " + row + ": " + chi);
      for (int y = 0; y < C; y++) {
        // the mean activation p(y | h) averages N values in [0, 1] of mean p(y | x): 5 standard errors of a coin at worst
        double mean = sampled.activations()[row * C + y] / chains;
        assertEquals(exact[y], mean, 5 * Math.sqrt(0.25 / chains), "row " + row + ", label " + y);
      }
    }
  }

  @Test
  void evaluateReportsTheThreeAccuraciesAndRefusesMismatchedData() {
    Rbm rbm = tinyJointRbm(7);
    float[] x = allFeatures();
    int[] labels = new int[1 << D];
    double[] p = LabelClassification.exactProbabilities(rbm, x, 1 << D, C);
    for (int r = 0; r < labels.length; r++) labels[r] = argmax(p, r);
    Dataset data = new Dataset("tiny", 1 << D, D, x, labels, 0, 0);
    var s = new LabelClassification.Settings(C, 20, 500, 1, new double[] {1, 1.5}, 0, 5, 1);
    Map<String, Object> m = LabelClassification.evaluate(rbm, data, data, s, s.logistic());
    assertEquals(1.0, (double) m.get("exact_accuracy"), "the labels are the exact argmax");
    assertTrue(m.containsKey("test_accuracy") && m.containsKey("logistic_regression_accuracy") && m.containsKey("vote_accuracy"), m.toString());
    Dataset wide = Dataset.of("wide", 2, D + 1, new float[2 * (D + 1)]);
    assertThrows(IllegalArgumentException.class, () -> LabelClassification.evaluate(rbm, wide, wide, s, s.logistic()));
    int[] bad = labels.clone();
    bad[2] = C;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LabelClassification.evaluate(rbm, data, new Dataset("bad", 1 << D, D, x, bad, 0, 0), s, s.logistic()));
    assertTrue(e.getMessage().contains("label 3 at row 2"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new LabelClassification.Settings(1, 0, 1, 1, new double[] {1}, 0, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new LabelClassification.Settings(C, 0, 1, 1, new double[] {1, 0.5}, 0, 1, 1));
  }

  private static int argmax(double[] p, int row) {
    int best = 0;
    for (int k = 1; k < C; k++) if (p[row * C + k] > p[row * C + best]) best = k;
    return best;
  }
}
