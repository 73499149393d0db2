package io.glauber.engine.actor;

import akka.actor.ActorCell;
import akka.actor.ActorRefWithCell;
import akka.actor.typed.ActorRef;
import akka.actor.typed.javadsl.Adapter;
import akka.dispatch.Mailbox;
import akka.dispatch.affinity.FairDistributionHashCache;
import akka.dispatch.affinity.QueueSelector;
import akka.dispatch.affinity.QueueSelectorFactory;
import com.typesafe.config.Config;

/**
 * Which thread of the free-running (affinity-pool) dispatcher runs which neuron: neuron i of n
 * runs on thread ⌊i·threads/n⌋, so each thread holds one contiguous range of ids — on a lattice
 * numbered row by row, one band of rows — instead of a random half.
 *
 * <p>Why: a state change then crosses to the other core only at the bands' borders (two rows of
 * the lattice) instead of for half of all neighbours, and each thread walks its band in id order.
 * On the largest lattice this lowered the cost per update against the pool's own hashing; blocks
 * of ids dealt out in turn gained less (the measurements: docs/BENCHMARKS.md, neuron actors,
 * "Placement: the lattice cut into bands").
 *
 * <p>How: the network calls {@link #place} right after spawning each neuron, which records (i, n)
 * in the neuron's {@link RingMailbox} queue; {@link Selector}, the pool's {@code queue-selector},
 * reads it whenever the neuron's mailbox is scheduled. The first scheduling (the actor's creation)
 * may come before the place is recorded and is hashed like any other actor's. Reaching the queue
 * goes through Akka's internal {@code ActorRefWithCell}: where that is not what a ref is (a
 * remote ref, another mailbox), {@link #place} does nothing and the pool's own fair hashing applies,
 * so placement is an optimisation, never a condition of correctness: which thread runs a neuron
 * does not change its dynamics.
 */
public final class Placement {
  private Placement() {}

  /** Gives the local actor {@code ref} the place {@code index} of {@code count} (no effect on others). */
  public static void place(ActorRef<?> ref, int index, int count) {
    if (count < 1 || index < 0 || index >= count) {
      throw new IllegalArgumentException("place " + index + " of " + count + " (expected 0 ≤ index < count)");
    }
    if (Adapter.toClassic(ref) instanceof ActorRefWithCell r && r.underlying() instanceof ActorCell cell
        && cell.mailbox().messageQueue() instanceof RingMailbox.Queue q) {
      q.place(index, count);
    }
  }

  /**
   * The affinity pool's queue selector: a placed actor's thread from its place; everything else
   * (unplaced actors, the ping-pong players, the network's coordinator) as Akka's
   * {@link FairDistributionHashCache} would choose.
   */
  public static final class Selector implements QueueSelectorFactory {
    private final QueueSelectorFactory fallback;

    /** Akka constructs it with the pool's configuration section. */
    public Selector(Config config) {
      fallback = new FairDistributionHashCache(config);
    }

    @Override
    public QueueSelector create() {
      QueueSelector others = fallback.create();
      return (command, threads) -> {
        if (command instanceof Mailbox m && m.messageQueue() instanceof RingMailbox.Queue q) {
          int t = q.thread(threads);
          if (t >= 0) return t;
        }
        return others.getQueue(command, threads);
      };
    }
  }
}
