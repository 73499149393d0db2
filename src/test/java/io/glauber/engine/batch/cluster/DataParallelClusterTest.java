package io.glauber.engine.batch.cluster;

import static org.junit.jupiter.api.Assertions.*;

import io.glauber.engine.actor.cluster.ClusterTesting;
import io.glauber.engine.actor.cluster.Membership;
import io.glauber.engine.batch.RbmTrainer;
import io.glauber.engine.batch.ShardedRuns;
import io.glauber.engine.batch.TrainingCheckpoint;
import io.glauber.io.ModelFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import io.glauber.engine.batch.StepStatistics;
import io.glauber.engine.batch.TrainConfig;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Data-parallel training on three cluster members in one JVM (ports 0, fast gossip): the run
 * follows the single-process run within the float32 bound of {@link ShardedRuns} for CD, PCD and
 * PT; a member stopped mid-run stops the run with a one-line error and leaves the trainer at its
 * last complete step, or (on-member-loss = continue) the run goes on, still within the bound, on
 * the two members left. No test waits longer than the step timeout (20 s), so none can hang.
 */
class DataParallelClusterTest {
  static final Duration STEP_TIMEOUT = Duration.ofSeconds(20);

  @Test
  void threeMembersTrainWhatOneProcessTrains() {
    List<Membership> members = ClusterTesting.cluster(3);
    try {
      for (TrainConfig.Method m : TrainConfig.Method.values()) {
        ClusterShards shards = ClusterTraining.on(members.get(0), 3, STEP_TIMEOUT, ClusterShards.OnLoss.STOP);
        ShardedRuns.lockstep(ShardedRuns.config(m), shards, 3, 9, step -> {});
        assertEquals(3, shards.members().size());
      }
    } finally {
      ClusterTesting.leaveAll(members);
    }
  }

  @Test
  void aMemberStoppedMidRunStopsTheRunAtItsLastCompleteStep() {
    List<Membership> members = ClusterTesting.cluster(3);
    try (ShardedRuns.Lockstep run = new ShardedRuns.Lockstep(ShardedRuns.config(TrainConfig.Method.PCD),
        ClusterTraining.on(members.get(0), 3, STEP_TIMEOUT, ClusterShards.OnLoss.STOP), 3)) {
      for (int s = 0; s < 4; s++) run.step();
      byte[] before = snapshotBytes(run);
      Membership lost = members.get(2);
      String who = lost.joinAddress();
      lost.system().terminate(); // the member's system stops (its host with it) while the run goes on
      lost.awaitTermination();
      StepStatistics.ShardFailure e = assertThrows(StepStatistics.ShardFailure.class, () -> run.sharded.update(run.nextBatch()));
      assertFalse(e.getMessage().contains("\n"), e.getMessage());
      assertTrue(e.getMessage().contains("step 4"), e.getMessage());
      assertTrue(e.getMessage().contains(who) || e.getMessage().contains("did not answer"), e.getMessage());
      // nothing of the failed step reached the trainer: its state is the one after step 3
      assertEquals(4, run.sharded.step());
      assertArrayEquals(before, snapshotBytes(run));
      run.assertWithinBound();
    } finally {
      ClusterTesting.leaveAll(members);
    }
  }

  @Test
  void withContinueTheRunGoesOnOnTheMembersLeft() {
    List<Membership> members = ClusterTesting.cluster(3);
    ClusterShards shards = ClusterTraining.on(members.get(0), 3, STEP_TIMEOUT, ClusterShards.OnLoss.CONTINUE);
    try (ShardedRuns.Lockstep run = new ShardedRuns.Lockstep(ShardedRuns.config(TrainConfig.Method.PT), shards, 3)) {
      for (int s = 0; s < 4; s++) run.step();
      members.get(1).leave(Duration.ofSeconds(10)); // a graceful leave, this time
      for (int s = 4; s < 9; s++) run.step();
      assertEquals(2, shards.members().size());
      assertEquals(9, run.sharded.step());
    } finally {
      ClusterTesting.leaveAll(members);
    }
  }

  @Test
  void aFailedRunSavesItsLastConsistentModelAndCheckpoint(@TempDir Path dir) throws Exception {
    List<Membership> members = ClusterTesting.cluster(3);
    TrainConfig cfg = ShardedRuns.config(TrainConfig.Method.PCD);
    var bas = ShardedRuns.data();
    try (RbmTrainer trainer = new RbmTrainer(cfg, bas.values(), bas.rows(), bas.cols())) {
      trainer.dataParallel(ClusterTraining.on(members.get(0), 3, STEP_TIMEOUT, ClusterShards.OnLoss.STOP));
      Path model = dir.resolve("model.npz");
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> ClusterTraining.train(trainer, (epoch, m) -> {
        if (epoch == 1) {
          members.get(1).system().terminate();
          members.get(1).awaitTermination();
        }
      }, dir.resolve("checkpoints"), model));
      assertFalse(e.getMessage().contains("\n"), e.getMessage());
      assertTrue(e.getMessage().contains("saved the last consistent model (epoch 1, step 3) to " + model), e.getMessage());
      assertEquals(trainer.rbm(), ModelFiles.readRbm(model));
      TrainingCheckpoint.State saved = TrainingCheckpoint.latest(dir.resolve("checkpoints"), p -> fail(p)).orElseThrow();
      assertEquals(3, saved.step());
      assertArrayEquals(trainer.snapshot().chainH(), saved.chainH());
    } finally {
      ClusterTesting.leaveAll(members);
    }
  }

  private static byte[] snapshotBytes(ShardedRuns.Lockstep run) {
    var s = run.sharded.snapshot();
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4 * (s.w().length + s.bias().length + s.chainH().length) + 8);
    b.putLong(s.step());
    for (float x : s.w()) b.putFloat(x);
    for (float x : s.bias()) b.putFloat(x);
    for (float x : s.chainH()) b.putFloat(x);
    return b.array();
  }
}
