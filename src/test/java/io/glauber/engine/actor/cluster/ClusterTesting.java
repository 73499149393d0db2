package io.glauber.engine.actor.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Clusters of several members in one JVM for tests: fast gossip so that they form in about a second. */
public final class ClusterTesting {
  private ClusterTesting() {}

  /** Gossip, leader actions and failure detection at test speed (the defaults take seconds each). */
  public static final String FAST = """
      akka.cluster.gossip-interval = 100ms
      akka.cluster.leader-actions-interval = 100ms
      akka.cluster.unreachable-nodes-reaper-interval = 200ms
      akka.cluster.periodic-tasks-initial-delay = 0s
      akka.cluster.retry-unsuccessful-join-after = 300ms
      akka.cluster.seed-node-timeout = 1s
      akka.cluster.failure-detector.heartbeat-interval = 200ms
      akka.cluster.failure-detector.acceptable-heartbeat-pause = 5s
      akka.cluster.split-brain-resolver.stable-after = 3s
      akka.cluster.down-removal-margin = 0s
      akka.cluster.distributed-data.gossip-interval = 100ms
      akka.cluster.typed.receptionist.distributed-data.gossip-interval = 100ms
      akka.cluster.typed.receptionist.write-consistency = local
      """;

  /** The fast settings as a Config, for members in this JVM (whose shutdown hook must not run coordinated shutdown). */
  public static Config fast() {
    return ConfigFactory.parseString(FAST + "akka.coordinated-shutdown.run-by-jvm-shutdown-hook = off\n");
  }

  /** Settings of a test member on any free port joining {@code seed} (null: itself), fast gossip. */
  public static MemberSettings member(String seed) {
    return MemberSettings.of(0, seed).withOverrides(fast()).withJoinTimeout(Duration.ofSeconds(20));
  }

  /** {@code n} members in this JVM, the first the seed of the others, all Up when this returns. */
  public static List<Membership> cluster(int n) {
    List<Membership> out = new ArrayList<>();
    try {
      Membership first = Membership.start(member(null));
      out.add(first);
      for (int k = 1; k < n; k++) out.add(Membership.start(member(first.joinAddress())));
      for (Membership m : out) m.awaitMembers(n);
      return out;
    } catch (RuntimeException e) {
      leaveAll(out);
      throw e;
    }
  }

  /** Every member leaves (the last first, so the seed goes last). */
  public static void leaveAll(List<Membership> members) {
    for (int k = members.size() - 1; k >= 0; k--) members.get(k).leave(Duration.ofSeconds(10));
  }
}
