package io.glauber.cli;

import static io.glauber.cli.CliTest.assertOneLineError;
import static io.glauber.cli.CliTest.filesIn;
import static io.glauber.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glauber.exact.ExactBoltzmann;
import io.glauber.io.ModelFiles;
import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Clamp;
import io.glauber.model.Units;
import io.glauber.testing.ChiSquare;
import io.glauber.testing.RandomModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sample --clamp/--label} on both engines, and the rbm-labels job end to end on a subset. */
class LabelsCliTest {
  @TempDir Path dir;

  private static final String FASHION = "/usr/share/datasets/fashion-mnist/";

  /** A 4-visible, 2-hidden dense BM; units 0 and 3 clamped to 1 and 0 leave units 1 and 2 free. */
  @Test
  void clampedSamplesOfABoltzmannMachineFollowTheExactConditionalOnBothEngines() throws Exception {
    BoltzmannMachine m = RandomModels.boltzmann(6, Units.BINARY, 1.0, 1.0, 21);
    BoltzmannMachine bm = new BoltzmannMachine(Units.BINARY, m.couplings(), m.bias(), 4, 1.0);
    Path model = dir.resolve("bm.npz");
    ModelFiles.write(model, bm, false);
    Clamp clamp = Clamp.parse("0=1,3=0", 4);
    double[] exact = ExactBoltzmann.of((BoltzmannMachine) clamp.reduce(bm)).visibleDistribution(); // checked against the full model in ClampTest
    // batch: one sample per chain after the burn-in (independent draws); actors: one chain, thinned by 10 sweeps
    for (String[] engine : List.of(new String[] {"batch", "--chains", "2000", "--samples", "2000"},
        new String[] {"actor", "--thin", "10", "--samples", "600"})) {
      Path out = dir.resolve(engine[0] + ".csv");
      CliTest.Run r = run("sample", "--model", model.toString(), "--engine", engine[0], engine[1], engine[2], engine[3], engine[4],
          "--burn-in", "50", "--clamp", "0=1,3=0", "--seed", "3", "--out", out.toString());
      assertEquals(0, r.code(), r.err());
      long[] counts = new long[4];
      for (String line : Files.readAllLines(out)) {
        String[] v = line.split(",");
        assertEquals("1", v[0], engine[0] + ": unit 0 clamped on");
        assertEquals("0", v[3], engine[0] + ": unit 3 clamped off");
        counts[Integer.parseInt(v[1]) + 2 * Integer.parseInt(v[2])]++;
      }
      ChiSquare.Result chi = ChiSquare.test(counts, exact);
      assertTrue(chi.pValue() > 1e-3, engine[0] + ": " + chi);
    }
  }

  @Test
  void labelClampsTheLastUnitsOfAnRbmOnBothEnginesAndBadClampsWriteNothing() throws Exception {
    Path model = dir.resolve("rbm.npz");
    ModelFiles.write(model, RandomModels.rbm(7, 3, 1.0, 0.5, 2), false);
    for (String engine : List.of("batch", "actor")) {
      Path out = dir.resolve("l-" + engine + ".csv");
      CliTest.Run r = run("sample", "--model", model.toString(), "--engine", engine, "--samples", "20", "--burn-in", "5",
          "--label", "1", "--classes", "3", "--out", out.toString());
      assertEquals(0, r.code(), r.err());
      assertTrue(Files.readAllLines(out).stream().allMatch(l -> l.endsWith(",0,1,0")), engine);
      Files.delete(out);
    }
    String out = dir.resolve("bad.csv").toString();
    assertOneLineError(run("sample", "--model", model.toString(), "--samples", "5", "--clamp", "9=1", "--out", out),
        "--clamp names unit 9 but the model has 7 visible units");
    assertOneLineError(run("sample", "--model", model.toString(), "--engine", "actor", "--samples", "5", "--clamp", "0-2=1x1", "--out", out), "--clamp");
    assertOneLineError(run("sample", "--model", model.toString(), "--samples", "5", "--label", "3", "--classes", "3", "--out", out), "--label 3");
    assertOneLineError(run("sample", "--model", model.toString(), "--samples", "5", "--clamp", "6=1", "--label", "0", "--classes", "3", "--out", out),
        "clamped to both");
    assertEquals(List.of("rbm.npz"), filesIn(dir), "no output and no temporary file");
  }

