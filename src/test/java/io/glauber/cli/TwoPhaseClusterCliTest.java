package io.glauber.cli;

import static io.glauber.cli.CliTest.assertOneLineError;
import static io.glauber.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.glauber.engine.actor.cluster.ClusterTesting;
import io.glauber.engine.actor.cluster.Membership;
import io.glauber.io.ModelFiles;
import io.glauber.model.BoltzmannMachine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train --join HOST:PORT --members 3} for the two-phase Boltzmann machine on neuron actors,
 * in process, with two other members in the same JVM: exact mode is deterministic given the seed,
 * so the saved model equals the single-process run's bit for bit; actor jobs without cluster mode
 * refuse --join with one line and write nothing.
 */
class TwoPhaseClusterCliTest {
  @TempDir Path dir;

  @Test
  void aBoltzmannMachineTrainedOnThreeMembersIsTheSingleProcessModel() {
    List<Membership> members = ClusterTesting.cluster(2);
    try {
      for (Membership m : members) m.startHost(); // as `glauber node` does
      String[] settings = {"train", "--config", "config/bm-bas-actor.conf", "--set", "train.cycles=5", "--set", "eval.every=5"};
      Path single = dir.resolve("single");
      Path cluster = dir.resolve("cluster");
      CliTest.Run a = run(with(settings, "--out", single.toString()));
      assertEquals(0, a.code(), a.err());
      CliTest.Run b = run(with(settings, "--out", cluster.toString(), "--join", members.get(0).joinAddress(), "--members", "3"));
      assertEquals(0, b.code(), b.err());
      BoltzmannMachine one = ModelFiles.readMachine(single.resolve("model.npz"));
      BoltzmannMachine three = ModelFiles.readMachine(cluster.resolve("model.npz"));
      assertArrayEquals(one.couplings().pairWeights(), three.couplings().pairWeights(), 0.0, "pair weights");
      assertArrayEquals(one.bias(), three.bias(), 0.0, "biases");
    } finally {
      ClusterTesting.leaveAll(members);
    }
  }

  /**
   * An RBM on layer actors over three members loses the member of one layer mid-run: the run ends
   * with one line that names the epoch it saved, and model.npz is bit for bit the one-process run
   * stopped after that many epochs (a constant rate, so the first k epochs do not depend on the total).
   */
  @Test
  void aLostLayerMemberEndsTheRunWithTheLastCompletedEpochsModelSaved() throws Exception {
    List<Membership> members = ClusterTesting.cluster(2);
    try {
      for (Membership m : members) m.startHost();
      String[] settings = {"train", "--config", "config/rbm-bas.conf", "--set", "engine=actor", "--set", "data=\"bas:3x3\"", "--set", "model.hidden=4",
          "--set", "train.k=1", "--set", "train.learning-rate-schedule=constant", "--set", "eval.metrics=[exact-ll]", "--set", "output.samples=0"};
      Path cluster = dir.resolve("lost");
      var running = java.util.concurrent.CompletableFuture.supplyAsync(() -> run(with(settings, "--set", "train.epochs=1000000", "--set", "eval.every=1000000",
          "--out", cluster.toString(), "--join", members.get(0).joinAddress(), "--members", "3")));
      Path metrics = cluster.resolve("metrics.jsonl");
      while (!Files.exists(metrics) || Files.readAllLines(metrics).size() < 3) {
        org.junit.jupiter.api.Assertions.assertFalse(running.isDone(), () -> "the run ended before a member stopped: " + running.join().err());
        Thread.sleep(20);
      }
      members.get(1).system().terminate(); // holds one of the two layers (ClusterLayers places them on the other two members)
      CliTest.Run r = running.get(2, java.util.concurrent.TimeUnit.MINUTES);
      assertEquals(1, r.code(), r.err());
      String[] lines = r.err().strip().split("\n");
      String last = lines[lines.length - 1];
      java.util.regex.Matcher saved = java.util.regex.Pattern.compile("; saved the last consistent model \\(epoch (\\d+)\\) to ").matcher(last);
      org.junit.jupiter.api.Assertions.assertTrue(last.startsWith("glauber: ") && last.contains("layer stopped for good") && saved.find(), last);
      int epochs = Integer.parseInt(saved.group(1));
      org.junit.jupiter.api.Assertions.assertTrue(epochs >= 3, last);

      Path single = dir.resolve("single");
      CliTest.Run a = run(with(settings, "--set", "train.epochs=" + epochs, "--set", "eval.every=" + epochs, "--out", single.toString()));
      assertEquals(0, a.code(), a.err());
      io.glauber.model.Rbm one = (io.glauber.model.Rbm) ModelFiles.read(single.resolve("model.npz"));
      io.glauber.model.Rbm kept = (io.glauber.model.Rbm) ModelFiles.read(cluster.resolve("model.npz"));
      assertArrayEquals(one.w(), kept.w(), 0.0, "W after " + epochs + " epochs");
      assertArrayEquals(one.visibleBias(), kept.visibleBias(), 0.0, "visible biases");
      assertArrayEquals(one.hiddenBias(), kept.hiddenBias(), 0.0, "hidden biases");
    } finally {
      ClusterTesting.leaveAll(members);
    }
  }

  /** {@code sample --engine actor --join} on an RBM: its two layer actors on the other members, the samples of one process. */
  @Test
  void anRbmSampledByLayerActorsOnOtherMembersGivesTheSingleProcessSamples() throws Exception {
    List<Membership> members = ClusterTesting.cluster(2);
    try {
      for (Membership m : members) m.startHost();
      Path model = dir.resolve("rbm.npz");
      ModelFiles.write(model, io.glauber.engine.actor.layer.LayerEngine.initial(io.glauber.data.DataSpecs.load("bas:3x3").rowsAsDouble(), 4, 5), false);
      String[] settings = {"sample", "--model", model.toString(), "--engine", "actor", "--samples", "60", "--chains", "6", "--burn-in", "5", "--thin", "2"};
      CliTest.Run a = run(with(settings, "--out", dir.resolve("one.csv").toString()));
      assertEquals(0, a.code(), a.err());
      CliTest.Run b = run(with(settings, "--out", dir.resolve("three.csv").toString(), "--join", members.get(0).joinAddress(), "--members", "3"));
      assertEquals(0, b.code(), b.err());
      assertEquals(Files.readAllLines(dir.resolve("one.csv")), Files.readAllLines(dir.resolve("three.csv")));
    } finally {
      ClusterTesting.leaveAll(members);
    }
  }

  @Test
  void anActorJobWithoutClusterModeRefusesJoinWithOneLineAndWritesNothing() {
    Path out = dir.resolve("refused");
    assertOneLineError(run("train", "--config", "config/bm-bas-actor-local.conf", "--join", "127.0.0.1:2552", "--members", "2", "--out", out.toString()),
        "--join with model.type = bm-local on engine actor");
    assertFalse(Files.exists(out));
  }

  private static String[] with(String[] a, String... more) {
    String[] all = java.util.Arrays.copyOf(a, a.length + more.length);
    System.arraycopy(more, 0, all, a.length, more.length);
    return all;
  }
}
