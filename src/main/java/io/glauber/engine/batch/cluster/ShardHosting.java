package io.glauber.engine.batch.cluster;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.DispatcherSelector;
import akka.actor.typed.Extension;
import akka.actor.typed.ExtensionId;
import akka.actor.typed.Props;
import io.glauber.engine.batch.ShardResult;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Starts a {@link ShardHost} (and the receiver of answers, {@link ShardReplies}) on a member's
 * actor system when the system starts: listed in
 * {@code akka.actor.typed.extensions} by {@code glauber-batch-cluster.conf} (included by
 * {@code glauber-cluster.conf}), so every cluster member — a {@code glauber node} or a training
 * process — hosts shards at {@code /system/glauber-shard-host} without a line of its own.
 */
public final class ShardHosting implements Extension {
  private final ActorRef<ShardHost.Command> host;
  private final ConcurrentMap<ShardReplies.Key, CompletableFuture<ShardResult>> waiting = new ConcurrentHashMap<>();
  private final ActorRef<ShardReplies.Reply> replies;
  private final AtomicLong requests = new AtomicLong();

  private ShardHosting(ActorSystem<?> system) {
    this.host = system.systemActorOf(ShardHost.create(), ShardHost.NAME, DispatcherSelector.blocking());
    this.replies = system.systemActorOf(ShardReplies.create(waiting), ShardReplies.NAME, Props.empty());
  }

  /** The receiver of this member's shard answers, at a fixed path (the large-message lane's). */
  ActorRef<ShardReplies.Reply> replies() {
    return replies;
  }

  /** The answers this member's runs wait for. */
  ConcurrentMap<ShardReplies.Key, CompletableFuture<ShardResult>> waiting() {
    return waiting;
  }

  /** A request id not used before on this member. */
  long nextRequest() {
    return requests.incrementAndGet();
  }

  /** This member's host. */
  public ActorRef<ShardHost.Command> host() {
    return host;
  }

  /** The extension's id (Akka finds it through {@link #getInstance()}). */
  public static final class Id extends ExtensionId<ShardHosting> {
    private static final Id INSTANCE = new Id();

    private Id() {}

    /** The one id. */
    public static Id getInstance() {
      return INSTANCE;
    }

    @Override
    public ShardHosting createExtension(ActorSystem<?> system) {
      return new ShardHosting(system);
    }
  }

  /** The extension of {@code system} (started with it when configured, else now). */
  public static ShardHosting get(ActorSystem<?> system) {
    return Id.getInstance().apply(system);
  }
}
