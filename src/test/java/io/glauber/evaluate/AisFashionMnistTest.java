package io.glauber.evaluate;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.glauber.data.DataSpecs;
import io.glauber.data.Dataset;
import io.glauber.engine.batch.RbmTrainer;
import io.glauber.engine.batch.TrainConfig;
import io.glauber.exact.ExactRbm;
import io.glauber.model.Rbm;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The AIS correctness target of issue 3: on a 784×20 RBM trained briefly on Fashion-MNIST, AIS
 * (100 runs, 14,501 β) agrees with the exact log Z (2²⁰ hidden states enumerated) within 0.5 nats.
 */
class AisFashionMnistTest {
  static final String IMAGES = "/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz";

  @Test
  void aisMatchesExactLogZOfA784By20RbmTrainedOnFashionMnist() {
    assumeTrue(Files.exists(Path.of(IMAGES)), "Fashion-MNIST not installed (Debian package dataset-fashion-mnist)");
    Dataset d = DataSpecs.load("idx:" + IMAGES + "?binarize=0.5&limit=10000");
    TrainConfig cfg = TrainConfig.parse("seed = 2, model.hidden = 20, train { method = cd, k = 1, epochs = 3,"
        + " batch-size = 100, learning-rate = 0.05, momentum.switch-epoch = 1, monitor-rows = 0 }");
    Rbm rbm;
    try (RbmTrainer t = new RbmTrainer(cfg, d.values(), d.rows(), d.cols())) {
      t.train(null);
      rbm = t.rbm();
    }
    double exact = ExactRbm.of(rbm).logZ();
    Ais.Result r = Ais.logPartition(rbm, d.values(), d.rows(), Ais.Settings.standard(5));
    assertEquals(100, r.runs());
    assertEquals(14_501, r.betas());
    assertEquals(exact, r.logZ(), 0.5, "AIS " + r + " vs exact " + exact);
    // the reported spread must cover the error it claims to bound, within 3 standard errors + 0.05
    assertTrue(Math.abs(r.logZ() - exact) < 3 * r.logZStdErr() + 0.05, "AIS " + r + " vs exact " + exact);
  }
}
