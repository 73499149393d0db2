package io.glauber.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command stopped by SIGTERM, as a user's Ctrl-C or a batch system's kill, in a JVM of its own
 * started like {@code bin/glauber}: the shutdown hook of {@code io.AtomicFiles} deletes the
 * temporary file, and no output appears.
 */
class StoppedCommandTest {
  @TempDir Path dir;

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES) // a guard against a child that hangs, not a measure of speed
  void aSampleStoppedBySigtermLeavesNeitherItsTemporaryFileNorAnOutput() throws Exception {
    Path model = dir.resolve("rbm.npz");
    io.glauber.io.ModelFiles.write(model, new io.glauber.model.Rbm(50, 20, new double[1000], new double[50], new double[20]), false);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // far more samples than it can write before it is stopped
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "sample",
        "--model", model.toString(), "--samples", "1000000000", "--burn-in", "0", "--thin", "1", "--out", dir.resolve("s.csv").toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
    try {
      while (CliTest.filesIn(dir).stream().noneMatch(f -> f.startsWith(".s.csv.") && f.endsWith(".tmp"))) {
        assertTrue(p.isAlive(), () -> "the sampler ended before it was stopped: " + log());
        Thread.sleep(20);
      }
      p.destroy(); // SIGTERM on Linux
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the JVM did not stop on SIGTERM");
    } finally {
      p.destroyForcibly();
    }
    assertEquals(143, p.exitValue(), () -> "exit code of a JVM stopped by SIGTERM (128 + 15): " + log());
    assertEquals(List.of("log.txt", "rbm.npz"), CliTest.filesIn(dir), "no temporary file and no output left");
  }

  private String log() {
    try {
      return Files.readString(dir.resolve("log.txt"));
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }
}
