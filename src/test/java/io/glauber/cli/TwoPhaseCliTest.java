package io.glauber.cli;

import static io.glauber.cli.CliTest.assertOneLineError;
import static io.glauber.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two-phase Boltzmann jobs end to end: bars and stripes, the encoder's JSON, and bad input. */
class TwoPhaseCliTest {
  @TempDir Path dir;

  @Test
  void barsAndStripesTrainsSavesTheModelAndEvalAgreesWithTheLastMetric() throws Exception {
    Path out = dir.resolve("bas");
    CliTest.Run r = run("train", "--config", "config/bm-bas.conf", "--set", "train.cycles=100", "--set", "eval.every=50", "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    List<String> lines = Files.readAllLines(out.resolve("metrics.jsonl"));
    assertEquals(2, lines.size(), "exact log-likelihood every 50 cycles");
    ObjectMapper json = new ObjectMapper();
    JsonNode last = json.readTree(lines.get(1));
    assertEquals(100, last.get("cycle").asInt());
    CliTest.Run e = run("eval", "--model", out.resolve("model.npz").toString(), "--data", "bas:3x3", "--metric", "exact-ll", "--json");
    assertEquals(0, e.code(), e.err());
    assertEquals(last.get("exact_ll").asDouble(), json.readTree(e.out()).get("value").asDouble(), 0.0);
  }

  @Test
  void theEncoderJobPrintsOneJsonObjectWithItsSummary() throws Exception {
    Path out = dir.resolve("encoder");
    CliTest.Run r = run("train", "--config", "config/bm-encoder-424.conf", "--json", "--set", "runs=2", "--set", "encoder.max-cycles=500", "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out().strip());
    for (String key : List.of("success_rate", "median_cycles", "max_cycles", "runs", "engine", "codes_success_rate", "codes_median_cycles")) {
      assertTrue(j.has(key), key + " in " + r.out());
    }
    assertEquals(2, j.get("runs").asInt());
    assertEquals("probes", j.get("engine").asText(), "the config's engine: the paper's random probes");
    assertEquals(2, Files.readAllLines(out.resolve("runs.jsonl")).size(), "one line per run");
    assertTrue(Files.size(out.resolve("cycles.png")) > 0, "the percentage of runs solved by cycle");
  }

  @Test
  void aNegativeTemperatureOrGroupsThatMissAUnitAreOneLineErrorsAndWriteNothing() {
    Path out = dir.resolve("none");
    assertOneLineError(run("train", "--config", "config/bm-encoder-424.conf", "--set", "learning.schedule=\"2@20,4@-10\"", "--out", out.toString()),
        "schedule temperature -10.0 (expected T ≥ 0)");
    assertTrue(Files.notExists(out), "nothing written");
    assertOneLineError(run("train", "--config", "config/bm-encoder-424.conf", "--set", "model.groups=\"in=0-3, out=4-7, hidden=8-8\"", "--out", out.toString()),
        "groups cover 9 of 10 units");
    assertTrue(Files.notExists(out), "nothing written");
    assertOneLineError(run("train", "--config", "config/bm-bas.conf", "--set", "model.topology=groups", "--set", "model.groups=\"v=0-8, h=10-12\"",
        "--set", "model.connect=\"v-h\"", "--out", out.toString()), "unit 9 is in no group");
    assertTrue(Files.notExists(out), "nothing written");
  }
}
