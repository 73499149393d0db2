package io.glauber.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glauber.engine.actor.Fixtures;
import io.glauber.exact.ExactBoltzmann;
import io.glauber.io.ModelFiles;
import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Units;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sample --granularity patch --mode exclusive} runs exclusive patch actors from the command line. */
class ExclusivePatchCliTest {
  @TempDir Path dir;

  @Test
  void sampleRunsExclusivePatchActors() throws Exception {
    BoltzmannMachine m = Fixtures.randomMachine(6, Units.BINARY, 0.6, 1.0, 6, 41);
    double inflation = io.glauber.testing.ChainCorrelation.chiSquareInflation(m, 5, false);
    assertTrue(inflation < 1.02, "samples 5 sweeps apart inflate χ² by " + inflation + " (expected < 1.02)");
    Path model = dir.resolve("bm.npz");
    ModelFiles.write(model, m, false);
    Path out = dir.resolve("s.csv");
    CliTest.Run r = CliTest.run("sample", "--model", model.toString(), "--engine", "actor", "--mode", "exclusive", "--granularity", "patch",
        "--patch-size", "2", "--samples", "1200", "--burn-in", "20", "--thin", "5", "--seed", "41", "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    List<String> rows = Files.readAllLines(out);
    assertEquals(1200, rows.size());
    long[] counts = new long[1 << 6];
    for (String row : rows) counts[Fixtures.index(Arrays.stream(row.split(",")).mapToInt(Integer::parseInt).toArray(), m.units())]++;
    double p = Fixtures.chiSquaredPValue(counts, ExactBoltzmann.of(m).distribution());
    System.out.printf("cli exclusive patch actors n=6 p=%.4f%n", p);
    assertTrue(p > 1e-3, "χ² p-value " + p + " (expected > 0.001)");
  }
}
