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
