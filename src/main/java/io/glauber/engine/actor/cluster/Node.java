package io.glauber.engine.actor.cluster;

import java.io.PrintStream;

/**
 * A member that serves until stopped ({@code glauber node}): it joins (or starts) the cluster,
 * runs its {@link Host} so that runs started on other members can place actors here, says where
 * it listens, and blocks until its actor system terminates — on SIGTERM (coordinated shutdown
 * from the JVM's shutdown hook: it leaves the cluster gracefully first, and the JVM exits 143), or
 * when the cluster downed it (then {@link #serve} ends with an error, so the command exits 1 with one line).
 */
public final class Node {
  private Node() {}

  /** Runs a member with these settings until it stops; {@code out} gets one line once it is Up. */
  public static void serve(MemberSettings settings, PrintStream out) {
    Membership member = Membership.start(settings);
    try {
      member.startHost();
      member.awaitSelfUp();
    } catch (RuntimeException e) {
      member.leave();
      throw e;
    }
    out.println("glauber node " + member.joinAddress() + " up (" + member.up().size() + " members); others join with --join "
        + member.joinAddress() + "; stop with SIGTERM");
    out.flush();
    member.awaitTermination();
    // a SIGTERM never gets here (the JVM exits 143 once its hooks have run); the cluster downing this member does
    var reason = akka.actor.CoordinatedShutdown.get(akka.actor.typed.javadsl.Adapter.toClassic(member.system())).getShutdownReason();
    if (reason.isPresent() && reason.get() instanceof akka.actor.CoordinatedShutdown.ClusterDowningReason$) {
      throw new IllegalStateException("this node was downed by the cluster (split brain resolver, docs/CLUSTER.md): it stopped");
    }
  }
}
