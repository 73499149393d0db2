package io.glauber.experiments;

import io.glauber.data.DataSpecs;
import io.glauber.data.Dataset;
import io.glauber.engine.batch.RbmTrainer;
import io.glauber.engine.batch.TrainConfig;
import io.glauber.evaluate.Ais;
import io.glauber.evaluate.Evaluation;
import io.glauber.evaluate.FeaturesAccuracy;
import io.glauber.evaluate.RbmMeasures;
import io.glauber.evaluate.SoftmaxRegression;
import io.glauber.io.Json;
import io.glauber.io.ModelFiles;
import io.glauber.model.Rbm;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Fashion-MNIST experiment of docs/RBM.md (not a unit test): trains a 784-500 RBM with
 * config/rbm-fashion-mnist.conf (epochs from the command line), then scikit-learn's BernoulliRBM
 * for the same wall time (bench/sklearn_model.py), and scores both with the same code: AIS test
 * log-likelihood and features accuracy (softmax on hidden probabilities vs raw pixels).
 *
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java --add-modules=jdk.incubator.vector -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *   io.glauber.experiments.FashionMnistExperiment EPOCHS OUT_DIR
 * </pre>
 */
public final class FashionMnistExperiment {
  private FashionMnistExperiment() {}

  public static void main(String[] args) throws Exception {
    int epochs = Integer.parseInt(args[0]);
    Path out = Path.of(args[1]);
    Files.createDirectories(out);
    Dataset train = DataSpecs.load("idx:/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz?binarize=0.5");
    Dataset test = DataSpecs.load("idx:/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz?binarize=0.5");
    Dataset trainSubset = train.subset(0, 10_000);
    TrainConfig cfg = TrainConfig.from(ConfigFactory.parseFile(Path.of("config/rbm-fashion-mnist.conf").toFile())
        .withFallback(ConfigFactory.parseString("train.epochs = " + epochs))
        .withValue("train.epochs", com.typesafe.config.ConfigValueFactory.fromAnyRef(epochs)));
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("config", cfg.toString());
    long t0 = System.nanoTime();
    Rbm ours;
    try (var metrics = io.glauber.io.MetricsWriter.open(out.resolve("metrics.jsonl"), true);
        RbmTrainer t = new RbmTrainer(cfg, train.values(), train.rows(), train.cols())) {
      t.withEpochMetrics(Evaluation.perEpoch(List.of("recon-error", "free-energy-gap"), trainSubset, test, 1));
      t.train((e, m) -> {
        metrics.write(m);
        System.out.println(Json.toLine(m));
      });
      ours = t.rbm();
    }
    double trainSeconds = (System.nanoTime() - t0) / 1e9;
    result.put("train_seconds", trainSeconds);
    ModelFiles.write(out.resolve("glauber-rbm.npz"), ours, true);

    Path sk = out.resolve("sklearn-rbm.npz");
    Process p = new ProcessBuilder("/usr/bin/python3", "bench/sklearn_model.py", "--seconds", "" + trainSeconds, "--out", sk.toString())
        .inheritIO().start();
    if (p.waitFor() != 0) throw new IllegalStateException("sklearn_model.py failed");
    Rbm theirs = ModelFiles.readRbm(sk);

    for (var e : Map.of("glauber", ours, "sklearn", theirs).entrySet()) {
      Rbm m = e.getValue();
      Ais.Result r = Ais.logPartition(m, train.values(), train.rows(), Ais.Settings.standard(7));
      Map<String, Object> s = new LinkedHashMap<>(r.toMap());
      s.put("test_ll", RbmMeasures.logLikelihood(m, test.values(), test.rows(), r.logZ()));
      s.put("train_ll", RbmMeasures.logLikelihood(m, trainSubset.values(), trainSubset.rows(), r.logZ()));
      s.put("recon_error_test", RbmMeasures.reconstructionError(m, test.values(), test.rows()));
      s.put("pseudo_ll_test_1000", RbmMeasures.pseudoLogLikelihood(m, test.values(), 1000));
      s.putAll(FeaturesAccuracy.run(m, train.values(), train.labels(), train.rows(), test.values(), test.labels(), test.rows(),
          10, SoftmaxRegression.Settings.defaults(1)));
      result.put(e.getKey(), s);
      System.out.println(e.getKey() + ": " + Json.toLine(s));
    }
    Files.writeString(out.resolve("result.json"), Json.toLine(result) + "\n");
    System.out.println(Json.toLine(result));
  }
}
