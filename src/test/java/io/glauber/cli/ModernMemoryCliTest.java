package io.glauber.cli;

import static io.glauber.cli.CliTest.assertOneLineError;
import static io.glauber.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glauber.io.NdArray;
import io.glauber.io.Npz;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Modern memories stored by train and recalled by recall on both engines; train --json; their bad inputs. */
class ModernMemoryCliTest {
  @TempDir Path dir;

  private Path store(String kind, String parameter) {
    Path out = dir.resolve("store-" + kind);
    CliTest.Run r = run("train", "--config", "config/hopfield-modern.conf", "--out", out.toString(), "--set", "hopfield.modern-capacity=null",
        "--set", "hopfield.modern.kind=" + kind, "--set", "hopfield.modern." + parameter, "--set", "hopfield.modern.units=32",
        "--set", "hopfield.modern.patterns=40");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("stored a " + kind + " memory of 40 patterns of 32 units"), r.out());
    return out.resolve("model.npz");
  }

  private static JsonNode last(CliTest.Run r) throws Exception {
    String[] lines = r.out().strip().split("\n");
    return new ObjectMapper().readTree(lines[lines.length - 1]);
  }

  @Test
  void aSoftmaxMemoryIsStoredAndRecalledOnBothEnginesAlike() throws Exception {
    Path model = store("softmax", "beta=1.0");
    Path states = dir.resolve("final.csv");
    CliTest.Run batch = run("recall", "--model", model.toString(), "--corrupt", "0.1", "--json", "--out", states.toString());
    assertEquals(0, batch.code(), batch.err());
    JsonNode b = last(batch);
    assertEquals("sync", b.get("update").asText(), "a softmax memory's recall is sync unless told otherwise");
    assertEquals(1.0, b.get("retrieved_fraction").asDouble(), 0.0, "40 patterns of 32 units at 10% corruption");
    List<String> rows = Files.readAllLines(states);
    assertEquals(40, rows.size());
    assertTrue(rows.get(0).matches("(-?1,){31}-?1"), rows.get(0));
    CliTest.Run actors = run("recall", "--model", model.toString(), "--corrupt", "0.1", "--json", "--engine", "actor");
    assertEquals(0, actors.code(), actors.err());
    JsonNode a = last(actors);
    assertEquals(b.get("mean_overlap").asDouble(), a.get("mean_overlap").asDouble(), 1e-12);
    assertEquals(b.get("mean_sweeps").asDouble(), a.get("mean_sweeps").asDouble(), 0.0);
    assertOneLineError(run("recall", "--model", model.toString(), "--corrupt", "0.1", "--update", "async"), "expected sync");
  }

  @Test
  void denseMemoriesAreStoredAndRecalledOnBothEnginesAlike() throws Exception {
    for (String[] kind : new String[][] {{"power", "power=3"}, {"exponential", "beta=1.0"}}) {
      Path model = store(kind[0], kind[1]);
      CliTest.Run r = run("recall", "--model", model.toString(), "--corrupt", "0.05", "--json");
      assertEquals(0, r.code(), r.err());
      assertEquals("async", last(r).get("update").asText());
      assertTrue(last(r).get("mean_overlap").asDouble() > 0.9, r.out());
      CliTest.Run actors = run("recall", "--model", model.toString(), "--corrupt", "0.05", "--json", "--engine", "actor");
      assertEquals(0, actors.code(), actors.err());
      assertEquals(last(r).get("mean_overlap").asDouble(), last(actors).get("mean_overlap").asDouble(), 0.0, "the same dynamics on the same seeds");
      assertEquals(last(r).get("mean_sweeps").asDouble(), last(actors).get("mean_sweeps").asDouble(), 0.0);
      assertOneLineError(run("recall", "--model", model.toString(), "--corrupt", "0.1", "--engine", "actor", "--mode", "async"), "expected exact");
    }
  }

  @Test
  void badModernFilesAndConfigsAreOneLineErrors() throws Exception {
    Map<String, NdArray> a = new LinkedHashMap<>();
    a.put("patterns", NdArray.ofInt(new int[] {1, -1, 1, 1}, 2, 2));
    a.put("kind", NdArray.scalarInt(0));
    Path noBeta = dir.resolve("nobeta.npz");
    Npz.write(noBeta, a, false);
    assertOneLineError(run("recall", "--model", noBeta.toString(), "--corrupt", "0.1"), "array 'beta' missing");
    a.put("beta", NdArray.scalar(1.0));
    Path ok = dir.resolve("ok.npz");
    Npz.write(ok, a, false);
    Path wide = dir.resolve("wide.csv");
    Files.writeString(wide, "1,-1,1\n");
    assertOneLineError(run("recall", "--model", ok.toString(), "--probe", wide.toString()), "expected 2");
    Path out = dir.resolve("bad");
    assertOneLineError(run("train", "--config", "config/hopfield-modern.conf", "--out", out.toString(), "--set", "hopfield.modern.kind=power"),
        "hopfield.modern.power missing");
    assertOneLineError(run("train", "--config", "config/hopfield-modern.conf", "--out", out.toString(), "--set", "hopfield.modern.beta=0"),
        "expected finite β > 0");
    assertOneLineError(run("train", "--config", "config/hopfield-modern.conf", "--out", out.toString(),
        "--set", "hopfield.modern-capacity.corruption=0.5"), "expected in [0, 0.5)");
    assertFalse(Files.exists(out.resolve("model.npz")), "a refused run writes nothing");
  }

  @Test
  void trainJsonPrintsOneObjectWithTheMeasuredAndTheoreticalThermodynamics() throws Exception {
    CliTest.Run r = run("train", "--config", "config/hopfield-thermo.conf", "--json", "--out", dir.resolve("thermo").toString(),
        "--set", "hopfield.thermo.n=200", "--set", "hopfield.thermo.patterns=[1]", "--set", "hopfield.thermo.temperatures=[0.5,1.5]",
        "--set", "hopfield.thermo.chains=4", "--set", "hopfield.thermo.sweeps=10", "--set", "hopfield.thermo.mixtures=[]",
        "--set", "hopfield.thermo.actor.patterns=[1]", "--set", "hopfield.thermo.actor.temperatures=[0.5]", "--set", "hopfield.thermo.actor.chains=2",
        "--set", "hopfield.thermo.actor.sweeps=5");
    assertEquals(0, r.code(), r.err());
    String[] lines = r.out().strip().split("\n");
    assertEquals(1, lines.length, "one JSON object and nothing else: " + r.out());
    JsonNode thermo = new ObjectMapper().readTree(lines[0]).get("thermo");
    JsonNode low = thermo.get("points").get(0);
    assertEquals(0.5, low.get("temperature").asDouble());
    assertTrue(low.has("m_measured") && low.has("m_mean_field") && low.has("m_ags"), low.toString());
    assertEquals(0.9575, low.get("m_mean_field").asDouble(), 1e-4, "m = tanh(2m)");
    assertEquals(0.5, thermo.get("actor").get("points").get(0).get("temperature").asDouble(), "the actor block's point");
    assertTrue(Files.exists(dir.resolve("thermo").resolve("thermo.json")));
    assertOneLineError(run("train", "--config", "config/rbm-bas.conf", "--json", "--out", dir.resolve("rbm").toString()), "--json: only the encoder experiments and Hopfield");
  }
}
