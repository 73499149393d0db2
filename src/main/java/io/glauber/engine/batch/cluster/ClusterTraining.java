package io.glauber.engine.batch.cluster;

import akka.actor.Address;
import akka.cluster.Member;
import com.typesafe.config.Config;
import io.glauber.engine.actor.cluster.MemberSettings;
import io.glauber.engine.actor.cluster.Membership;
import io.glauber.engine.batch.RbmTrainer;
import io.glauber.engine.batch.StepStatistics;
import io.glauber.engine.batch.Trainer;
import io.glauber.io.ModelFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A training process as a member of a cluster, for data-parallel training: joins the member at
 * {@code cluster.join}, waits until {@code cluster.members} members (itself included) are Up, and
 * computes every step's statistics on the first N of them in address order ({@link ClusterShards});
 * {@link #close} leaves the cluster. Configuration (HOCON, beside the run's own keys):
 *
 * <pre>
 * cluster {
 *   join = "127.0.0.1:2552"   # a member to join (train --join HOST:PORT)
 *   members = 3               # members to wait for and train on (train --members N)
 *   port = 0                  # this process's port (0: any free one)
 *   join-timeout = 60s        # how long to wait for the members
 *   step-timeout = 60s        # how long a step may wait for its shards
 *   on-member-loss = stop     # stop | continue (on the remaining members)
 * }
 * </pre>
 */
public final class ClusterTraining implements AutoCloseable {
  private final Membership membership;
  private final ClusterShards shards;

  private ClusterTraining(Membership membership, ClusterShards shards) {
    this.membership = membership;
    this.shards = shards;
  }

  /** The run's cluster from {@code c}'s {@code cluster} keys, or null when {@code cluster.join} is not set. */
  public static ClusterTraining fromConfig(Config c) {
    if (!c.hasPath("cluster.join")) return null;
    Config k = c.getConfig("cluster");
    if (!k.hasPath("members")) throw new IllegalArgumentException("cluster.join without cluster.members (expected --members N with --join)");
    Duration join = k.hasPath("join-timeout") ? k.getDuration("join-timeout") : MemberSettings.DEFAULT_JOIN_TIMEOUT;
    Duration step = k.hasPath("step-timeout") ? k.getDuration("step-timeout") : Duration.ofSeconds(60);
    ClusterShards.OnLoss onLoss = ClusterShards.OnLoss.parse(k.hasPath("on-member-loss") ? k.getString("on-member-loss") : "stop");
    MemberSettings settings = MemberSettings.of(k.hasPath("port") ? k.getInt("port") : 0, k.getString("join")).withJoinTimeout(join);
    return join(settings, k.getInt("members"), step, onLoss);
  }

  /** Starts a member with {@code settings}, waits for {@code members} members and trains on them. */
  public static ClusterTraining join(MemberSettings settings, int members, Duration stepTimeout, ClusterShards.OnLoss onLoss) {
    if (members < 1) throw new IllegalArgumentException("--members " + members + " (expected ≥ 1)");
    Membership m = Membership.start(settings);
    try {
      m.awaitMembers(members);
      return new ClusterTraining(m, on(m, members, stepTimeout, onLoss));
    } catch (RuntimeException e) {
      m.leave(Duration.ofSeconds(10));
      throw e;
    }
  }

  /** Statistics from the first {@code members} Up members of {@code m}'s cluster in address order. */
  public static ClusterShards on(Membership m, int members, Duration stepTimeout, ClusterShards.OnLoss onLoss) {
    List<Address> up = new ArrayList<>();
    for (Member x : m.up()) up.add(x.address());
    up.sort(Member.addressOrdering());
    if (up.size() < members) throw new IllegalStateException(up.size() + " of " + members + " cluster members Up");
    return new ClusterShards(m.system(), up.subList(0, members), stepTimeout, onLoss);
  }

  /** The step statistics to hand to {@link RbmTrainer#dataParallel}. */
  public ClusterShards shards() {
    return shards;
  }

  /**
   * Runs {@code trainer}'s remaining epochs ({@link RbmTrainer#train(Trainer.EpochListener, Path)});
   * when a step's shards fail, writes a checkpoint of the last consistent state into
   * {@code checkpointDir} and its model to {@code modelFile}, then throws an
   * {@link IllegalStateException} whose one-line message says what failed and where the model is.
   */
  public static void train(RbmTrainer trainer, Trainer.EpochListener listener, Path checkpointDir, Path modelFile) {
    try {
      trainer.train(listener, checkpointDir);
    } catch (StepStatistics.ShardFailure e) {
      Path ckpt = trainer.checkpoint(checkpointDir);
      ModelFiles.write(modelFile, trainer.rbm(), true);
      throw new IllegalStateException(e.getMessage() + "; saved the last consistent model (epoch " + trainer.epoch() + ", step "
          + trainer.step() + ") to " + modelFile + " and " + ckpt + " (--resume continues it)", e);
    }
  }

  /** Leaves the cluster. */
  @Override
  public void close() {
    shards.close();
    membership.leave();
  }
}