  @Test
  void theLabelsJobOnASubsetPrintsTheThreeAccuraciesAndDrawsItsPictures() throws Exception {
    Path out = dir.resolve("run");
    String spec = "downsample=2&binarize=0.5&classes=10";
    CliTest.Run r = run("train", "--config", "config/rbm-fashion-labels.conf",
        "--set", "data=\"idx:" + FASHION + "train-images-idx3-ubyte.gz?" + spec + "&limit=1200\"",
        "--set", "test-data=\"idx:" + FASHION + "t10k-images-idx3-ubyte.gz?" + spec + "&limit=300\"",
        "--set", "model.hidden=50", "--set", "train.epochs=20", "--set", "labels.sweeps=30", "--set", "labels.validation-rows=200",
        "--set", "labels.logistic-epochs=2", "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    JsonNode n = new ObjectMapper().readTree(r.out().lines().reduce((a, b) -> b).orElseThrow());
    for (String key : List.of("test_accuracy", "exact_accuracy", "logistic_regression_accuracy", "vote_accuracy")) {
      double v = n.get(key).asDouble();
      assertTrue(v > 0.1 && v <= 1, key + " = " + v + " (better than chance on 10 classes)");
    }
    assertEquals(1000, n.get("train_rows").asInt());
    assertEquals(300, n.get("test_rows").asInt());
    assertEquals(200, n.get("validation").get("test_rows").asInt());
    for (String f : List.of("model.npz", "samples-per-label.png", "completions.png")) assertTrue(Files.size(out.resolve(f)) > 0, f);

    Path bad = dir.resolve("bad");
    assertOneLineError(run("train", "--config", "config/rbm-fashion-labels.conf",
        "--set", "data=\"idx:" + FASHION + "train-images-idx3-ubyte.gz?" + spec.replace("classes=10", "classes=5") + "&limit=100\"",
        "--out", bad.toString()), "is outside 0..4");
    assertOneLineError(run("train", "--config", "config/rbm-fashion-labels.conf", "--set", "labels.sweeps=0", "--out", bad.toString()),
        "sweeps = 0");
    assertTrue(!Files.exists(bad), "nothing written");
  }

  /**
   * {@code sample --pictures} on both engines (neuron actors in exact mode, the batched engine) for
   * an RBM (actors) and a BM (batched) of 4×4 images and 2 label units: both PNG grids appear, with one row of 10 tiles
   * per label and one row per completed image (the original, its clamped top half, 8 completions),
   * 4×4 tiles scaled ×2 with 1-pixel separators; every completion keeps the clamped top half.
   */
  @Test
  void picturesOfConditionalGenerationHaveTheirShapeOnBothEnginesAndKeepTheClampedHalf() throws Exception {
    Path rbm = dir.resolve("rbm.npz");
    ModelFiles.write(rbm, RandomModels.rbm(18, 3, 1.0, 0.5, 4), false);
    Path bm = dir.resolve("bm.npz");
    BoltzmannMachine m = RandomModels.boltzmann(21, Units.BINARY, 1.0, 0.5, 5);
    ModelFiles.write(bm, new BoltzmannMachine(Units.BINARY, m.couplings(), m.bias(), 18, 1.0), false);
    io.glauber.data.Dataset images = io.glauber.data.DataSpecs.load("bas:4x4");
    for (String[] c : List.of(new String[] {"actor", rbm.toString()}, new String[] {"batch", bm.toString()})) {
      Path out = dir.resolve("pictures-" + c[0] + "-" + Path.of(c[1]).getFileName());
      CliTest.Run r = run("sample", "--model", c[1], "--engine", c[0], "--pictures", "bas:4x4", "--classes", "2", "--burn-in", "5",
          "--out", out.toString());
      assertEquals(0, r.code(), r.err());
      java.awt.image.BufferedImage labels = javax.imageio.ImageIO.read(out.resolve("samples-per-label.png").toFile());
      assertEquals(10 * 9 - 1, labels.getWidth(), "10 tiles of 4×2 pixels and separators a row");
      assertEquals(2 * 9 - 1, labels.getHeight(), "one row per label");
      java.awt.image.BufferedImage completions = javax.imageio.ImageIO.read(out.resolve("completions.png").toFile());
      assertEquals(10 * 9 - 1, completions.getWidth(), "original, clamped half and 8 completions a row");
      assertEquals(10 * 9 - 1, completions.getHeight(), "the first 10 images");
      for (int row = 0; row < 10; row++) {
        float[] image = images.row(row, null);
        for (int tile = 2; tile < 10; tile++) {
          for (int pixel = 0; pixel < 8; pixel++) { // the top two rows of the 4×4 image were clamped
            int grey = completions.getRaster().getSample(tile * 9 + (pixel % 4) * 2, row * 9 + (pixel / 4) * 2, 0);
            assertEquals(image[pixel] > 0.5f ? 255 : 0, grey, c[0] + " " + c[1] + ": image " + row + ", completion " + tile + ", pixel " + pixel);
          }
        }
      }
    }
    assertOneLineError(run("sample", "--model", rbm.toString(), "--engine", "actor", "--pictures", "bas:5x5", "--classes", "2",
        "--out", dir.resolve("bad").toString()), "images of 25 units");
  }

  /**
   * The BM variant of the labels job (hidden-hidden and label-label links, two-phase learning on
   * mini-batches) on a subset: it prints test_accuracy by clamping and the baseline, better than
   * chance, and saves a Boltzmann machine with the configured graph.
   */
  @Test
  void theBoltzmannMachineLabelsJobOnASubsetPrintsTheAccuraciesAndSavesItsMachine() throws Exception {
    Path out = dir.resolve("bm");
    String spec = "downsample=2&binarize=0.5&classes=10";
    CliTest.Run r = run("train", "--config", "config/bm-fashion-labels.conf",
        "--set", "data=\"idx:" + FASHION + "train-images-idx3-ubyte.gz?" + spec + "&limit=1200\"",
        "--set", "test-data=\"idx:" + FASHION + "t10k-images-idx3-ubyte.gz?" + spec + "&limit=300\"",
        "--set", "model.hidden=20", "--set", "model.groups=\"image=0-195, label=196-205, hidden=206-225\"",
        "--set", "train.cycles=300", "--set", "labels.sweeps=30", "--set", "labels.validation-rows=200",
        "--set", "labels.logistic-epochs=2", "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    JsonNode n = new ObjectMapper().readTree(r.out().lines().reduce((a, b) -> b).orElseThrow());
    for (String key : List.of("test_accuracy", "logistic_regression_accuracy")) {
      double v = n.get(key).asDouble();
      assertTrue(v > 0.1 && v <= 1, key + " = " + v + " (better than chance on 10 classes)");
      assertTrue(n.get("validation").get(key).asDouble() > 0.1, "validation " + key);
    }
    assertEquals(300, n.get("train_cycles").asInt());
    BoltzmannMachine m = (BoltzmannMachine) ModelFiles.read(out.resolve("model.npz"));
    assertEquals(206, m.nVisible());
    assertEquals(20, m.nHidden());
    assertEquals(196 * 20 + 10 * 20 + 45 + 190, m.couplings().pairCount(), "image-hidden, label-hidden, label-label, hidden-hidden");
  }
}
