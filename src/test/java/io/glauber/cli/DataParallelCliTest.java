package io.glauber.cli;

import static io.glauber.cli.CliTest.assertOneLineError;
import static io.glauber.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.*;

import io.glauber.engine.actor.cluster.ClusterTesting;
import io.glauber.engine.actor.cluster.Membership;
import io.glauber.engine.batch.ShardedRuns;
import io.glauber.learn.LearningRule;
import io.glauber.io.ModelFiles;
import io.glauber.model.Rbm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train --join HOST:PORT --members 3} end to end, in process, with two other members in the
 * same JVM: the model matches the single-process run's within the float32 bound of the batched
 * engine's ShardedRuns (iterated here over the run's steps), and a member stopped mid-run ends the
 * command with a one-line error and the last consistent model saved.
 */
class DataParallelCliTest {
  @TempDir Path dir;

  static final String[] SETTINGS = {"--config", "config/rbm-bas.conf", "--set", "eval.every=1", "--set", "cluster.step-timeout=20s",
      "--set", "output.samples=0"};

  static String[] args(String... more) {
    String[] a = java.util.Arrays.copyOf(new String[] {"train"}, 1 + SETTINGS.length + more.length);
    System.arraycopy(SETTINGS, 0, a, 1, SETTINGS.length);
    System.arraycopy(more, 0, a, 1 + SETTINGS.length, more.length);
    return a;
  }

  @Test
  void dataParallelTrainingOnThreeMembersMatchesTheSingleProcess() {
    List<Membership> members = ClusterTesting.cluster(2);
    try {
      Path single = dir.resolve("single");
      Path cluster = dir.resolve("cluster");
      CliTest.Run a = run(args("--set", "train.epochs=2", "--out", single.toString()));
      assertEquals(0, a.code(), a.err());
      CliTest.Run b = run(args("--set", "train.epochs=2", "--out", cluster.toString(), "--join", members.get(0).joinAddress(), "--members", "3"));
      assertEquals(0, b.code(), b.err());
      Rbm one = ModelFiles.readRbm(single.resolve("model.npz"));
      Rbm three = ModelFiles.readRbm(cluster.resolve("model.npz"));
      // rbm-bas.conf: 30 patterns in batches of 10 (3 steps an epoch), CD (10 + 10 stacked rows), η ≤ 0.05, μ = 0.5, λ = 0
      double bound = ShardedRuns.boundAfter(6, 16, 10 + 10, 3, new LearningRule(0.05, 0.5, 0, 0, 0, 0), one);
      double diff = maxDiff(one, three);
      assertTrue(diff <= bound, "models differ by " + diff + " (bound " + bound + ")");
    } finally {
      ClusterTesting.leaveAll(members);
    }
  }

  @Test
  void aMemberStoppedMidRunEndsTheCommandWithOneLineAndTheModelSaved() throws Exception {
    List<Membership> members = ClusterTesting.cluster(2);
    Path out = dir.resolve("run");
    Thread killer = new Thread(() -> {
      try {
        while (!Files.exists(out.resolve("metrics.jsonl")) || Files.size(out.resolve("metrics.jsonl")) == 0) Thread.sleep(20);
        members.get(1).system().terminate();
      } catch (Exception e) {
        // the command's own result is what the test checks
      }
    });
    try {
      killer.start();
      CliTest.Run r = run(args("--set", "train.epochs=100000", "--out", out.toString(), "--join", members.get(0).joinAddress(), "--members", "3"));
      // Akka logs the lost connections (timestamped WARN lines, from every member in this JVM); the
      // command's own error is one line, the last
      List<String> lines = r.err().strip().lines().filter(l -> !l.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d+ WARN .*")).toList();
      assertOneLineError(new CliTest.Run(r.code(), r.out(), String.join("\n", lines)), "saved the last consistent model");
      assertTrue(r.err().contains(members.get(1).joinAddress()) || r.err().contains("did not answer"), r.err());
      assertTrue(Files.size(out.resolve("model.npz")) > 0);
      assertFalse(Files.list(out.resolve("checkpoints")).toList().isEmpty());
    } finally {
      killer.join(30_000);
      ClusterTesting.leaveAll(members);
    }
  }

  static double maxDiff(Rbm a, Rbm b) {
    double x = 0;
    for (int k = 0; k < a.w().length; k++) x = Math.max(x, Math.abs(a.w()[k] - b.w()[k]));
    for (int k = 0; k < a.nVisible(); k++) x = Math.max(x, Math.abs(a.visibleBias()[k] - b.visibleBias()[k]));
    for (int k = 0; k < a.nHidden(); k++) x = Math.max(x, Math.abs(a.hiddenBias()[k] - b.hiddenBias()[k]));
    return x;
  }
}
