package io.glauber.evaluate;

import io.glauber.data.Dataset;
import io.glauber.data.LabelUnits;
import io.glauber.exact.LogSumExp;
import io.glauber.kernel.Rng;
import io.glauber.model.Glauber;
import io.glauber.model.Rbm;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Classification by clamping with a joint RBM (seed 002): the visible layer is d feature units
 * followed by C one-hot label units (the layout of {@link LabelUnits#append}).
 *
 * <ul>
 * <li><b>Clamped sampling</b> ({@link #sample}): the feature units are clamped to x; hidden and
 *     label units settle by block Gibbs sampling, h ~ p(h | x, y) with p(h_j = 1 | x, y) =
 *     σ((b_j + x·W_j + W_{d+y, j})/T), then y ~ p(y | h) ∝ exp((a_{d+y} + W_{d+y}·h)/T) over the C
 *     label codes — the label units are sampled as one group restricted to one-hot states, so the
 *     chain's stationary law of y is exactly p(y | x) below. After {@code burnIn} sweeps, each of
 *     {@code sweeps} sweeps contributes p(y | h) (the label units' mean activation) and one vote
 *     (the drawn y). The label read is the argmax of the summed activations (a Rao–Blackwellised
 *     estimate of p(y | x)); the argmax of the votes is reported beside it.</li>
 * <li><b>Exact</b> ({@link #exactProbabilities}): p(y | x) = e^{−F(x, y)/T} / Σ_y' e^{−F(x, y')/T}
 *     from the free energies of {@link Rbm#oneHotFreeEnergies} (the hidden units summed out).</li>
 * </ul>
 * Each chain starts with the label units all off, so the first h is drawn from the image alone.
 * With several temperatures (multiples τ_q of the model's T, τ_0 = 1) each chain is a set of
 * replicas that exchange states after every sweep (parallel tempering, Swendsen &amp; Wang 1986;
 * Geyer 1991): neighbours q, q+1 swap with probability min(1, e^{(β_q − β_{q+1})(E_q − E_{q+1})}),
 * E the joint energy of {@link Rbm#energy} up to the a·x term all replicas share; only replica 0
 * (at T) is read. {@code chains} independent chains per row; chain k of row r draws from the stream
 * derived from (seed, r·chains + k), so the result does not depend on how rows are spread over
 * threads.
 */
public final class LabelClassification {
  private LabelClassification() {}

  /**
   * How the clamped chains run.
   *
   * @param classes C, the number of label units (last in the visible layer), ≥ 2
   * @param burnIn sweeps before the label activations are collected, ≥ 0
   * @param sweeps sweeps collected per chain, ≥ 1
   * @param chains independent chains per row, ≥ 1
   * @param temperatures the replicas' temperatures as multiples of the model's, the first 1 and
   *     increasing; {@code [1]} is plain Gibbs sampling, more replicas exchange states (parallel
   *     tempering) and only the first is read
   * @param validationRows training rows held out at the end for validation, ≥ 0
   * @param logisticEpochs epochs of the softmax-regression baseline (Adam, η = 0.001, batch 100, λ = 1e-4)
   * @param seed the run's seed
   */
  public record Settings(int classes, int burnIn, int sweeps, int chains, double[] temperatures, int validationRows, int logisticEpochs, long seed) {
    public Settings {
      temperatures = temperatures.clone();
      for (int q = 0; q < temperatures.length; q++) {
        if (q == 0 ? temperatures[0] != 1 : !(temperatures[q] > temperatures[q - 1]) || Double.isInfinite(temperatures[q])) {
          throw new IllegalArgumentException("labels.temperatures = " + java.util.Arrays.toString(temperatures)
              + " (expected 1 first, then increasing and finite)");
        }
      }
      if (temperatures.length == 0) throw new IllegalArgumentException("labels.temperatures is empty (expected [1.0] or more)");
      if (classes < 2 || burnIn < 0 || sweeps < 1 || chains < 1 || validationRows < 0 || logisticEpochs < 1) {
        throw new IllegalArgumentException("labels.classes = " + classes + ", burn-in = " + burnIn + ", sweeps = " + sweeps
            + ", chains = " + chains + ", validation-rows = " + validationRows + ", logistic-epochs = " + logisticEpochs
            + " (expected classes ≥ 2, burn-in ≥ 0, sweeps ≥ 1, chains ≥ 1, validation-rows ≥ 0, logistic-epochs ≥ 1)");
      }
    }

    /** The {@code labels} block of a configuration (keys as the parameters, in kebab case), with defaults 10, 20, 1000, 1, [1.0], 0, 20. */
    public static Settings from(com.typesafe.config.Config c, long seed) {
      com.typesafe.config.Config l = c.withFallback(com.typesafe.config.ConfigFactory.parseString(
          "labels { classes = 10, burn-in = 20, sweeps = 1000, chains = 1, temperatures = [1.0], validation-rows = 0, logistic-epochs = 20 }"))
          .getConfig("labels");
      return new Settings(l.getInt("classes"), l.getInt("burn-in"), l.getInt("sweeps"), l.getInt("chains"),
          l.getDoubleList("temperatures").stream().mapToDouble(Double::doubleValue).toArray(), l.getInt("validation-rows"),
          l.getInt("logistic-epochs"), seed);
    }

    /** The baseline's settings. */
    public SoftmaxRegression.Settings logistic() {
      return new SoftmaxRegression.Settings(logisticEpochs, 100, 1e-3, 1e-4, seed);
    }
  }

  /**
   * The report of a run: {@link #evaluate} on the test rows, and under {@code validation} on the
   * last {@code validationRows} rows of {@code data} (the rest trained the RBM and the baseline).
   */
  public static Map<String, Object> report(Rbm rbm, Dataset data, Dataset test, Settings s) {
    Dataset train = trainingRows(data, s);
    Map<String, Object> m = evaluate(rbm, train, test, s, s.logistic());
    if (s.validationRows() > 0) m.put("validation", evaluate(rbm, train, data.subset(train.rows(), data.rows()), s, s.logistic()));
    return m;
  }

  /** The rows of {@code data} that train: all but the last {@code validationRows}. */
  public static Dataset trainingRows(Dataset data, Settings s) {
    if (s.validationRows() >= data.rows()) {
      throw new IllegalArgumentException("labels.validation-rows = " + s.validationRows() + " (expected fewer than the " + data.rows() + " rows of " + data.name() + ")");
    }
    return data.subset(0, data.rows() - s.validationRows());
  }

  /**
   * What the clamped chains saw, rows×C each.
   *
   * @param activations Σ over collected sweeps of p(y = k | h) (divide by sweeps for the mean)
   * @param votes how often label k was drawn
   */
  public record Sampled(double[] activations, int[] votes, int classes) {
    /** Argmax of the activations of row r. */
    public int byActivation(int r) {
      return argmax(activations, r * classes, classes);
    }

    /** Argmax of the votes of row r (the lowest label among ties). */
    public int byVote(int r) {
      int best = 0;
      for (int k = 1; k < classes; k++) if (votes[r * classes + k] > votes[r * classes + best]) best = k;
      return best;
    }
  }

  /** Exact p(y | x) for each row of {@code x} (rows×d features), rows×C. */
  public static double[] exactProbabilities(Rbm rbm, float[] x, int rows, int classes) {
    int d = features(rbm, classes);
    double[] p = new double[rows * classes];
    IntStream.range(0, rows).parallel().forEach(r -> {
      double[] v = new double[rbm.nVisible()];
      for (int i = 0; i < d; i++) v[i] = x[r * d + i];
      double[] f = rbm.oneHotFreeEnergies(v, d, classes, null);
      for (int k = 0; k < classes; k++) f[k] = -f[k] / rbm.temperature();
      double log = LogSumExp.of(f);
      for (int k = 0; k < classes; k++) p[r * classes + k] = Math.exp(f[k] - log);
    });
    return p;
  }

  /** Runs {@code chains} clamped chains per row of {@code x} (rows×d features); see the class comment. */
  public static Sampled sample(Rbm rbm, float[] x, int rows, Settings s) {
    int c = s.classes();
    int d = features(rbm, c);
    int nh = rbm.nHidden();
    double[] w = rbm.w();
    double[] a = rbm.visibleBias();
    double[] act = new double[rows * c];
    int[] votes = new int[rows * c];
    double[] wl = new double[nh * c]; // the label units' weights, hidden-major: W_{d+k, j} at j·C + k
    for (int k = 0; k < c; k++) for (int j = 0; j < nh; j++) wl[j * c + k] = w[(d + k) * nh + j];
    IntStream.range(0, rows).parallel().forEach(r -> {
      double[] base = rbm.hiddenBias().clone();
      for (int i = 0; i < d; i++) {
        float xi = x[r * d + i];
        if (xi != 0) for (int j = 0; j < nh; j++) base[j] += xi * w[i * nh + j];
      }
      // p(h_j = 1 | x, y) for each replica's temperature and each label code y (row c: label units all off)
      double[] tau = s.temperatures();
      int replicas = tau.length;
      double[][] ph = new double[replicas][(c + 1) * nh];
      for (int q = 0; q < replicas; q++) {
        double t = rbm.temperature() * tau[q];
        for (int k = 0; k <= c; k++) {
          for (int j = 0; j < nh; j++) ph[q][k * nh + j] = Glauber.sigmoid((base[j] + (k < c ? w[(d + k) * nh + j] : 0)) / t);
        }
      }
      double[] in = new double[c];
      double[] z = new double[c];
      int[] y = new int[replicas];
      double[] energy = new double[replicas];
      for (int chain = 0; chain < s.chains(); chain++) {
        Rng rng = new Rng(Rng.derive(s.seed(), (long) r * s.chains() + chain, 15));
        java.util.Arrays.fill(y, c); // label units all off at the start: the first h sees the image alone
        for (int sweep = 0; sweep < s.burnIn() + s.sweeps(); sweep++) {
          for (int q = 0; q < replicas; q++) {
            double t = rbm.temperature() * tau[q];
            int u = y[q] * nh;
            double hb = 0; // Σ_j h_j (b_j + x·W_j)
            for (int k = 0; k < c; k++) in[k] = a[d + k];
            for (int j = 0; j < nh; j++) {
              if (rng.nextDouble() < ph[q][u + j]) { // h_j = 1: its label weights join the label inputs
                hb += base[j];
                for (int k = 0; k < c; k++) in[k] += wl[j * c + k];
              }
            }
            for (int k = 0; k < c; k++) z[k] = in[k] / t;
            double log = LogSumExp.of(z);
            double u01 = rng.nextDouble();
            double cum = 0;
            int next = -1;
            for (int k = 0; k < c; k++) {
              z[k] = Math.exp(z[k] - log);
              cum += z[k];
              if (next < 0 && u01 < cum) next = k;
            }
            y[q] = next < 0 ? c - 1 : next; // next < 0: rounding, the sum fell just short of u
            // E(x, y, h) = −a·x − a_{d+y} − Σ_j h_j (b_j + x·W_j + W_{d+y,j}); the a·x term is the same for every replica
            energy[q] = -hb - in[y[q]];
            if (q == 0 && sweep >= s.burnIn()) {
              for (int k = 0; k < c; k++) act[r * c + k] += z[k];
              votes[r * c + y[q]]++;
            }
          }
          // replica exchange between neighbouring temperatures, accepted with min(1, e^{(β_q − β_{q+1})(E_q − E_{q+1})})
          for (int q = 0; q + 1 < replicas; q++) {
            double logA = (1 / tau[q] - 1 / tau[q + 1]) / rbm.temperature() * (energy[q] - energy[q + 1]);
            if (logA >= 0 || rng.nextDouble() < Math.exp(logA)) {
              int ty = y[q];
              y[q] = y[q + 1];
              y[q + 1] = ty;
              double te = energy[q];
              energy[q] = energy[q + 1];
              energy[q + 1] = te;
            }
          }
        }
      }
    });
    return new Sampled(act, votes, c);
  }

  /**
   * The three accuracies on {@code test} (feature rows with labels, d = nVisible − C columns):
   * {@code test_accuracy} (clamped sampling, label by mean activation), {@code vote_accuracy} (by
   * the most frequent sampled label), {@code exact_accuracy} (argmax of the exact p(y | x)) and
   * {@code logistic_regression_accuracy} (a {@link SoftmaxRegression} fitted on {@code train}'s
   * feature rows with {@code lr}), with the sizes and the seconds of each part.
   */
  public static Map<String, Object> evaluate(Rbm rbm, Dataset train, Dataset test, Settings s, SoftmaxRegression.Settings lr) {
    int c = s.classes();
    int d = features(rbm, c);
    for (Dataset data : new Dataset[] {train, test}) {
      if (data.cols() != d || !data.hasLabels()) {
        throw new IllegalArgumentException(data.name() + ": " + data.cols() + " columns" + (data.hasLabels() ? "" : ", no labels")
            + " (expected " + d + " labelled feature columns for an RBM of " + rbm.nVisible() + " visible units, " + c + " of them labels)");
      }
      LabelUnits.checkRange(data.labels(), c, data.name());
    }
    Map<String, Object> m = new LinkedHashMap<>();
    long t0 = System.nanoTime();
    Sampled sampled = sample(rbm, test.values(), test.rows(), s);
    int byAct = 0, byVote = 0;
    for (int r = 0; r < test.rows(); r++) {
      if (sampled.byActivation(r) == test.labels()[r]) byAct++;
      if (sampled.byVote(r) == test.labels()[r]) byVote++;
    }
    long t1 = System.nanoTime();
    double[] p = exactProbabilities(rbm, test.values(), test.rows(), c);
    int exact = 0;
    for (int r = 0; r < test.rows(); r++) if (argmax(p, r * c, c) == test.labels()[r]) exact++;
    long t2 = System.nanoTime();
    double logistic = SoftmaxRegression.fit(train.values(), train.rows(), d, train.labels(), c, lr).accuracy(test.values(), test.rows(), test.labels());
    long t3 = System.nanoTime();
    m.put("test_accuracy", byAct / (double) test.rows());
    m.put("vote_accuracy", byVote / (double) test.rows());
    m.put("exact_accuracy", exact / (double) test.rows());
    m.put("logistic_regression_accuracy", logistic);
    m.put("train_rows", train.rows());
    m.put("test_rows", test.rows());
    m.put("sampling", "clamped features, " + s.burnIn() + " sweeps burn-in, " + s.sweeps() + " sweeps read, " + s.chains() + " chains per row at temperatures " + java.util.Arrays.toString(s.temperatures()) + ", label units off at the start");
    m.put("sampling_seconds", (t1 - t0) / 1e9);
    m.put("exact_seconds", (t2 - t1) / 1e9);
    m.put("logistic_regression_seconds", (t3 - t2) / 1e9);
    return m;
  }

  private static int features(Rbm rbm, int classes) {
    if (classes < 2 || classes >= rbm.nVisible()) {
      throw new IllegalArgumentException(classes + " label units in an RBM of " + rbm.nVisible() + " visible units (expected 2 ≤ C < n_visible)");
    }
    return rbm.nVisible() - classes;
  }

  private static int argmax(double[] x, int from, int n) {
    int best = 0;
    for (int k = 1; k < n; k++) if (x[from + k] > x[from + best]) best = k;
    return best;
  }
}
