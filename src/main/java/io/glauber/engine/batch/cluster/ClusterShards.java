package io.glauber.engine.batch.cluster;

import akka.actor.Address;
import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorRefResolver;
import akka.actor.typed.ActorSystem;
import akka.cluster.Member;
import akka.cluster.MemberStatus;
import akka.cluster.typed.Cluster;
import io.glauber.engine.batch.ShardResult;
import io.glauber.engine.batch.ShardWork;
import io.glauber.engine.batch.StepStatistics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A step's statistics from the {@link ShardHost}s of cluster members: shard s of the step goes to
 * the s-th member in address order, the answers are summed in shard order
 * ({@link StepStatistics#gather}), so the result does not depend on which member answers first.
 *
 * <p>Faults, never a hang: while a step waits, the members it waits for are watched (every
 * {@value #POLL_MILLIS} ms); a member that is no longer Up (it left, was downed or removed) or is
 * unreachable is lost. Under {@link OnLoss#STOP} the step fails with a one-line
 * {@link StepStatistics.ShardFailure} naming the member and the step, and the trainer keeps its
 * state of the step before (the last consistent one); under {@link OnLoss#CONTINUE} the member is
 * dropped and the step is computed afresh on the remaining ones — the same statistics up to
 * summation order, since every row draws on the stream of its key wherever it is computed. A step
 * not answered within the step timeout fails as well, and so does a shard a host refuses.
 */
public final class ClusterShards implements StepStatistics {
  /** How often a waiting step checks its members. */
  static final long POLL_MILLIS = 20;

  /** What a lost member does to the run. */
  public enum OnLoss {
    /** Stop with an error; the trainer keeps the last consistent state. */
    STOP,
    /** Drop the member and carry on with the others (while there is at least one). */
    CONTINUE;

    /** Parses "stop" or "continue". */
    public static OnLoss parse(String s) {
      return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
        case "stop" -> STOP;
        case "continue" -> CONTINUE;
        default -> throw new IllegalArgumentException("cluster.on-member-loss = " + s + " (expected stop or continue)");
      };
    }
  }

  private final ActorSystem<?> system;
  private final Cluster cluster;
  private final List<Address> members;
  private final List<ActorRef<ShardHost.Command>> hosts;
  private final Duration stepTimeout;
  private final OnLoss onLoss;
  private final ShardHosting hosting;

  /**
   * Statistics from the hosts of {@code members} (addresses of Up members, this one among them or
   * not), asked from {@code system}.
   */
  public ClusterShards(ActorSystem<?> system, List<Address> members, Duration stepTimeout, OnLoss onLoss) {
    if (members.isEmpty()) throw new IllegalArgumentException("no members to train on (expected ≥ 1)");
    if (stepTimeout == null || stepTimeout.isNegative() || stepTimeout.isZero()) {
      throw new IllegalArgumentException("cluster.step-timeout = " + stepTimeout + " (expected > 0)");
    }
    this.system = system;
    this.cluster = Cluster.get(system);
    this.members = new ArrayList<>(members);
    this.members.sort(Member.addressOrdering());
    this.hosts = new ArrayList<>();
    ActorRefResolver resolver = ActorRefResolver.get(system);
    for (Address a : this.members) hosts.add(resolver.resolveActorRef(a + "/system/" + ShardHost.NAME));
    this.stepTimeout = stepTimeout;
    this.onLoss = onLoss;
    this.hosting = ShardHosting.get(system);
  }

  /** The members this run still computes on, in shard order. */
  public List<Address> members() {
    return List.copyOf(members);
  }

  @Override
  public ShardResult compute(ShardWork whole) {
    while (true) {
      int lost = firstLost();
      if (lost >= 0) {
        lose(lost, whole, "before");
        continue;
      }
      int n = Math.min(hosts.size(), Math.min(whole.spec().batchRows(), whole.spec().negativeRows()));
      List<ShardWork> parts = StepStatistics.split(whole, n);
      long r = hosting.nextRequest();
      List<CompletableFuture<ShardResult>> answers = new ArrayList<>(n);
      for (int s = 0; s < n; s++) {
        CompletableFuture<ShardResult> f = new CompletableFuture<>();
        hosting.waiting().put(new ShardReplies.Key(r, s), f);
        answers.add(f);
        hosts.get(s).tell(new ShardHost.Compute(r, s, parts.get(s), hosting.replies()));
      }
      int missing;
      try {
        missing = await(answers, whole);
      } finally {
        for (int s = 0; s < n; s++) hosting.waiting().remove(new ShardReplies.Key(r, s)); // answers of a given-up attempt are dropped
      }
      if (missing < 0) return StepStatistics.gather(whole, parts, answers.stream().map(CompletableFuture::join).toList());
      lose(missing, whole, "during");
    }
  }

  /**
   * Waits for every answer; returns −1 when all came, or the index of a lost member whose answer
   * is missing. Throws on a refusal and on the step timeout.
   */
  private int await(List<CompletableFuture<ShardResult>> answers, ShardWork whole) {
    long deadline = System.nanoTime() + stepTimeout.toNanos();
    CompletableFuture<Void> all = CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new));
    while (true) {
      try {
        all.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
        return -1;
      } catch (TimeoutException e) {
        for (int s = 0; s < answers.size(); s++) if (!answers.get(s).isDone() && !alive(members.get(s))) return s;
        if (System.nanoTime() > deadline) {
          int s = 0;
          while (answers.get(s).isDone()) s++;
          throw new ShardFailure("member " + hostPort(members.get(s)) + " did not answer step " + whole.draws() + " within "
              + stepTimeout.toSeconds() + " s (cluster.step-timeout)");
        }
      } catch (ExecutionException e) {
        int s = 0;
        while (!answers.get(s).isCompletedExceptionally()) s++;
        throw new ShardFailure("member " + hostPort(members.get(s)) + " could not compute shard " + s + " of step " + whole.draws()
            + ": " + e.getCause().getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ShardFailure("interrupted while waiting for step " + whole.draws());
      }
    }
  }

  /** Acts on the loss of member {@code s}: stop, or drop it and go on while any remain. */
  private void lose(int s, ShardWork whole, String when) {
    String who = hostPort(members.get(s));
    if (onLoss == OnLoss.STOP || members.size() == 1) {
      throw new ShardFailure("member " + who + " left the cluster or became unreachable " + when + " step " + whole.draws()
          + " (of " + members.size() + " members)");
    }
    members.remove(s);
    hosts.remove(s);
    system.log().warn("member {} lost {} step {}: continuing on {} members", who, when, whole.draws(), members.size());
  }

  private int firstLost() {
    for (int s = 0; s < members.size(); s++) if (!alive(members.get(s))) return s;
    return -1;
  }

  /** Whether {@code a} is an Up (or weakly Up) member that this member can reach. */
  private boolean alive(Address a) {
    var state = cluster.state();
    for (Member m : state.getUnreachable()) if (m.address().equals(a)) return false;
    for (Member m : state.getMembers()) {
      if (m.address().equals(a)) return m.status() == MemberStatus.up() || m.status() == MemberStatus.weaklyUp();
    }
    return false;
  }

  private static String hostPort(Address a) {
    return a.getHost().orElse("?") + ":" + a.getPort().map(String::valueOf).orElse("?");
  }

  /** Nothing to release: the hosts and the receiver belong to the members' systems. */
  @Override
  public void close() {}
}
