package io.glauber.bench;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.glauber.data.DataSpecs;
import io.glauber.data.Dataset;
import io.glauber.data.LabelUnits;
import io.glauber.data.Shuffle;
import io.glauber.engine.batch.AnnealedPhases;
import io.glauber.evaluate.BmLabelClassification;
import io.glauber.evaluate.LabelClassification;
import io.glauber.io.Json;
import io.glauber.io.ModelFiles;
import io.glauber.learn.PhaseSampler;
import io.glauber.learn.StartingMachine;
import io.glauber.learn.TwoPhaseLearning;
import io.glauber.learn.TwoPhaseSettings;
import io.glauber.model.BoltzmannMachine;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Classification by clamping with a general Boltzmann machine (seed 002; docs/CLASSIFICATION.md,
 * "A Boltzmann machine with label units"), what {@code bin/glauber train} runs for
 * {@code model.type = bm-labels} (config/bm-fashion-labels.conf): binary images followed by C
 * one-hot label units ({@link LabelUnits}) as the visible units of a machine whose topology
 * ({@link StartingMachine}) may couple hidden units to each other and label units to each other,
 * trained by the two-phase rule ({@link TwoPhaseLearning} on the batched engine's
 * {@link AnnealedPhases}) on mini-batches of {@code train.batch-size} rows drawn in a fresh random
 * order every epoch, for {@code train.cycles} cycles or {@code train.seconds}, η falling linearly to
 * {@code train.learning-rate-final}. Then {@link BmLabelClassification#evaluate} on the validation
 * rows and on {@code test-data}: one JSON object with {@code test_accuracy} (clamped reading) and
 * {@code logistic_regression_accuracy}; model.npz goes into the output directory.
 */
public final class BmClassificationExperiment {
  private BmClassificationExperiment() {}

  /** Runs the experiment of configuration {@code c} into {@code out} (the signature of the command line's train jobs). */
  public static void run(Config c, Path out, boolean force, boolean resume) {
    if (resume) throw new IllegalArgumentException("--resume: model.type = bm-labels keeps no checkpoints (expected --config)");
    Dataset data = DataSpecs.load(c.getString("data")).requireBinary();
    if (!c.hasPath("test-data")) throw new IllegalArgumentException("config: missing key 'test-data' (the labelled test images)");
    Dataset test = DataSpecs.load(c.getString("test-data")).requireBinary();
    long seed = c.hasPath("seed") ? c.getLong("seed") : 1;
    LabelClassification.Settings s = LabelClassification.Settings.from(c, seed);
    Dataset trainRows = LabelClassification.trainingRows(data, s);
    Dataset train = LabelUnits.append(trainRows, s.classes());
    TwoPhaseSettings settings = TwoPhaseSettings.from(c);
    long cycles, budget;
    int batch;
    double finalRate;
    try {
      cycles = c.getLong("train.cycles");
      batch = c.getInt("train.batch-size");
      finalRate = c.getDouble("train.learning-rate-final");
      budget = c.hasPath("train.seconds") ? c.getLong("train.seconds") : Long.MAX_VALUE / 1_000_000_000L;
    } catch (ConfigException e) {
      throw new IllegalArgumentException("config: " + e.getMessage());
    }
    if (cycles < 1 || batch < 1 || batch > train.rows()) {
      throw new IllegalArgumentException("config: train.cycles = " + cycles + ", train.batch-size = " + batch + " (expected ≥ 1, and 1.." + train.rows() + " rows)");
    }
    SplittableRandom random = new SplittableRandom(seed);
    BoltzmannMachine initial = StartingMachine.from(c, train.cols(), settings.temperature(), random);
    double[][] rows = train.rowsAsDouble();
    int[] order = new int[rows.length];
    for (int i = 0; i < order.length; i++) order[i] = i;
    SplittableRandom shuffle = random.split();
    double[][] mini = new double[batch][];
    int perEpoch = rows.length / batch;
    long t0 = System.nanoTime();
    BoltzmannMachine model;
    long[] done = {0};
    try (PhaseSampler sampler = AnnealedPhases.create(initial, settings, random.nextLong())) {
      TwoPhaseLearning learning = new TwoPhaseLearning(initial, settings, sampler);
      model = learning.train(k -> {
        int b = (int) (k % perEpoch);
        if (b == 0) Shuffle.shuffle(order, shuffle);
        for (int r = 0; r < batch; r++) mini[r] = rows[order[b * batch + r]];
        return mini;
      }, cycles, finalRate, cycle -> {
        done[0] = cycle.number();
        if (cycle.number() % 1000 == 0) System.err.printf("glauber: cycle %d/%d%n", cycle.number(), cycles);
        return (System.nanoTime() - t0) / 1e9 < budget;
      });
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    ModelFiles.write(out.resolve("model.npz"), model, force);
    Map<String, Object> result = BmLabelClassification.evaluate(model, trainRows, test, s, s.logistic());
    if (s.validationRows() > 0) {
      result.put("validation", BmLabelClassification.evaluate(model, trainRows, data.subset(trainRows.rows(), data.rows()), s, s.logistic()));
    }
    result.put("model", "Boltzmann machine, " + model.nVisible() + " visible (" + s.classes() + " labels) + " + model.nHidden() + " hidden, "
        + model.couplings().pairCount() + " weights");
    result.put("train_cycles", done[0]);
    result.put("train_seconds", seconds);
    System.out.println(Json.toLine(result));
  }
}
