package io.glauber.engine.actor.neuron;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.Behaviors;
import java.time.Duration;
import java.util.List;

/**
 * A short-lived aggregator (the shape of Akka's StatsAggregator sample): asks every neuron for its
 * state, collects the replies, reports one {@link Network.SnapshotTaken} to the network and stops;
 * if a reply is missing after the timeout it reports {@link Network.SnapshotFailed} naming the
 * silent neurons.
 *
 * <p>Consistency: each value is the neuron's state at the moment it handled {@link
 * Neuron.GetState}. Between barrier sweeps (exact mode) nothing moves, so the snapshot is the joint
 * state. While the network runs asynchronously the replies are taken at slightly different times —
 * a snapshot is then a "fuzzy cut", exactly what a physical observer reading the units one after
 * another would see; with n neurons on c cores the spread is about n/c update times.
 */
public final class Snapshot {

  /** Replies and the private timeout. */
  public sealed interface Command {}

  /**
   * One neuron's state and its counters: updates done, "informed" updates (the first after hearing
   * at least one change since the previous update), messages sent (state changes and credits).
   */
  public record Reported(int id, double state, long updates, long informed, long sent) implements Command, BinaryMessage {}

  /** The deadline (a timer message, never sent by anyone else). */
  private record TimedOut() implements Command {}

  /** Snapshot of all neurons, reported to {@code replyTo} with the given tag. */
  public static Behavior<Command> create(
      List<ActorRef<Neuron.Command>> neurons, ActorRef<Network.Command> replyTo, Duration timeout, long tag) {
    return create(neurons, replyTo, timeout, tag, false);
  }

  /**
   * With {@code freeze} (exclusive mode) every neuron stops updating before it reports
   * ({@link Neuron.Freeze}): a neuron's state cannot change after its report, so the reports are
   * the states after the last update of each — one state of the chain, not a fuzzy cut. The
   * network thaws them afterwards.
   */
  public static Behavior<Command> create(
      List<ActorRef<Neuron.Command>> neurons, ActorRef<Network.Command> replyTo, Duration timeout, long tag, boolean freeze) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
      Neuron.Command ask = freeze ? new Neuron.Freeze(ctx.getSelf()) : new Neuron.GetState(ctx.getSelf());
      for (ActorRef<Neuron.Command> n : neurons) n.tell(ask);
      // a deadline, not a receive timeout: replies trickling in must not postpone it forever
      timers.startSingleTimer(new TimedOut(), timeout);
      return collecting(new double[neurons.size()], new boolean[neurons.size()], neurons.size(), replyTo, tag, timeout);
    }));
  }

  private static Behavior<Command> collecting(
      double[] state, boolean[] seen, int missing,
      ActorRef<Network.Command> replyTo, long tag, Duration timeout) {
    long[] totals = new long[3];
    int[] left = {missing};
    return Behaviors.receive(Command.class)
        .onMessage(Reported.class, r -> {
          if (!seen[r.id()]) {
            seen[r.id()] = true;
            state[r.id()] = r.state();
            totals[0] += r.updates();
            totals[1] += r.informed();
            totals[2] += r.sent();
            left[0]--;
          }
          if (left[0] > 0) return Behaviors.same();
          replyTo.tell(new Network.SnapshotTaken(tag, state, totals[0], totals[1], totals[2]));
          return Behaviors.stopped();
        })
        .onMessage(TimedOut.class, t -> {
          StringBuilder silent = new StringBuilder();
          for (int i = 0, shown = 0; i < seen.length && shown < 10; i++) {
            if (!seen[i]) { silent.append(shown++ == 0 ? "" : ", ").append(i); }
          }
          replyTo.tell(new Network.SnapshotFailed(tag, "snapshot: " + left[0] + " of " + seen.length
              + " neurons silent after " + timeout + " (first: " + silent + ")"));
          return Behaviors.stopped();
        })
        .build();
  }
}
