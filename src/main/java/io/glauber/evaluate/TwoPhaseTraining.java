package io.glauber.evaluate;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.glauber.data.Dataset;
import io.glauber.exact.ExactBoltzmann;
import io.glauber.io.Plots;
import io.glauber.learn.PhaseSampler;
import io.glauber.learn.StartingMachine;
import io.glauber.learn.TwoPhaseLearning;
import io.glauber.learn.TwoPhaseSettings;
import io.glauber.model.BoltzmannMachine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;

/**
 * One training run of a Boltzmann machine by the two-phase algorithm ({@link TwoPhaseLearning}) on
 * data, monitored by the exact mean log-likelihood of the data (hidden units summed out,
 * {@link ExactBoltzmann}) every {@code every} cycles and at the last, whatever the engine. The
 * learning rate falls linearly from {@code learning.learning-rate} to {@code train.learning-rate-final}.
 *
 * <pre>
 * train {
 *   cycles = 15000
 *   learning-rate-final = 0.01   # default: no decay
 *   seconds = 60                 # stop early after this much training time (default: none)
 * }
 * eval.every = 1000
 * </pre>
 *
 * @param rows the training vectors
 * @param initial the starting machine
 * @param settings the algorithm's settings
 * @param cycles learning cycles ≥ 1
 * @param finalRate η at the last cycle
 * @param seconds training-time budget (may be infinite)
 * @param every cycles between evaluations ≥ 1
 */
public record TwoPhaseTraining(double[][] rows, BoltzmannMachine initial, TwoPhaseSettings settings, long cycles, double finalRate,
    double seconds, int every) {

  public TwoPhaseTraining {
    if (cycles < 1) throw new IllegalArgumentException("config: train.cycles = " + cycles + " (expected ≥ 1)");
    if (!(finalRate > 0) || Double.isInfinite(finalRate)) throw new IllegalArgumentException("config: train.learning-rate-final = " + finalRate + " (expected finite > 0)");
    if (!(seconds > 0)) throw new IllegalArgumentException("config: train.seconds = " + seconds + " (expected > 0)");
    if (every < 1) throw new IllegalArgumentException("config: eval.every = " + every + " (expected ≥ 1)");
  }

  /** The run a configuration describes, its starting weights drawn from {@code random}. */
  public static TwoPhaseTraining from(Config c, Dataset data, TwoPhaseSettings settings, SplittableRandom random) {
    try {
      BoltzmannMachine initial = StartingMachine.from(c, data.cols(), settings.temperature(), random);
      return new TwoPhaseTraining(data.rowsAsDouble(), initial, settings, c.getLong("train.cycles"),
          c.hasPath("train.learning-rate-final") ? c.getDouble("train.learning-rate-final") : settings.rule().learningRate(),
          c.hasPath("train.seconds") ? c.getDouble("train.seconds") : Double.POSITIVE_INFINITY, c.hasPath("eval.every") ? c.getInt("eval.every") : 100);
    } catch (ConfigException e) {
      throw new IllegalArgumentException("config: " + e.getMessage());
    }
  }

  /**
   * Trains on {@code sampler}; after every cycle {@code report} gets the cycle number and, on the
   * evaluated cycles, the metrics line (cycle, seconds, exact_ll; null otherwise). Returns the
   * model and the evaluated curve.
   */
  public Outcome run(PhaseSampler sampler, BiConsumer<Long, Map<String, Object>> report) {
    long t0 = System.nanoTime();
    boolean exact = initial.size() <= ExactBoltzmann.MAX_UNITS;
    List<double[]> curve = new ArrayList<>();
    TwoPhaseLearning learning = new TwoPhaseLearning(initial, settings, sampler);
    BoltzmannMachine model = learning.train(rows, cycles, finalRate, cycle -> {
      double elapsed = (System.nanoTime() - t0) / 1e9;
      boolean last = cycle.number() == cycles || elapsed >= seconds;
      Map<String, Object> m = null;
      if (exact && (cycle.number() % every == 0 || last)) {
        double ll = ExactBoltzmann.of(cycle.model()).meanLogLikelihood(rows);
        curve.add(new double[] {cycle.number(), ll});
        m = new LinkedHashMap<>();
        m.put("cycle", cycle.number());
        m.put("seconds", elapsed);
        m.put("exact_ll", ll);
      }
      report.accept(cycle.number(), m);
      return !last;
    });
    return new Outcome(model, learning.cycles(), (System.nanoTime() - t0) / 1e9, curve);
  }

  /**
   * A finished run.
   *
   * @param model the trained machine
   * @param cycles cycles run
   * @param seconds training time
   * @param curve (cycle, exact mean log-likelihood) of the evaluated cycles
   */
  public record Outcome(BoltzmannMachine model, long cycles, double seconds, List<double[]> curve) {
    /** The last evaluated log-likelihood (NaN when none). */
    public double lastLogLikelihood() {
      return curve.isEmpty() ? Double.NaN : curve.get(curve.size() - 1)[1];
    }

    /** The exact log-likelihood against the cycle, as a PNG. */
    public void writeCurve(Path png, String title, boolean force) {
      double[] x = curve.stream().mapToDouble(p -> p[0]).toArray();
      double[] y = curve.stream().mapToDouble(p -> p[1]).toArray();
      Plots.lines(png, title, "learning cycle", "exact mean log-likelihood (nats per pattern)", Map.of("exact LL", new double[][] {x, y}), force);
    }
  }
}
