package io.glauber.engine.batch.cluster;

import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.Behaviors;
import io.glauber.engine.batch.ShardResult;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentMap;

/**
 * The training process's receiver of shard answers: completes the waiting step's future of each
 * answer ({@link ClusterShards} waits on them); answers that no step waits for any more (of an
 * attempt given up after a member was lost) are dropped.
 */
public final class ShardReplies {
  /** The receiver's name under {@code /system} on the training member. */
  public static final String NAME = "glauber-shard-replies";

  private ShardReplies() {}

  /** An answer of a host. */
  public sealed interface Reply {}

  /** Shard {@code shard} of request {@code request} computed. */
  public record Computed(long request, int shard, ShardResult result) implements Reply, ShardMessage {
    public Computed {
      if (result == null) throw new IllegalArgumentException("Computed without a result");
    }
  }

  /** Shard {@code shard} of request {@code request} could not be computed, for {@code reason}. */
  public record Refused(long request, int shard, String reason) implements Reply, ShardMessage {
    public Refused {
      if (reason == null) throw new IllegalArgumentException("Refused without a reason");
    }
  }

  /** Which answer a future waits for. */
  record Key(long request, int shard) {}

  /** A receiver that completes the futures in {@code waiting} (removing them). */
  static Behavior<Reply> create(ConcurrentMap<Key, CompletableFuture<ShardResult>> waiting) {
    return Behaviors.receive(Reply.class)
        .onMessage(Computed.class, m -> {
          CompletableFuture<ShardResult> f = waiting.remove(new Key(m.request(), m.shard()));
          if (f != null) f.complete(m.result());
          return Behaviors.same();
        })
        .onMessage(Refused.class, m -> {
          CompletableFuture<ShardResult> f = waiting.remove(new Key(m.request(), m.shard()));
          if (f != null) f.completeExceptionally(new IllegalStateException(m.reason()));
          return Behaviors.same();
        })
        .build();
  }
}
