package io.glauber.engine.batch.cluster;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.Behaviors;
import io.glauber.engine.batch.ShardResult;
import io.glauber.engine.batch.ShardWork;
import io.glauber.engine.batch.ShardWorker;
import io.glauber.kernel.BatchGibbs;
import io.glauber.kernel.Team;

/**
 * A member's host of training shards: computes each {@link Compute} with one {@link ShardWorker}
 * (on the JVM's shared team of threads) and answers {@link ShardReplies.Computed}, or
 * {@link ShardReplies.Refused} with the reason when the work cannot be computed. It keeps nothing
 * from one step to the next but the worker's buffers, so any host can compute any shard of any
 * step. Runs on the blocking dispatcher: a shard may take long, and must not hold the threads
 * that the member's other actors answer on.
 */
public final class ShardHost {
  /** The host's name under {@code /system} on every member. */
  public static final String NAME = "glauber-shard-host";

  private ShardHost() {}

  /** What a host receives. */
  public sealed interface Command {}

  /**
   * Compute shard {@code shard} of request {@code request} and answer {@code replyTo}.
   *
   * @param request the step attempt this shard belongs to (answers echo it)
   * @param shard the shard's index in that attempt
   * @param work the shard's input
   * @param replyTo where the answer goes
   */
  public record Compute(long request, int shard, ShardWork work, ActorRef<ShardReplies.Reply> replyTo) implements Command, ShardMessage {
    public Compute {
      if (work == null || replyTo == null) throw new IllegalArgumentException("Compute without work or reply address (expected both)");
    }
  }

  /** A host with its own worker. */
  public static Behavior<Command> create() {
    return Behaviors.setup(context -> {
      ShardWorker worker = new ShardWorker(new BatchGibbs(Team.shared()));
      return Behaviors.receive(Command.class)
          .onMessage(Compute.class, c -> compute(worker, c))
          .build();
    });
  }

  private static Behavior<Command> compute(ShardWorker worker, Compute c) {
    ShardReplies.Reply reply;
    try {
      ShardResult r = worker.compute(c.work());
      reply = new ShardReplies.Computed(c.request(), c.shard(), r);
    } catch (RuntimeException e) {
      reply = new ShardReplies.Refused(c.request(), c.shard(), String.valueOf(e.getMessage()).replace('\n', ' '));
    }
    c.replyTo().tell(reply);
    return Behaviors.same();
  }
}
