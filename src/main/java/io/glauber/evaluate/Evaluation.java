package io.glauber.evaluate;

import io.glauber.data.Dataset;
import io.glauber.exact.ExactBoltzmann;
import io.glauber.exact.ExactRbm;
import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Model;
import io.glauber.model.Rbm;
import io.glauber.model.Units;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The metrics of {@code eval --metric NAME} and of per-epoch monitoring, by name, as maps ready
 * for one JSON line:
 *
 * <ul>
 *   <li>{@code exact-ll}: mean exact log-likelihood of {@code data} (smaller layer ≤ 24 units);</li>
 *   <li>{@code ais-ll}: {@link Ais} log Z (base rates from {@code reference}, else from {@code data})
 *       and the mean log-likelihood of {@code data} under it, with the AIS spread, runs and β;</li>
 *   <li>{@code pseudo-ll}: mean pseudo-log-likelihood over all units;</li>
 *   <li>{@code recon-error}: mean squared mean-field reconstruction error;</li>
 *   <li>{@code free-energy-gap}: mean F(data) − mean F(reference), data the held-out rows and
 *       reference the training rows;</li>
 *   <li>{@code features-accuracy}: softmax regression on hidden probabilities of {@code reference}
 *       (the labelled training set) tested on {@code data} (the labelled test set), and the same
 *       on raw pixels;</li>
 *   <li>{@code svd}: the {@link WeightSpectrum#RECORDED} largest singular values of W
 *       ({@code singular_values}, largest first; {@link WeightSpectrum}), whatever the data.</li>
 * </ul>
 */
public final class Evaluation {
  /** The metric names. */
  public static final List<String> METRICS =
      List.of("exact-ll", "ais-ll", "pseudo-ll", "recon-error", "free-energy-gap", "features-accuracy", "svd");

  private Evaluation() {}

  /**
   * Computes one metric.
   *
   * @param metric one of {@link #METRICS}
   * @param rbm the model
   * @param data the rows evaluated (the test or held-out set)
   * @param reference the training set where the metric needs one (ais-ll base rates,
   *     free-energy-gap, features-accuracy); may be null otherwise
   * @param seed seed of the random parts (AIS runs, classifier row order)
   */
  public static Map<String, Object> run(String metric, Rbm rbm, Dataset data, Dataset reference, long seed) {
    check(rbm, data);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("metric", metric);
    m.put("rows", data.rows());
    long t0 = System.nanoTime();
    switch (metric.toLowerCase(Locale.ROOT)) {
      case "exact-ll" -> {
        ExactRbm exact = ExactRbm.of(rbm);
        m.put("logz", exact.logZ());
        m.put("exact_ll", RbmMeasures.logLikelihood(rbm, data.values(), data.rows(), exact.logZ()));
      }
      case "ais-ll" -> {
        Dataset base = reference != null ? reference : data;
        check(rbm, base);
        Ais.Result r = Ais.logPartition(rbm, base.values(), base.rows(), Ais.Settings.standard(seed));
        m.putAll(r.toMap());
        m.put("ais_ll", RbmMeasures.logLikelihood(rbm, data.values(), data.rows(), r.logZ()));
      }
      case "pseudo-ll" -> m.put("pseudo_ll", RbmMeasures.pseudoLogLikelihood(rbm, data.values(), data.rows()));
      case "recon-error" -> m.put("recon_error", RbmMeasures.reconstructionError(rbm, data.values(), data.rows()));
      case "free-energy-gap" -> {
        if (reference == null) throw new IllegalArgumentException("free-energy-gap needs the training rows as reference");
        check(rbm, reference);
        m.put("free_energy_gap", RbmMeasures.freeEnergyGap(rbm, reference.values(), reference.rows(), data.values(), data.rows()));
      }
      case "features-accuracy" -> {
        if (reference == null || !reference.hasLabels() || !data.hasLabels()) {
          throw new IllegalArgumentException("features-accuracy needs labelled training (reference) and test (data) sets");
        }
        check(rbm, reference);
        int classes = 1 + Math.max(max(reference.labels()), max(data.labels()));
        m.putAll(FeaturesAccuracy.run(rbm, reference.values(), reference.labels(), reference.rows(),
            data.values(), data.labels(), data.rows(), classes, SoftmaxRegression.Settings.defaults(seed)));
      }
      case "svd" -> {
        double[] s = WeightSpectrum.singularValues(rbm);
        m.put("singular_values", Arrays.copyOf(s, Math.min(s.length, WeightSpectrum.RECORDED)));
      }
      default -> throw new IllegalArgumentException("metric " + metric + " (expected one of " + METRICS + ")");
    }
    m.putIfAbsent("seconds", (System.nanoTime() - t0) / 1e9);
    return m;
  }

  /**
   * A per-epoch monitor for {@code RbmTrainer.withEpochMetrics}: the named metrics (keys prefixed
   * as in {@link #run}) of the current model on {@code heldOut} (or on {@code train} when null);
   * {@code exact-ll} is skipped silently when the model is too large to enumerate.
   */
  public static Function<Rbm, Map<String, Object>> perEpoch(List<String> metrics, Dataset train, Dataset heldOut, long seed) {
    for (String name : metrics) {
      if (!METRICS.contains(name)) throw new IllegalArgumentException("metric " + name + " (expected one of " + METRICS + ")");
    }
    return rbm -> {
      Map<String, Object> out = new LinkedHashMap<>();
      Dataset target = heldOut != null ? heldOut : train;
      for (String name : metrics) {
        if (name.equals("exact-ll") && Math.min(rbm.nVisible(), rbm.nHidden()) > ExactRbm.MAX_ENUMERATED) continue;
        if (name.equals("free-energy-gap") && heldOut == null) continue;
        Map<String, Object> r = run(name, rbm, target, train, seed);
        r.remove("metric");
        r.remove("rows");
        r.remove("seconds");
        out.putAll(r);
        if (name.equals("exact-ll") && heldOut != null && train != null) {
          out.put("exact_ll_train", RbmMeasures.logLikelihood(rbm, train.values(), train.rows(), (double) r.get("logz")));
        }
      }
      return out;
    };
  }

  /**
   * One metric of any model, as {@code eval} reports it: {@code rows}, {@code value} (the metric's
   * figure) and, for an RBM, the rest of {@link #run}'s keys. A general Boltzmann machine has one
   * metric, {@code exact-ll}: the mean exact log p(v) per pattern over data in {0,1} (mapped to ±1
   * for spin units), by enumeration ({@link ExactBoltzmann}), in nats per pattern.
   */
  public static Map<String, Object> evaluate(String metric, Model model, Dataset data, Dataset reference, long seed) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("rows", data.rows());
    if (model instanceof Rbm rbm) {
      Map<String, Object> e = run(metric, rbm, data, reference, seed);
      e.remove("metric");
      e.remove("rows");
      String key = metric.replace('-', '_');
      if (e.containsKey(key)) out.put("value", e.get(key));
      out.putAll(e);
      return out;
    }
    if (!metric.equals("exact-ll")) {
      throw new IllegalArgumentException("metric " + metric + " is for RBMs (this model is a Boltzmann machine; use exact-ll)");
    }
    if (!data.isBinary()) throw new IllegalArgumentException(data.name() + ": values are not all 0 or 1 (expected binary data)");
    BoltzmannMachine machine = (BoltzmannMachine) model;
    double[][] rows = data.rowsAsDouble();
    if (machine.units() == Units.SPIN) {
      for (int i = 0; i < rows.length; i++) rows[i] = BoltzmannMachine.convertState(rows[i], Units.BINARY, Units.SPIN);
    }
    out.put("value", ExactBoltzmann.of(machine).meanLogLikelihood(rows));
    out.put("unit", "nats per pattern");
    return out;
  }

  private static int max(int[] x) {
    int m = 0;
    for (int v : x) m = Math.max(m, v);
    return m;
  }

  private static void check(Rbm rbm, Dataset d) {
    if (d.cols() != rbm.nVisible()) {
      throw new IllegalArgumentException(d.name() + " has " + d.cols() + " columns (expected the model's " + rbm.nVisible() + " visible units)");
    }
  }
}
