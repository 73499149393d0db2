package io.glauber.engine.actor;

import akka.actor.ActorRef;
import akka.actor.ActorSystem;
import akka.dispatch.Envelope;
import akka.dispatch.MailboxType;
import akka.dispatch.MessageQueue;
import akka.dispatch.ProducesMessageQueue;
import akka.dispatch.UnboundedMessageQueueSemantics;
import com.typesafe.config.Config;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import scala.Option;

/**
 * The neuron dispatcher's mailbox: an unbounded queue for many senders and one receiver, kept in
 * one growable ring of (message, sender) pairs, allocating nothing per message.
 *
 * <p>Why: Akka's default mailbox is a {@code ConcurrentLinkedQueue} of {@link Envelope}s, so every
 * message waiting in a mailbox is two young objects (the envelope and the queue node) beside the
 * message itself. On a large lattice a message waits about one round of the dispatcher through all
 * neurons' mailboxes, which at 10⁵ neurons outlives a young-generation period: the collector copies
 * and promotes every waiting envelope and node, and that copying grew the cost per update with the
 * number of neurons (docs/BENCHMARKS-actor.md). This queue keeps the envelope's two fields in its
 * ring and drops the envelope; {@link #dequeue} wraps the pair in a fresh envelope that dies as
 * soon as the message is handled, or hands out the previous one again when message and sender are
 * the same objects (a neuron's tick, read many times in a row). With messages that are themselves
 * preallocated (a neuron's {@code Tick}, {@code Credit} and state changes), nothing a waiting
 * message holds on to is young.
 *
 * <p>One short critical section per enqueue and dequeue, under a spin lock (a compare-and-set and a
 * release store, as cheap as the linked queue's compare-and-set when uncontended; here at most two
 * dispatcher threads ever contend). The ring doubles when full and never shrinks: async flow
 * control bounds what can wait in a neuron's mailbox (docs/ACTORS.md).
 *
 * <p>One {@link TurnMessage} per turn: a free-running neuron re-sends itself its clock tick after
 * every update, so with a throughput of k it would read its own tick up to k times in a turn — k
 * draws from an unchanged field, all but the first uninformed, each a full message hand-off through
 * this queue and Akka's dispatch. {@link #dequeue} therefore ends the turn (returns null) when a
 * second turn message reaches the head within one turn; {@link #hasMessages} still says the queue
 * is not empty, so the dispatcher schedules the actor again at once, behind the other actors of its
 * thread, and the next turn starts with whatever news arrived meanwhile, then the tick. A turn
 * starts at the first dequeue after a null (or after a turn cut short by the dispatcher's
 * throughput: then the first tick of the next turn may be refused once — an empty turn, harmless).
 *
 * <p>Configured as {@code mailbox-type} of {@code glauber.neuron-dispatcher}, so the neurons and the
 * ping-pong ceiling of {@link ActorBench} run with it alike.
 */
public final class RingMailbox implements MailboxType, ProducesMessageQueue<RingMailbox.Queue> {

  /** Pairs of the ring before it first grows. */
  static final int INITIAL_CAPACITY = 8;

  /** The constructor Akka calls for a mailbox configured by class name. */
  public RingMailbox(ActorSystem.Settings settings, Config config) {}

  @Override
  public MessageQueue create(Option<ActorRef> owner, Option<ActorSystem> system) {
    return new Queue();
  }

  /** The queue of one actor. */
  public static final class Queue implements MessageQueue, UnboundedMessageQueueSemantics {
    private static final VarHandle LOCK;

    static {
      try {
        LOCK = MethodHandles.lookup().findVarHandle(Queue.class, "lock", int.class);
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }

    /** 1 while a sender or the receiver holds the ring. */
    @SuppressWarnings("unused") // accessed through LOCK
    private volatile int lock;
    /** Messages waiting; written under the lock, read without it by {@link #hasMessages}. */
    private volatile int size;
    /** Pair index of the oldest message (under the lock). */
    private int head;
    /** message of pair k at 2k, its sender at 2k + 1 (under the lock); capacity a power of two. */
    private Object[] ring = new Object[2 * INITIAL_CAPACITY];
    /** Whether the current turn has handed out its {@link TurnMessage} (the receiver's field only). */
    private boolean turnServed;
    /** The envelope {@link #dequeue} returned last (the receiver's field only). */
    private Envelope last;
    /** This actor's place among its peers, i of n, for {@link Placement}; n = 0: none given. */
    private volatile long place;

    /** Records that this queue's actor is number {@code index} of {@code count} ({@link Placement}). */
    void place(int index, int count) {
      place = ((long) count << 32) | (index & 0xFFFFFFFFL);
    }

    /** The thread of {@code threads} that {@link Placement} gives this actor, or −1 if it has no place. */
    int thread(int threads) {
      long p = place;
      int count = (int) (p >>> 32);
      return count == 0 ? -1 : (int) ((p & 0xFFFFFFFFL) * threads / count);
    }

    @Override
    public void enqueue(ActorRef receiver, Envelope handle) {
      acquire();
      try {
        Object[] r = ring;
        int n = size;
        if (2 * n == r.length) r = grow(n);
        int slot = ((head + n) & ((r.length >> 1) - 1)) << 1;
        r[slot] = handle.message();
        r[slot + 1] = handle.sender();
        size = n + 1;
      } finally {
        release();
      }
    }

    @Override
    public Envelope dequeue() {
      return take(true);
    }

    /**
     * The oldest message, or null if there is none — or, with {@code turns}, if it is a second
     * {@link TurnMessage} in this turn (it stays at the head for the next turn).
     */
    private Envelope take(boolean turns) {
      if (size == 0) { // only the receiver takes messages out: no race to lose
        turnServed = false;
        return null;
      }
      Object message;
      Object sender;
      acquire();
      try {
        Object[] r = ring;
        int slot = head << 1;
        message = r[slot];
        if (turns && message instanceof TurnMessage) {
          if (turnServed) {
            turnServed = false;
            return null;
          }
          turnServed = true;
        }
        sender = r[slot + 1];
        r[slot] = null;
        r[slot + 1] = null;
        head = (head + 1) & ((r.length >> 1) - 1);
        size = size - 1;
      } finally {
        release();
      }
      // an unclocked neuron reads its own tick many times: one envelope serves them all
      Envelope e = last;
      if (e == null || e.message() != message || e.sender() != sender) last = e = Envelope.apply(message, (ActorRef) sender);
      return e;
    }

    @Override
    public int numberOfMessages() {
      return size;
    }

    @Override
    public boolean hasMessages() {
      return size != 0;
    }

    @Override
    public void cleanUp(ActorRef owner, MessageQueue deadLetters) {
      for (Envelope e = take(false); e != null; e = take(false)) deadLetters.enqueue(owner, e);
    }

    /** The ring at twice its capacity, the {@code n} waiting pairs moved to its start. */
    private Object[] grow(int n) {
      Object[] old = ring;
      int mask = (old.length >> 1) - 1;
      Object[] r = new Object[2 * old.length];
      for (int k = 0; k < n; k++) {
        int from = ((head + k) & mask) << 1;
        r[2 * k] = old[from];
        r[2 * k + 1] = old[from + 1];
      }
      head = 0;
      ring = r;
      return r;
    }

    private void acquire() {
      int spins = 0;
      while (!LOCK.compareAndSet(this, 0, 1)) {
        // the holder runs a few stores; if it was descheduled, let it run
        if (++spins < 64) Thread.onSpinWait();
        else Thread.yield();
      }
    }

    private void release() {
      LOCK.setRelease(this, 0);
    }
  }
}
