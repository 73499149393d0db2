package io.glauber.engine.actor.layer;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.glauber.learn.RuleSchedule;
import io.glauber.model.Rbm;
import java.time.Duration;

/**
 * A layer-actor training run as a configuration file describes it, validated up front: the
 * starting model ({@code model.hidden} hidden units, weights of {@code train.init-std}) and the
 * trainer's {@link LayerSettings}. Read from HOCON by {@link #from} with the batched engine's keys
 * and defaults ({@link RuleSchedule#DEFAULTS}), so one configuration drives either engine:
 *
 * <pre>
 * seed = 1
 * model.hidden = 16
 * train { method = cd, k = 1, epochs = 10, batch-size = 100, init-std = 0.01, learning-rate … }
 * actor.phase-timeout-s = 60     # the longest a phase may take before the run fails
 * </pre>
 *
 * The layer actors run CD-k or PCD-k ({@code train.method = pt} is refused) with as many persistent
 * chains as a mini-batch has rows ({@code train.chains}, when given, must say so).
 *
 * @param hidden hidden units of the starting model
 * @param initStd standard deviation of its initial weights ({@link io.glauber.learn.Initialisation#hinton})
 * @param settings the trainer's settings, with one learning rule per epoch
 */
public record LayerTrainConfig(int hidden, double initStd, LayerSettings settings) {

  /** The default of {@code actor.phase-timeout-s}. */
  public static final int PHASE_TIMEOUT_S = 60;

  public LayerTrainConfig {
    if (hidden < 1) throw new IllegalArgumentException("model.hidden = " + hidden + " (expected ≥ 1)");
    if (!(initStd >= 0) || Double.isInfinite(initStd)) throw new IllegalArgumentException("train.init-std = " + initStd + " (expected finite, ≥ 0)");
    if (settings == null) throw new IllegalArgumentException("layer settings missing");
  }

  /** Reads the keys of the class comment from {@code c}, defaults for the missing ones. */
  public static LayerTrainConfig from(Config c) {
    Config f = c.withFallback(ConfigFactory.parseString(RuleSchedule.DEFAULTS
        + "\nactor.phase-timeout-s = " + PHASE_TIMEOUT_S)).resolve();
    Config t = f.getConfig("train");
    String method = t.getString("method").trim().toLowerCase(java.util.Locale.ROOT);
    if (!method.equals("cd") && !method.equals("pcd")) {
      throw new IllegalArgumentException("train.method = " + method + " (expected cd or pcd: the layer actors run no " + method + ")");
    }
    int batchSize = t.getInt("batch-size");
    if (method.equals("pcd") && c.hasPath("train.chains") && t.getInt("chains") != batchSize) {
      throw new IllegalArgumentException("train.chains = " + t.getInt("chains") + " (expected train.batch-size = " + batchSize
          + ": the layer actors run as many persistent chains as a mini-batch has rows)");
    }
    RuleSchedule schedule = RuleSchedule.from(f);
    int timeout = f.getInt("actor.phase-timeout-s");
    if (timeout < 1) throw new IllegalArgumentException("actor.phase-timeout-s = " + timeout + " (expected ≥ 1)");
    LayerSettings settings = new LayerSettings(t.getInt("k"), schedule.epochs(), batchSize, schedule.ruleAt(0), f.getLong("seed"),
        method.equals("pcd"), Duration.ofSeconds(timeout));
    return new LayerTrainConfig(f.getInt("model.hidden"), t.getDouble("init-std"),
        settings.withSchedule(schedule.rules()));
  }

  /**
   * The starting model for {@code data}: {@link LayerEngine#initial} with this run's shape and scale,
   * its weights drawn from a stream split from the seed (the data order's and the layers' streams
   * are {@link RunRandom}'s, from the same seed).
   */
  public Rbm initial(double[][] data) {
    return LayerEngine.initial(data, hidden, initStd, new java.util.SplittableRandom(settings.seed()).split());
  }
}
