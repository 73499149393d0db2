package io.glauber.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glauber.engine.actor.Fixtures;
import io.glauber.engine.actor.cluster.ClusterTesting;
import io.glauber.exact.ExactBoltzmann;
import io.glauber.io.ModelFiles;
import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Units;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cluster mode end to end across processes: two {@code glauber node} JVMs on loopback (started
 * like {@code bin/glauber}, with the built classpath) and this JVM as the third member running
 * {@code sample --engine actor --mode exact --join 127.0.0.1:P --members 3}, whose samples pass
 * χ² (α = 0.001) against exact enumeration; then a second run that loses a node to kill -9
 * mid-run ends with a one-line error and no output; the last node leaves on SIGTERM. The child
 * JVMs are always killed.
 */
class ClusterCliTest {
  @TempDir Path dir;

  private static final Pattern UP = Pattern.compile("glauber node (\\S+:\\d+) up");

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES) // a guard against a child that hangs, not a measure of speed
  void sampleJoinsTwoNodeProcessesPassesChiSquaredAndAKilledNodeEndsTheNextRunWithOneLine() throws Exception {
    BoltzmannMachine m = Fixtures.randomMachine(6, Units.BINARY, 0.6, 1.0, 6, 61);
    Path model = dir.resolve("bm.npz");
    ModelFiles.write(model, m, false);
    Path conf = dir.resolve("fast.conf");
    Files.writeString(conf, ClusterTesting.FAST);
    List<Process> nodes = new ArrayList<>();
    try {
      // both nodes start at once: the first on the lower of two ports picked here, the second joining it.
      // The lower address matters: once the second is killed and the sampling process has left, the
      // split brain resolver (keep-majority) sees a tie of one against one and keeps the side with the
      // lowest address — the first node, which the test then stops with SIGTERM.
      int port;
      int port2;
      try (java.net.ServerSocket s = new java.net.ServerSocket(0); java.net.ServerSocket s2 = new java.net.ServerSocket(0)) {
        port = Math.min(s.getLocalPort(), s2.getLocalPort());
        port2 = Math.max(s.getLocalPort(), s2.getLocalPort());
      }
      String seed = "127.0.0.1:" + port;
      Process first = node(conf, port, null, nodes);
      Process second = node(conf, port2, seed, nodes);
      assertEquals(seed, upLine(first));
      upLine(second);
      long t0 = System.nanoTime();

      Path out = dir.resolve("s.csv");
      CliTest.Run r = CliTest.run("sample", "--model", model.toString(), "--engine", "actor", "--mode", "exact", "--granularity", "patch",
          "--patch-size", "2", "--samples", "1200", "--burn-in", "20", "--thin", "2", "--seed", "61", "--join", seed, "--members", "3",
          "--out", out.toString());
      assertEquals(0, r.code(), r.err());
      System.out.printf("cluster cli: sample run %.1f s%n", (System.nanoTime() - t0) / 1e9);
      long[] counts = new long[1 << m.size()];
      for (String line : Files.readAllLines(out)) counts[Fixtures.index(parse(line), m.units())]++;
      double p = Fixtures.chiSquaredPValue(counts, ExactBoltzmann.of(m).distribution());
      System.out.printf("cluster cli chi2 n=6 patch actors over 3 processes p=%.4f%n", p);
      assertTrue(p > 1e-3, "χ² p-value " + p + " (expected > 0.001)");

      // a run far longer than the test: the second node dies mid-run
      Path lost = dir.resolve("lost.csv");
      CompletableFuture<CliTest.Run> running = CompletableFuture.supplyAsync(() -> CliTest.run("sample", "--model", model.toString(),
          "--engine", "actor", "--mode", "exact", "--samples", "100000000", "--burn-in", "0", "--thin", "1", "--join", seed,
          "--members", "3", "--out", lost.toString()));
      // samples reach the temporary file once the members are Up and the actors placed
      while (CliTest.filesIn(dir).stream().noneMatch(f -> f.startsWith(".lost.csv.") && f.endsWith(".tmp") && size(dir.resolve(f)) > 0)) {
        assertTrue(!running.isDone(), () -> "the run ended before a node was killed: " + running.join().err());
        Thread.sleep(20);
      }
      second.destroyForcibly(); // SIGKILL
      long t1 = System.nanoTime();
      CliTest.Run failed = running.get(3, TimeUnit.MINUTES);
      System.out.printf("cluster cli: failure reported %.1f s after the kill%n", (System.nanoTime() - t1) / 1e9);
      assertEquals(1, failed.code(), failed.err());
      String[] lines = failed.err().strip().split("\n");
      String last = lines[lines.length - 1];
      assertTrue(last.startsWith("glauber: cluster member akka://glauber@") && last.contains("mid-run") && last.contains("the run stopped"), last);
      assertTrue(Files.notExists(lost), "no output from a failed run");

      first.destroy(); // SIGTERM: leaves the cluster and exits
      assertTrue(first.waitFor(60, TimeUnit.SECONDS), "the node did not stop on SIGTERM");
      assertEquals(143, first.exitValue(), "exit code of a JVM stopped by SIGTERM (128 + 15)");
    } finally {
      for (Process p : nodes) p.destroyForcibly();
    }
  }

  private Process node(Path conf, int port, String seed, List<Process> nodes) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "node", "--port", "" + port, "--config", conf.toString()));
    if (seed != null) cmd.addAll(List.of("--join", seed));
    Process p = new ProcessBuilder(cmd).redirectError(dir.resolve("node" + nodes.size() + ".err").toFile()).start();
    nodes.add(p);
    return p;
  }

  /** The node's HOST:PORT, from its one line once it is Up. */
  private static String upLine(Process p) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line = in.readLine();
    Matcher mt = UP.matcher(line == null ? "" : line);
    assertTrue(mt.find(), "node said: " + line);
    return mt.group(1);
  }

  private static long size(Path f) {
    try {
      return Files.size(f);
    } catch (java.io.IOException e) {
      return 0; // renamed or deleted meanwhile
    }
  }

  private static int[] parse(String line) {
    String[] f = line.split(",");
    int[] x = new int[f.length];
    for (int i = 0; i < f.length; i++) x[i] = Integer.parseInt(f[i].trim());
    return x;
  }
}
