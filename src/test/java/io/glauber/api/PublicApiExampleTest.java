package io.glauber.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glauber.data.DataSpecs;
import io.glauber.data.Dataset;
import io.glauber.engine.batch.RbmSampler;
import io.glauber.engine.batch.RbmTrainer;
import io.glauber.engine.batch.TrainConfig;
import io.glauber.exact.ExactRbm;
import io.glauber.io.ModelFiles;
import io.glauber.model.Rbm;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example program of docs/API.md, using the public API only (this package is outside the library's). */
class PublicApiExampleTest {
  @TempDir Path dir;

  @Test
  void theDocumentedExampleTrainsSavesLoadsSamplesAndEvaluates() {
    // --- the example of docs/API.md ---
    Dataset bas = DataSpecs.load("bas:4x4");
    TrainConfig config = TrainConfig.parse("seed = 1, model.hidden = 16, train { method = cd, k = 20,"
        + " epochs = 1500, batch-size = 10, learning-rate = 0.05, momentum = 0.5, weight-decay = 0 }");
    Rbm rbm;
    try (RbmTrainer trainer = new RbmTrainer(config, bas.values(), bas.rows(), bas.cols())) {
      trainer.train((epoch, metrics) -> { });
      rbm = trainer.rbm();
    }
    double ll = ExactRbm.of(rbm).meanLogLikelihood(bas.rowsAsDouble());
    ModelFiles.write(dir.resolve("bas.npz"), rbm, false);
    Rbm loaded = ModelFiles.readRbm(dir.resolve("bas.npz"));
    List<int[]> samples = new ArrayList<>();
    new RbmSampler(loaded, 10, 1.0, null, 7).run(500, 100, 5, samples::add);
    // --- end of example ---

    assertEquals(rbm, loaded);
    assertEquals(100, samples.size());
    assertTrue(ll > -4.5, "mean exact LL " + ll);
    long barsOrStripes = samples.stream().filter(PublicApiExampleTest::isBarsOrStripes).count();
    assertTrue(barsOrStripes >= 80, barsOrStripes + " of 100 samples are bars-and-stripes patterns");
  }

  static boolean isBarsOrStripes(int[] v) {
    boolean rows = true, cols = true;
    for (int r = 0; r < 4; r++) for (int c = 0; c < 4; c++) {
      rows &= v[r * 4 + c] == v[r * 4];
      cols &= v[r * 4 + c] == v[c];
    }
    return rows || cols;
  }
}
