package io.glauber.evaluate;

import io.glauber.kernel.BatchGibbs;
import io.glauber.kernel.RbmKernel;
import io.glauber.model.Rbm;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The features experiment (seed 002): the hidden probabilities p(h = 1 | v) of an RBM feed a
 * {@link SoftmaxRegression} trained on the training labels, and its test accuracy is compared with
 * the same classifier (same settings and seed) on the raw visible values.
 */
public final class FeaturesAccuracy {
  private FeaturesAccuracy() {}

  /** The hidden probabilities of every row, rows×nh. */
  public static float[] hiddenFeatures(Rbm rbm, float[] data, int rows) {
    int nv = rbm.nVisible();
    int nh = rbm.nHidden();
    float[] w = RbmKernel.toFloat(rbm.w());
    float[] b = RbmKernel.toFloat(rbm.hiddenBias());
    float[] out = new float[rows * nh];
    int chunk = 1000;
    float[] v = new float[chunk * nv];
    float[] ph = new float[chunk * nh];
    try (BatchGibbs g = new BatchGibbs()) {
      for (int from = 0; from < rows; from += chunk) {
        int m = Math.min(chunk, rows - from);
        System.arraycopy(data, from * nv, v, 0, m * nv);
        g.hidden(v, m, w, nv, nh, 1f, b, ph, null);
        System.arraycopy(ph, 0, out, from * nh, m * nh);
      }
    }
    return out;
  }

  /**
   * Trains and tests both classifiers; returns {@code features_accuracy}, {@code pixels_accuracy},
   * the sizes and the seconds.
   */
  public static Map<String, Object> run(Rbm rbm, float[] train, int[] trainLabels, int trainRows,
      float[] test, int[] testLabels, int testRows, int classes, SoftmaxRegression.Settings s) {
    long t0 = System.nanoTime();
    int nv = rbm.nVisible();
    int nh = rbm.nHidden();
    float[] fTrain = hiddenFeatures(rbm, train, trainRows);
    float[] fTest = hiddenFeatures(rbm, test, testRows);
    double features = SoftmaxRegression.fit(fTrain, trainRows, nh, trainLabels, classes, s).accuracy(fTest, testRows, testLabels);
    double pixels = SoftmaxRegression.fit(train, trainRows, nv, trainLabels, classes, s).accuracy(test, testRows, testLabels);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("features_accuracy", features);
    m.put("pixels_accuracy", pixels);
    m.put("train_rows", trainRows);
    m.put("test_rows", testRows);
    m.put("classifier", "softmax regression, Adam η=" + s.learningRate() + ", " + s.epochs() + " epochs, batch " + s.batchSize() + ", λ=" + s.l2());
    m.put("seconds", (System.nanoTime() - t0) / 1e9);
    return m;
  }
}
