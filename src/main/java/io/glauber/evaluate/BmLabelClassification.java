package io.glauber.evaluate;

import io.glauber.data.Dataset;
import io.glauber.data.LabelUnits;
import io.glauber.kernel.ColourGibbs;
import io.glauber.kernel.Team;
import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Glauber;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Classification by clamping (seed 002) with a general Boltzmann machine whose visible units are d
 * feature units followed by C one-hot label units, and whose hidden units may be coupled to each
 * other (and the label units to each other): the feature units are clamped to x, the hidden and
 * label units start at random (labels off) and are swept by the heat-bath rule ({@link ColourGibbs},
 * many test rows as parallel chains), and after {@code burnIn} sweeps the label read is the argmax
 * of the label units' summed p(s_k = 1 | rest) = σ(h_k/T) ({@link Glauber#pOn}) over {@code sweeps}
 * sweeps — a Rao–Blackwellised estimate of p(y_k = 1 | x). Unlike the joint RBM of
 * {@link LabelClassification} there is no exact p(y | x) here: the hidden units do not sum out in
 * closed form once they are coupled.
 */
public final class BmLabelClassification {
  private BmLabelClassification() {}

  /** Rows of {@code x} (rows×d) read as a batch of chains at once. */
  private static final int ROWS_PER_BATCH = 1024;

  /** For each row of {@code x} (rows×d features), the summed label activations over the read sweeps, rows×C. */
  public static double[] activations(BoltzmannMachine m, float[] x, int rows, int classes, int burnIn, int sweeps, long seed) {
    int n = m.size(), d = m.nVisible() - classes;
    if (classes < 2 || d < 1) throw new IllegalArgumentException(classes + " label units among " + m.nVisible() + " visible units (expected 2 ≤ C < n_visible)");
    if (x.length != (long) rows * d) throw new IllegalArgumentException(x.length + " feature values for " + rows + " rows of " + d + " (expected rows·d)");
    boolean[] mask = new boolean[n];
    for (int i = 0; i < d; i++) mask[i] = true;
    double[] out = new double[rows * classes];
    SplittableRandom random = new SplittableRandom(seed);
    double[] state = new double[n];
    float[] fields = new float[ColourGibbs.BLOCK];
    for (int from = 0; from < rows; from += ROWS_PER_BATCH) {
      int len = Math.min(ROWS_PER_BATCH, rows - from);
      ColourGibbs g = new ColourGibbs(m, len, random.nextLong(), Team.shared());
      for (int c = 0; c < len; c++) {
        for (int i = 0; i < n; i++) {
          state[i] = i < d ? m.units().value(x[(from + c) * d + i] > 0.5f) : i < d + classes ? m.units().low() : m.units().value(random.nextBoolean());
        }
        g.setState(c, state);
      }
      g.clamp(mask);
      g.sweeps(burnIn);
      for (int t = 0; t < sweeps; t++) {
        g.sweep();
        for (int b = 0; b * ColourGibbs.BLOCK < len; b++) {
          int blockLen = Math.min(ColourGibbs.BLOCK, len - b * ColourGibbs.BLOCK);
          for (int k = 0; k < classes; k++) {
            g.fields(d + k, b, fields);
            for (int c = 0; c < blockLen; c++) out[(from + b * ColourGibbs.BLOCK + c) * classes + k] += Glauber.pOn(m.units(), fields[c], m.temperature());
          }
        }
      }
    }
    return out;
  }

  /**
   * {@code test_accuracy} (clamped reading, {@link #activations}) and
   * {@code logistic_regression_accuracy} (a {@link SoftmaxRegression} fitted on {@code train}'s
   * feature rows with {@code lr}) on {@code test} (labelled feature rows), with sizes and seconds.
   */
  public static Map<String, Object> evaluate(BoltzmannMachine m, Dataset train, Dataset test, LabelClassification.Settings s,
      SoftmaxRegression.Settings lr) {
    int c = s.classes(), d = m.nVisible() - c;
    for (Dataset data : new Dataset[] {train, test}) {
      if (data.cols() != d || !data.hasLabels()) {
        throw new IllegalArgumentException(data.name() + ": " + data.cols() + " columns" + (data.hasLabels() ? "" : ", no labels")
            + " (expected " + d + " labelled feature columns for a machine of " + m.nVisible() + " visible units, " + c + " of them labels)");
      }
      LabelUnits.checkRange(data.labels(), c, data.name());
    }
    long t0 = System.nanoTime();
    double[] a = activations(m, test.values(), test.rows(), c, s.burnIn(), s.sweeps(), s.seed());
    int right = 0;
    for (int r = 0; r < test.rows(); r++) {
      int best = 0;
      for (int k = 1; k < c; k++) if (a[r * c + k] > a[r * c + best]) best = k;
      if (best == test.labels()[r]) right++;
    }
    long t1 = System.nanoTime();
    double logistic = SoftmaxRegression.fit(train.values(), train.rows(), d, train.labels(), c, lr).accuracy(test.values(), test.rows(), test.labels());
    long t2 = System.nanoTime();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("test_accuracy", right / (double) test.rows());
    out.put("logistic_regression_accuracy", logistic);
    out.put("train_rows", train.rows());
    out.put("test_rows", test.rows());
    out.put("sampling", "clamped features, " + s.burnIn() + " sweeps burn-in, " + s.sweeps() + " sweeps read, label = argmax of the summed σ(h_k/T), label units off at the start");
    out.put("sampling_seconds", (t1 - t0) / 1e9);
    out.put("logistic_regression_seconds", (t2 - t1) / 1e9);
    return out;
  }
}
