package io.glauber.cli;

import io.glauber.engine.actor.cluster.MemberSettings;
import picocli.CommandLine.Option;

/** {@code --join HOST:PORT --members N}: run a command as a member of a cluster (docs/CLUSTER.md, docs/DATA-PARALLEL.md). */
final class ClusterOptions {
  @Option(names = "--join", paramLabel = "HOST:PORT", description = "Run on a cluster: join the member at HOST:PORT (e.g. a"
      + " `glauber node`); actors are placed over --members members, batched training splits every step over them.") String join;
  @Option(names = "--members", paramLabel = "N", description = "With --join: members to wait for and place the actors on, this one included (default 1).") Integer members;

  /** Whether the command runs as a cluster member; refuses --members without --join, and N < 1. */
  boolean on() {
    if (join == null && members != null) throw new IllegalArgumentException("--members " + members + " without --join (expected --join HOST:PORT)");
    if (members != null && members < 1) throw new IllegalArgumentException("--members " + members + " (expected ≥ 1)");
    return join != null;
  }

  /** Refuses --join where the command would not run actors that can be placed ({@code what} names it). */
  void refuse(String what) {
    if (on()) throw new IllegalArgumentException("--join with " + what + " (cluster mode places neuron or patch actors)");
  }

  int members() {
    return members == null ? 1 : members;
  }

  /** This process as a member: any free port, joining --join. */
  MemberSettings settings() {
    return MemberSettings.of(0, join);
  }
}
