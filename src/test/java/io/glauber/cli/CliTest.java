package io.glauber.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end, in process: outputs, and one-line errors with non-zero exits. */
class CliTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static synchronized Run run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = Main.execute(args);
      return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  static void assertOneLineError(Run r, String fragment) {
    assertTrue(r.code() != 0, "exit code 0 for a failing run");
    String[] lines = r.err().strip().split("\n");
    assertEquals(1, lines.length, () -> "expected one line of error, got:\n" + r.err());
    assertTrue(lines[0].startsWith("glauber: ") && lines[0].contains(fragment), () -> "error '" + lines[0] + "' lacks '" + fragment + "'");
  }

  @Test
  void trainingOnBarsAndStripesWritesModelMetricsAndSamplesAndEvalAgrees() throws Exception {
    Path out = dir.resolve("run");
    Run r = run("train", "--config", "config/rbm-bas.conf", "--set", "train.epochs=200", "--set", "eval.every=50", "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.size(out.resolve("model.npz")) > 0);
    assertTrue(Files.size(out.resolve("samples.png")) > 0);
    List<String> lines = Files.readAllLines(out.resolve("metrics.jsonl"));
    assertEquals(200, lines.size(), "one line per epoch");
    ObjectMapper json = new ObjectMapper();
    long evaluated = lines.stream().filter(l -> l.contains("\"exact_ll\"")).count();
    assertEquals(4, evaluated, "exact log-likelihood every 50 epochs");
    JsonNode last = json.readTree(lines.get(199));
    assertEquals(200, last.get("epoch").asInt());
    assertTrue(Files.size(out.resolve("curve-ll.png")) > 0);
    assertTrue(Files.exists(out.resolve("checkpoints")) && Files.exists(out.resolve("config.conf")));
    Run e = run("eval", "--model", out.resolve("model.npz").toString(), "--data", "bas:4x4", "--metric", "exact-ll", "--json");
    assertEquals(0, e.code(), e.err());
    assertEquals(last.get("exact_ll").asDouble(), json.readTree(e.out()).get("value").asDouble(), 0.0);

    Run again = run("train", "--config", "config/rbm-bas.conf", "--set", "train.epochs=1", "--out", out.toString());
    assertOneLineError(again, "not empty; use --force");
  }

  @Test
  void trainingWithLayerActorsEvaluatesEveryNEpochsAndEvalAgrees() throws Exception {
    Path out = dir.resolve("actor-run");
    Run r = run("train", "--config", "config/rbm-bas.conf", "--engine", "actor", "--set", "train.epochs=60", "--set", "eval.every=20",
        "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    List<String> lines = Files.readAllLines(out.resolve("metrics.jsonl"));
    assertEquals(60, lines.size(), "one line per epoch");
    ObjectMapper json = new ObjectMapper();
    List<Integer> evaluated = new ArrayList<>();
    for (String l : lines) if (json.readTree(l).has("exact_ll")) evaluated.add(json.readTree(l).get("epoch").asInt());
    assertEquals(List.of(20, 40, 60), evaluated, "the exact log-likelihood every 20 epochs");
    for (String png : List.of("samples.png", "filters.png", "curve-ll.png")) assertTrue(Files.size(out.resolve(png)) > 0, png);
    Run e = run("eval", "--model", out.resolve("model.npz").toString(), "--data", "bas:4x4", "--metric", "exact-ll", "--json");
    assertEquals(0, e.code(), e.err());
    assertEquals(json.readTree(lines.get(59)).get("exact_ll").asDouble(), json.readTree(e.out()).get("value").asDouble(), 1e-9);
    for (String engine : List.of("batch", "actor")) {
      assertOneLineError(run("train", "--config", "config/rbm-bas.conf", "--engine", engine, "--set", "eval.every=0",
          "--out", dir.resolve("every0-" + engine).toString()), "eval.every = 0");
    }
    assertOneLineError(run("train", "--config", "config/rbm-bas.conf", "--engine", "actor", "--set", "train.method=pcd",
        "--set", "train.chains=30", "--out", dir.resolve("chains").toString()), "train.chains = 30");
  }

  @Test
  void anRbmSamplesOnActorsInBothModes() throws Exception {
    Path model = dir.resolve("rbm.npz");
    java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
    double[] w = new double[15];
    for (int k = 0; k < w.length; k++) w[k] = rng.nextDouble(-1, 1);
    io.glauber.io.ModelFiles.write(model, new io.glauber.model.Rbm(5, 3, w, new double[5], new double[3]), false);
    for (String mode : List.of("exact", "async")) {
      Path out = dir.resolve("s-" + mode + ".csv");
      Run r = run("sample", "--model", model.toString(), "--engine", "actor", "--mode", mode, "--samples", "200", "--out", out.toString());
      assertEquals(0, r.code(), r.err());
      List<String> rows = Files.readAllLines(out);
      assertEquals(200, rows.size());
      assertTrue(rows.stream().allMatch(row -> row.matches("[01](,[01]){4}")), () -> mode + ": rows of 5 visible units: " + rows.get(0));
    }
    assertOneLineError(run("sample", "--model", model.toString(), "--engine", "actor", "--mode", "hogwild", "--samples", "5",
        "--out", dir.resolve("s-bad.csv").toString()), "mode 'hogwild'");
    assertTrue(Files.notExists(dir.resolve("s-bad.csv")));
  }

  @Test
  void missingPathsAreOneLineErrors() {
    assertOneLineError(run("train", "--config", dir.resolve("nope.conf").toString()), "no such file: ");
    assertOneLineError(run("eval", "--model", dir.resolve("nope.npz").toString(), "--data", "bas:4x4", "--metric", "exact-ll"), "no such file");
  }

  @Test
  void malformedConfigurationIsAOneLineError() throws Exception {
    Path conf = dir.resolve("bad.conf");
    Files.writeString(conf, "model { type = rbm\n hidden = [1, 2\n");
    assertOneLineError(run("train", "--config", conf.toString(), "--out", dir.resolve("o").toString()), "bad.conf");
    Path wrong = dir.resolve("wrong.conf");
    Files.writeString(wrong, "model { type = rbm, hidden = many }\ndata = \"bas:3x3\"\ntrain { epochs = 1, batch-size = 2, learning-rate = 0.1 }\n");
    assertOneLineError(run("train", "--config", wrong.toString(), "--out", dir.resolve("o2").toString()), "model.hidden");
  }

  @Test
  void nonFiniteDataIsAOneLineError() throws Exception {
    Path csv = dir.resolve("d.csv");
    Files.writeString(csv, "1,0\nNaN,1\n");
    Path model = dir.resolve("m.npz");
    io.glauber.io.ModelFiles.write(model, new io.glauber.model.Rbm(2, 1, new double[2], new double[2], new double[1]), false);
    assertOneLineError(run("eval", "--model", model.toString(), "--data", "csv:" + csv, "--metric", "exact-ll"), "line 2");
  }

  @Test
  void corruptAndTruncatedModelFilesAreOneLineErrors() throws Exception {
    Path model = dir.resolve("m.npz");
    io.glauber.io.ModelFiles.write(model, new io.glauber.model.Rbm(3, 2, new double[6], new double[3], new double[2]), false);
    byte[] bytes = Files.readAllBytes(model);
    Path truncated = dir.resolve("t.npz");
    Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    assertOneLineError(run("eval", "--model", truncated.toString(), "--data", "bas:3x3", "--metric", "exact-ll"), "t.npz");
    Path garbage = dir.resolve("g.npz");
    Files.writeString(garbage, "this is not a zip file");
    assertOneLineError(run("sample", "--model", garbage.toString(), "--samples", "3", "--out", dir.resolve("s.csv").toString()), "g.npz");
  }

  @Test
  void wrongShapesAndUnknownMetricsAreOneLineErrors() throws Exception {
    Path model = dir.resolve("m.npz");
    io.glauber.io.ModelFiles.write(model, new io.glauber.model.Rbm(3, 2, new double[6], new double[3], new double[2]), false);
    assertOneLineError(run("eval", "--model", model.toString(), "--data", "bas:4x4", "--metric", "exact-ll"), "expected n_visible = 3");
    assertOneLineError(run("eval", "--model", model.toString(), "--data", "bas:3x3", "--metric", "magic"), "unknown metric 'magic'");
  }

  @Test
  void samplesAreWrittenAsCsvAndNotOverwrittenWithoutForce() throws Exception {
    Path model = dir.resolve("m.npz");
    io.glauber.io.ModelFiles.write(model, new io.glauber.model.Rbm(4, 2, new double[] {3, -3, 3, -3, -3, 3, -3, 3}, new double[4], new double[2]), false);
    Path out = dir.resolve("s.csv");
    Run r = run("sample", "--model", model.toString(), "--samples", "50", "--burn-in", "10", "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    List<String> rows = Files.readAllLines(out);
    assertEquals(50, rows.size());
    assertTrue(rows.stream().allMatch(l -> l.matches("[01],[01],[01],[01]")));
    assertOneLineError(run("sample", "--model", model.toString(), "--samples", "5", "--out", out.toString()), "--force");
    Run clamped = run("sample", "--model", model.toString(), "--samples", "20", "--clamp", "1---", "--out", dir.resolve("c.csv").toString());
    assertEquals(0, clamped.code(), clamped.err());
    assertTrue(Files.readAllLines(dir.resolve("c.csv")).stream().allMatch(l -> l.startsWith("1,")));
  }

  /** The files of {@code d}, hidden temporary files included. */
  static List<String> filesIn(Path d) throws java.io.IOException {
    try (var files = Files.list(d)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aBadOptionLeavesNoOutputFileBehind() throws Exception {
    Path rbm = dir.resolve("rbm.npz");
    io.glauber.io.ModelFiles.write(rbm, new io.glauber.model.Rbm(4, 2, new double[8], new double[4], new double[2]), false);
    Path bm = dir.resolve("bm.npz");
    io.glauber.io.ModelFiles.write(bm, io.glauber.testing.RandomModels.boltzmann(5, io.glauber.model.Units.BINARY, 1.0, 0.5, 3), false);
    for (String engine : List.of("batch", "actor")) {
      for (Path model : List.of(rbm, bm)) {
        Run r = run("sample", "--model", model.toString(), "--engine", engine, "--samples", "5", "--temperature", "-1",
            "--out", dir.resolve("s.csv").toString());
        assertOneLineError(r, "-1");
      }
    }
    assertOneLineError(run("sample", "--model", rbm.toString(), "--samples", "5", "--thin", "0", "--out", dir.resolve("s.npy").toString()), "--thin 0");
    assertOneLineError(run("sample", "--model", rbm.toString(), "--samples", "5", "--clamp", "01", "--out", dir.resolve("s.csv").toString()), "--clamp");
    assertEquals(List.of("bm.npz", "rbm.npz"), filesIn(dir), "no output and no temporary file");

    // train: a bad setting fails before the output directory is kept; recall: --png's shape is checked before --out is written
    assertOneLineError(run("train", "--config", "config/rbm-bas.conf", "--set", "train.learning-rate=-1", "--out", dir.resolve("run").toString()),
        "train.learning-rate");
    assertOneLineError(run("train", "--config", "config/hopfield-random.conf", "--set", "hopfield.random.patterns.count=0",
        "--out", dir.resolve("hop").toString()), "p = 0");
    Path hopfield = dir.resolve("h.npz");
    new io.glauber.hopfield.HopfieldModel(io.glauber.hopfield.HopfieldStorage.hebb(new int[][] {{1, -1, 1, -1, 1}}), new int[][] {{1, -1, 1, -1, 1}})
        .write(hopfield, false);
    assertOneLineError(run("recall", "--model", hopfield.toString(), "--corrupt", "0.1", "--out", dir.resolve("final.csv").toString(),
        "--png", dir.resolve("p.png").toString()), "--png needs square images");
    assertEquals(List.of("bm.npz", "h.npz", "rbm.npz"), filesIn(dir), "no output directory, no states, no picture");
  }

  @Test
  void infoReportsTheBlasBackend() throws Exception {
    Run r = run("info", "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode n = new ObjectMapper().readTree(r.out());
    assertTrue(n.has("blas_backend") && n.has("cores") && n.has("akka"), r.out());
    assertFalse(n.get("collector").asText().isEmpty(), r.out());
  }

  @Test
  void benchActorReportsItsDispatcherAndPlotsCostPerUpdate() throws Exception {
    Path png = dir.resolve("scaling.png");
    Run r = run("bench", "actor", "--json", "--side", "6", "--warmup-s", "0", "--measure-s", "1", "--png", png.toString());
    assertEquals(0, r.code(), r.err());
    JsonNode n = new ObjectMapper().readTree(r.out());
    assertEquals(36, n.get("neurons").asInt());
    assertEquals("glauber.free-running-dispatcher", n.get("dispatcher").asText());
    assertEquals("affinity-pool-executor", n.get("executor").asText());
    assertTrue(n.get("updates_per_s").asDouble() > 0);
    assertTrue(java.nio.file.Files.size(png) > 1000, "a PNG");
    assertOneLineError(run("bench", "actor", "--side", "6", "--png", png.toString()), "exists; use --force");
    assertOneLineError(run("bench", "actor", "--throughput", "0"), "--throughput 0");
  }

  @Test
  void benchLayerRunsAllThreeEnginesOnSyntheticAndGivenData() throws Exception {
    ObjectMapper json = new ObjectMapper();
    Run r = run("bench", "layer", "--json", "--visible", "20", "--hidden", "10", "--rows", "40", "--batch", "10", "--epochs", "2",
        "--warmup", "1", "--forks", "0");
    assertEquals(0, r.code(), r.err());
    JsonNode n = json.readTree(r.out());
    assertEquals("rbm-cd1-epoch", n.get("benchmark").asText());
    for (String key : List.of("actor_s_per_epoch", "direct_s_per_epoch", "batched_s_per_epoch")) assertTrue(n.get(key).asDouble() > 0, key);
    assertTrue(n.get("actor_min_s_per_epoch").asDouble() <= n.get("actor_s_per_epoch").asDouble());
    assertTrue(n.get("batched_min_s_per_epoch").asDouble() <= n.get("batched_s_per_epoch").asDouble());
    assertEquals(n.get("actor_min_s_per_epoch").asDouble() / n.get("batched_min_s_per_epoch").asDouble(),
        n.get("ratio_to_batched_min").asDouble(), 1e-12);
    assertEquals(2, n.get("actor_epochs_s").size());
    // the default: each engine in fresh JVMs of its own (here one each), started like this one
    Run pcd = run("bench", "layer", "--json", "--data", "bas:3x3", "--pcd", "--hidden", "4", "--batch", "7", "--epochs", "3",
        "--warmup", "2", "--forks", "1");
    assertEquals(0, pcd.code(), pcd.err());
    JsonNode p = json.readTree(pcd.out());
    assertEquals("rbm-pcd1-epoch", p.get("benchmark").asText());
    assertEquals(14, p.get("rows").asInt());
    assertEquals(1, p.get("forks").asInt());
    for (String e : List.of("actor", "direct", "batched")) {
      assertEquals(3, p.get(e + "_epochs_s").size(), e);
      assertTrue(p.get("jit_ms_measured").get(e).asDouble() >= 0, e);
      assertTrue(pcd.err().contains("(" + e + "): median"), pcd.err());
    }
    assertOneLineError(run("bench", "layer", "--pcd"), "--pcd needs --data");
    assertOneLineError(run("bench", "layer", "--warmup", "-1"), "--warmup -1");
    assertOneLineError(run("bench", "layer", "--forks", "-1"), "--forks -1");
    assertOneLineError(run("bench", "layer", "--engine", "gpu"), "unknown engine 'gpu'");
    assertOneLineError(run("bench", "layer", "--epochs", "0"), "--epochs 0");
  }

  @Test
  void aBoltzmannMachineSamplesOnTheBatchedKernelAndBadChainsWriteNothing() throws Exception {
    Path model = dir.resolve("bm.npz");
    io.glauber.io.ModelFiles.write(model, io.glauber.model.RandomMachines.uniform(6, io.glauber.model.Units.SPIN, 0.3, 0.3, 4, 1.0, 3), false);
    Path out = dir.resolve("bm.csv");
    Run r = run("sample", "--model", model.toString(), "--engine", "batch", "--samples", "50", "--chains", "20", "--burn-in", "10", "--thin", "2", "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    java.util.List<String> lines = Files.readAllLines(out);
    assertEquals(50, lines.size());
    assertTrue(lines.stream().allMatch(l -> l.matches("(-1|1)(,(-1|1)){3}")), lines.get(0));
    Path none = dir.resolve("none.csv");
    assertOneLineError(run("sample", "--model", model.toString(), "--engine", "batch", "--samples", "5", "--chains", "0", "--out", none.toString()), "chains 0");
    assertTrue(Files.notExists(none), "nothing written");
    assertOneLineError(run("bench", "gibbs", "--chains", "0"), "--chains 0");
  }
}
