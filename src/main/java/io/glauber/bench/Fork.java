package io.glauber.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a {@code glauber} command line in a fresh JVM started with this JVM's flags and class path,
 * as JMH forks a benchmark: a fresh JVM brings a fresh JIT profile, so what one engine compiled
 * cannot slow another. {@link LayerBench} forks this way because what it measures — epochs of
 * training with an actor system's whole life around them, reported as one JSON object — is not a
 * JMH method; the kernels' benchmarks ({@code io.glauber.bench.jmh}) fork through JMH itself.
 */
final class Fork {
  private Fork() {}

  /** A fork that has not finished after this long is ended; every engine phase has its own, shorter timeout. */
  private static final long TIMEOUT_MINUTES = 60;

  /** The command that starts {@code args} in a fresh JVM like this one (a debugger agent is left out: its port is taken). */
  private static List<String> command(List<String> args) {
    String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> cmd = new ArrayList<>();
    cmd.add(java);
    for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) if (!a.startsWith("-agentlib:jdwp")) cmd.add(a);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("io.glauber.cli.Main"); // the command line, by name: bench sits beside cli, not on it
    cmd.addAll(args);
    return cmd;
  }

  /** Runs {@code args} in a fresh JVM and returns the last line of its standard output that starts with '{' (its --json result). */
  static String jsonLine(List<String> args) {
    Path out = null;
    Path err = null;
    try {
      out = Files.createTempFile("glauber-fork", ".out");
      err = Files.createTempFile("glauber-fork", ".err");
      Process p = new ProcessBuilder(command(args)).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      // a parent stopped by Ctrl-C takes its fork with it instead of leaving it running
      Thread reaper = new Thread(p::destroyForcibly, "glauber-fork-reaper");
      Runtime.getRuntime().addShutdownHook(reaper);
      try {
        p.getOutputStream().close();
        if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
          p.destroyForcibly();
          throw new IllegalStateException("fork '" + String.join(" ", args) + "' ran longer than " + TIMEOUT_MINUTES + " minutes");
        }
      } finally {
        Runtime.getRuntime().removeShutdownHook(reaper);
      }
      if (p.exitValue() != 0) {
        List<String> lines = Files.readAllLines(err, StandardCharsets.UTF_8);
        String last = lines.stream().filter(l -> l.startsWith("glauber: ")).reduce((x, y) -> y)
            .orElse(lines.isEmpty() ? "(no message)" : lines.get(lines.size() - 1));
        throw new IllegalStateException("fork '" + String.join(" ", args) + "' failed (exit " + p.exitValue() + "): " + last);
      }
      return Files.readAllLines(out, StandardCharsets.UTF_8).stream().filter(l -> l.startsWith("{")).reduce((x, y) -> y)
          .orElseThrow(() -> new IllegalStateException("fork '" + String.join(" ", args) + "' printed no JSON result"));
    } catch (IOException e) {
      throw new IllegalStateException("cannot start a fork of this JVM: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a fork", e);
    } finally {
      if (out != null) out.toFile().delete();
      if (err != null) err.toFile().delete();
    }
  }
}
