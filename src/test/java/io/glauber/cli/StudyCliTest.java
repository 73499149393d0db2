package io.glauber.cli;

import static io.glauber.cli.CliTest.assertOneLineError;
import static io.glauber.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code study asynchrony} on a small grid: one JSON row per (model, mode, ratio), the four files written; bad input refused. */
class StudyCliTest {
  @TempDir Path dir;

  @Test
  void aSmallGridGivesOneRowPerModelModeAndRatio() throws Exception {
    Path out = dir.resolve("study");
    CliTest.Run r = run("study", "asynchrony", "--config", "config/study-asynchrony.conf", "--json", "--out", out.toString(),
        "--set", "study.models=[{name=ring4, kind=ring, n=4}, {name=dense4, kind=dense, n=4, units=binary, scale=1, seed=2}]",
        "--set", "study.ratios=[0, 1]", "--set", "study.delays=[{delay-distribution=exponential}]",
        "--set", "study.samples=20", "--set", "study.burn-in=2", "--set", "study.thin=1", "--set", "study.exact-thin=1",
        "--set", "study.interval=2ms", "--set", "study.hamming={sides=[4, 8], taus=[0, 3], temperature=5, sweeps=2, runs=2}");
    assertEquals(0, r.code(), r.err());
    String[] lines = r.out().strip().split("\n");
    assertEquals(2 * 3 * 2 + 2 * 2, lines.length, r.out());
    Set<String> keys = new HashSet<>();
    for (String line : lines) {
      JsonNode row = new ObjectMapper().readTree(line);
      if (row.has("tau_steps")) {
        // the coupled trajectories: without delay the asynchronous chain is the sequential one
        if (row.get("tau_steps").asInt() == 0) assertEquals(0, row.get("hamming_max").asInt(), line);
        continue;
      }
      keys.add(row.get("model").asText() + "/" + row.get("mode").asText() + "/" + row.get("staleness_ratio").asDouble());
      double tv = row.get("tv").asDouble();
      assertTrue(tv >= 0 && tv <= 1, "TV " + tv);
      assertTrue(row.get("updates_per_s").asDouble() > 0 && row.get("informed_updates_per_s").asDouble() >= 0, line);
    }
    assertEquals(12, keys.size(), "one row per (model, mode, ratio): " + keys);
    for (String f : io.glauber.bench.AsynchronyStudy.FILES) assertTrue(Files.size(out.resolve(f)) > 0, f);
    assertEquals(13, Files.readAllLines(out.resolve("asynchrony.csv")).size());
    // nothing is overwritten without --force
    assertOneLineError(run("study", "asynchrony", "--config", "config/study-asynchrony.conf", "--out", out.toString()), "use --force");
    // replotted from its own CSV: the same rows with the bound columns (bias_bound_pairs beside sparse_tv_pairs)
    Path again = dir.resolve("again");
    CliTest.Run re = run("study", "asynchrony", "--from-csv", out.toString(), "--out", again.toString());
    assertEquals(0, re.code(), re.err());
    List<String> csv = Files.readAllLines(again.resolve("asynchrony.csv"));
    assertEquals(13, csv.size());
    assertTrue(csv.get(0).contains(",sparse_tv_pairs,sparse_tv_single,bias_bound_single,bias_bound_pairs,"), csv.get(0));
    assertOneLineError(run("study", "asynchrony", "--out", dir.resolve("none").toString()), "give one of --config");
  }

  @Test
  void badConfigsAreOneLineErrors() {
    assertOneLineError(run("study", "asynchrony", "--config", "config/study-asynchrony.conf", "--out", dir.resolve("a").toString(),
        "--set", "study.modes=[exact, sideways]"), "expected exact, exclusive or async");
    assertOneLineError(run("study", "asynchrony", "--config", "config/study-asynchrony.conf", "--out", dir.resolve("b").toString(),
        "--set", "study.ratios=[-1]"), "expected finite ≥ 0");
    assertOneLineError(run("study", "asynchrony", "--config", "config/study-asynchrony.conf", "--out", dir.resolve("c").toString(),
        "--set", "study.delays=[{delay-distribution=gamma}]"), "expected fixed, exponential or log-normal");
    assertTrue(Files.notExists(dir.resolve("a")));
  }
}
