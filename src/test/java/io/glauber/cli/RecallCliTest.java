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

/** Storing random patterns from a config, recalling them from the command line, and its bad inputs. */
class RecallCliTest {
  @TempDir Path dir;

  private Path storeRandom() {
    Path out = dir.resolve("store");
    CliTest.Run r = run("train", "--config", "config/hopfield-random.conf", "--out", out.toString(),
        "--set", "hopfield.random.patterns.n=200", "--set", "hopfield.random.patterns.count=10",
        "--set", "hopfield.random.recall.probes-per-pattern=2", "--set", "hopfield.spurious.starts=20");
    assertEquals(0, r.code(), r.err());
    return out.resolve("model.npz");
  }

  @Test
  void storedPatternsAreRecalledFromCorruptedProbesAndFinalStatesWritten() throws Exception {
    Path model = storeRandom();
    Path states = dir.resolve("final.csv");
    CliTest.Run r = run("recall", "--model", model.toString(), "--corrupt", "0.1", "--probes-per-pattern", "3", "--json", "--out", states.toString());
    assertEquals(0, r.code(), r.err());
    String[] lines = r.out().strip().split("\n");
    assertEquals(31, lines.length);
    JsonNode summary = new ObjectMapper().readTree(lines[30]);
    assertEquals(1.0, summary.get("retrieved_fraction").asDouble(), 0.0, "α = 0.05 is far below capacity");
    List<String> rows = Files.readAllLines(states);
    assertEquals(30, rows.size());
    assertTrue(rows.get(0).matches("(-?1,){199}-?1"));

    // the written states read back as probes: already fixed points, so zero changes
    CliTest.Run again = run("recall", "--model", model.toString(), "--probe", states.toString(), "--json");
    assertEquals(0, again.code(), again.err());
    String[] l2 = again.out().strip().split("\n");
    assertEquals(1.0, new ObjectMapper().readTree(l2[l2.length - 1]).get("retrieved_fraction").asDouble(), 0.0);
  }

  @Test
  void badProbesAreOneLineErrors() throws Exception {
    Path model = storeRandom();
    Path wrongLength = dir.resolve("short.csv");
    Files.writeString(wrongLength, "1,-1,1\n");
    assertOneLineError(run("recall", "--model", model.toString(), "--probe", wrongLength.toString()), "expected 200");
    Path notSpin = dir.resolve("bad.csv");
    Files.writeString(notSpin, ("1,".repeat(199) + "2\n"));
    assertOneLineError(run("recall", "--model", model.toString(), "--probe", notSpin.toString()), "expected -1 or +1");
    assertOneLineError(run("recall", "--model", model.toString(), "--corrupt", "1.5"), "expected a fraction");
    Path rbm = dir.resolve("rbm.npz");
    io.glauber.io.ModelFiles.write(rbm, new io.glauber.model.Rbm(2, 1, new double[2], new double[2], new double[1]), false);
    assertOneLineError(run("recall", "--model", rbm.toString(), "--corrupt", "0.1"), "expected a Boltzmann machine");
  }

  @Test
  void noPatternsToStoreIsAOneLineError() throws Exception {
    assertOneLineError(run("train", "--config", "config/hopfield-random.conf", "--out", dir.resolve("p0").toString(),
        "--set", "hopfield.random.patterns.count=0"), "no patterns to store (p = 0)");
  }
}
