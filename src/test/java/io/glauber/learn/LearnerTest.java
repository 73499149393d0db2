package io.glauber.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.glauber.model.Phase;
import io.glauber.model.Statistics;
import org.junit.jupiter.api.Test;

class LearnerTest {
  private static Statistics stats(double[] units, double[] pairs, Phase phase) {
    return new Statistics(units, pairs, 10, phase);
  }

  @Test
  void weightsMoveTowardClampedCorrelationsScaledByTheLearningRate() {
    // ΔW = η(⟨ss⟩₊ − ⟨ss⟩₋), Δb = η(⟨s⟩₊ − ⟨s⟩₋), η = 0.1
    Learner l = new Learner(LearningRule.plain(0.1), 2, 2, 2, 0);
    double[] w = {0.5, -0.5};
    double[] b = {0, 1};
    l.apply(stats(new double[] {0.8, 0.2}, new double[] {0.6, 0.1}, Phase.CLAMPED),
        stats(new double[] {0.5, 0.5}, new double[] {0.2, 0.3}, Phase.FREE), w, b);
    assertArrayEquals(new double[] {0.5 + 0.1 * 0.4, -0.5 + 0.1 * -0.2}, w, 1e-15);
    assertArrayEquals(new double[] {0.1 * 0.3, 1 + 0.1 * -0.3}, b, 1e-15);
  }

  @Test
  void momentumAccumulatesAndDecayShrinksWeightsButNotBiases() {
    LearningRule r = new LearningRule(0.1, 0.5, 0.01, 0, 0, 0);
    Learner l = new Learner(r, 1, 1, 1, 0);
    double[] w = {2.0};
    double[] b = {2.0};
    Statistics same = stats(new double[] {0.5}, new double[] {0.5}, Phase.CLAMPED);
    Statistics free = stats(new double[] {0.5}, new double[] {0.5}, Phase.FREE);
    l.apply(same, free, w, b);
    double v1 = 0.1 * (0 - 0.01 * 2.0);
    assertEquals(2.0 + v1, w[0], 1e-15);
    assertEquals(2.0, b[0], 0.0);
    double w1 = w[0];
    l.apply(same, free, w, b);
    double v2 = 0.5 * v1 + 0.1 * (0 - 0.01 * w1);
    assertEquals(w1 + v2, w[0], 1e-15);
  }

  @Test
  void sparsityPullsHiddenBiasesTowardTheTarget() {
    LearningRule r = new LearningRule(1.0, 0, 0, 0.1, 0.5, 0);
    Learner l = new Learner(r, 1, 2, 1, 1);
    double[] w = {0};
    double[] b = {0, 0};
    // clamped hidden activity 0.6 > target 0.1: bias moves by c (p − q) = 0.5 × (−0.5)
    l.apply(stats(new double[] {0.3, 0.6}, new double[] {0}, Phase.CLAMPED),
        stats(new double[] {0.3, 0.6}, new double[] {0}, Phase.FREE), w, b);
    assertEquals(0.0, b[0], 0.0);
    assertEquals(-0.25, b[1], 1e-15);
  }

  @Test
  void floatPathAppliesTheSameRule() {
    LearningRule r = new LearningRule(0.05, 0.9, 0.001, 0, 0, 0);
    Learner ld = new Learner(r, 2, 1, 1, 0);
    Learner lf = new Learner(r, 2, 1, 1, 0);
    double[] wd = {0.3, -0.2};
    double[] bd = {0.1};
    float[] wf = {0.3f, -0.2f};
    float[] bf = {0.1f};
    for (int step = 0; step < 5; step++) {
      ld.apply(stats(new double[] {0.7}, new double[] {0.4, 0.2}, Phase.CLAMPED),
          stats(new double[] {0.5}, new double[] {0.1, 0.3}, Phase.FREE), wd, bd);
      lf.applyDifferences(wf, new float[] {0.3f, -0.1f}, bf, new float[] {0.2f}, null);
    }
    assertEquals(wd[0], wf[0], 1e-6);
    assertEquals(wd[1], wf[1], 1e-6);
    assertEquals(bd[0], bf[0], 1e-6);
  }

  @Test
  void weightRangesOnTwoThreadsEqualOneWholeUpdate() throws Exception {
    // the batched engine applies disjoint ranges of W from two threads at once, then the biases
    LearningRule r = new LearningRule(0.05, 0.5, 0.001, 0, 0, 0);
    int n = 10_000;
    Learner whole = new Learner(r, n, 3, 1, 2);
    Learner split = new Learner(r, n, 3, 1, 2);
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
    float[] w1 = new float[n], w2 = new float[n], b1 = {0.1f, 0.2f, 0.3f}, b2 = b1.clone();
    for (int i = 0; i < n; i++) w1[i] = w2[i] = (float) rnd.nextGaussian();
    for (int step = 0; step < 3; step++) {
      float[] dw = new float[n];
      for (int i = 0; i < n; i++) dw[i] = (float) rnd.nextGaussian();
      float[] db = {0.1f, -0.2f, 0.05f};
      whole.applyDifferences(w1, dw, b1, db, null);
      Thread t = new Thread(() -> split.applyWeightDifferences(w2, dw, n / 3, n));
      t.start();
      split.applyWeightDifferences(w2, dw, 0, n / 3);
      t.join();
      split.applyBiasDifferences(b2, db, null);
    }
    assertArrayEquals(w1, w2, 0f);
    assertArrayEquals(b1, b2, 0f);
  }
}
