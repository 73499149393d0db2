package io.glauber.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.glauber.exact.ExactRbm;
import io.glauber.io.ModelFiles;
import io.glauber.model.Rbm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Models move between numpy and this project both ways (runs where python3 with numpy is present). */
class NumpyInterchangeTest {
  @TempDir Path dir;
  static boolean numpy;

  @BeforeAll
  static void findNumpy() {
    numpy = pythonOk("import numpy");
  }

  static boolean pythonOk(String code) {
    try {
      Process p = new ProcessBuilder("python3", "-c", code).redirectErrorStream(true).start();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (Exception e) {
      return false;
    }
  }

  static String python(String code) {
    try {
      Process p = new ProcessBuilder("python3", "-c", code).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IllegalStateException("python3 failed: " + out);
      return out.strip();
    } catch (java.io.IOException | InterruptedException e) {
      return "";
    }
  }

  @Test
  void aModelWrittenByNumpyIsLoadedSampledAndEvaluatedByTheCli() throws Exception {
    assumeTrue(pythonOk("import numpy"), "python3 with numpy is not installed");
    Path model = dir.resolve("np.npz");
    // float32 W in Fortran order, float64 biases, as numpy users commonly save
    python("import numpy as np\n"
        + "rng = np.random.default_rng(4)\n"
        + "W = np.asfortranarray(rng.normal(0, 1, (9, 3)).astype(np.float32))\n"
        + "np.savez('" + model + "', W=W, vbias=rng.normal(0, 1, 9), hbias=rng.normal(0, 1, 3).astype(np.float32))\n");
    Rbm rbm = ModelFiles.readRbm(model);
    double w21 = Double.parseDouble(python("import numpy as np; print(repr(float(np.load('" + model + "')['W'][2, 1])))"));
    assertEquals(w21, rbm.weight(2, 1), 0.0);

    CliTest.Run eval = CliTest.run("eval", "--model", model.toString(), "--data", "bas:3x3", "--metric", "exact-ll", "--json");
    assertEquals(0, eval.code(), eval.err());
    double expected = ExactRbm.of(rbm).meanLogLikelihood(io.glauber.data.DataSpecs.load("bas:3x3").rowsAsDouble());
    assertEquals(expected, new com.fasterxml.jackson.databind.ObjectMapper().readTree(eval.out()).get("value").asDouble(), 1e-12);

    Path samples = dir.resolve("s.npy");
    CliTest.Run sample = CliTest.run("sample", "--model", model.toString(), "--samples", "40", "--out", samples.toString());
    assertEquals(0, sample.code(), sample.err());
    assertEquals("(40, 9)", python("import numpy as np; print(np.load('" + samples + "').shape)"));
  }

  @Test
  void aModelWrittenByTheCliIsReadByNumpy() throws Exception {
    assumeTrue(pythonOk("import numpy"), "python3 with numpy is not installed");
    Path out = dir.resolve("run");
    CliTest.Run r = CliTest.run("train", "--config", "config/rbm-bas.conf", "--set", "train.epochs=5", "--set", "output.samples=4", "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    Path model = out.resolve("model.npz");
    assertEquals("(16, 16) (16,) (16,)", python("import numpy as np; d = np.load('" + model + "'); print(d['W'].shape, d['vbias'].shape, d['hbias'].shape)"));
    Rbm rbm = ModelFiles.readRbm(model);
    double sum = Double.parseDouble(python("import numpy as np; print(repr(float(np.load('" + model + "')['W'].sum())))"));
    double mine = 0;
    for (double x : rbm.w()) mine += x;
    assertEquals(mine, sum, 1e-9);
    assertEquals(true, Files.exists(out.resolve("samples.png")));
  }
}
