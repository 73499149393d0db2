package io.glauber.engine.actor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.ActorCell;
import akka.actor.ActorRefWithCell;
import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.typed.ActorRef;
import akka.actor.typed.javadsl.Adapter;
import akka.actor.typed.javadsl.Behaviors;
import akka.dispatch.Envelope;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The ring mailbox is a FIFO queue for many senders and one receiver, and the neurons get it. */
class RingMailboxTest {
  static final ActorTestKit kit = ActorTestKit.create("ring-mailbox", ActorConfig.config());

  @AfterAll
  static void stop() {
    kit.shutdownTestKit();
  }

  private static akka.actor.ActorRef sender(String name) {
    return Adapter.toClassic(kit.<Object>createTestProbe(name).getRef());
  }

  @Test
  void keepsOrderAndSendersAcrossGrowth() {
    RingMailbox.Queue q = new RingMailbox.Queue();
    akka.actor.ActorRef a = sender("a");
    akka.actor.ActorRef b = sender("b");
    // interleave takes and puts so that the ring wraps before it grows, twice
    int next = 0;
    int expected = 0;
    for (int round = 0; round < 5; round++) {
      for (int k = 0; k < 3 * RingMailbox.INITIAL_CAPACITY; k++, next++) q.enqueue(null, Envelope.apply(next, next % 2 == 0 ? a : b));
      for (int k = 0; k < 2 * RingMailbox.INITIAL_CAPACITY; k++, expected++) {
        Envelope e = q.dequeue();
        assertEquals(expected, e.message());
        assertSame(expected % 2 == 0 ? a : b, e.sender());
      }
    }
    assertEquals(next - expected, q.numberOfMessages());
    while (q.hasMessages()) assertEquals(expected++, q.dequeue().message());
    assertEquals(next, expected);
    assertNull(q.dequeue());
    assertFalse(q.hasMessages());
  }

  @Test
  void concurrentSendersLoseNothingAndKeepTheirOwnOrder() throws InterruptedException {
    RingMailbox.Queue q = new RingMailbox.Queue();
    int senders = 4;
    int each = 200_000;
    akka.actor.ActorRef who = sender("who");
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int s = 0; s < senders; s++) {
      int id = s;
      Thread t = new Thread(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          return;
        }
        for (int k = 0; k < each; k++) q.enqueue(null, Envelope.apply(new long[] {id, k}, who));
      });
      t.start();
      threads.add(t);
    }
    start.countDown();
    int[] last = new int[senders];
    java.util.Arrays.fill(last, -1);
    long received = 0;
    while (received < (long) senders * each) {
      Envelope e = q.dequeue();
      if (e == null) {
        Thread.onSpinWait();
        continue;
      }
      long[] m = (long[]) e.message();
      assertEquals(last[(int) m[0]] + 1, m[1], "order of sender " + m[0]);
      last[(int) m[0]] = (int) m[1];
      received++;
    }
    for (Thread t : threads) t.join();
    assertNull(q.dequeue());
  }

  @Test
  void actorsWithNeuronPropsGetTheRingMailbox() {
    ActorRef<String> ref = kit.spawn(Behaviors.<String>ignore(), "with-neuron-props", ActorConfig.neuronProps());
    akka.actor.ActorRef classic = Adapter.toClassic(ref);
    assertTrue(classic instanceof ActorRefWithCell);
    ActorCell cell = (ActorCell) ((ActorRefWithCell) classic).underlying();
    assertInstanceOf(RingMailbox.Queue.class, cell.mailbox().messageQueue());
  }

  @Test
  void freeRunningNeuronsGetTheAffinityPoolAndTheRingMailbox() {
    java.time.Duration zero = java.time.Duration.ZERO;
    assertEquals(ActorConfig.FREE_RUNNING_DISPATCHER, ActorConfig.neuronDispatcher(Dynamics.async(zero, zero)));
    assertEquals(ActorConfig.FREE_RUNNING_DISPATCHER, ActorConfig.neuronDispatcher(Dynamics.async(zero, java.time.Duration.ofMillis(1))));
    assertEquals(ActorConfig.NEURON_DISPATCHER, ActorConfig.neuronDispatcher(Dynamics.async(java.time.Duration.ofMillis(1), zero)));
    assertEquals(ActorConfig.NEURON_DISPATCHER, ActorConfig.neuronDispatcher(Dynamics.exact()));

    ActorRef<String> ref = kit.spawn(Behaviors.<String>ignore(), "free-running", ActorConfig.neuronProps(Dynamics.async(zero, zero)));
    ActorCell cell = (ActorCell) ((ActorRefWithCell) Adapter.toClassic(ref)).underlying();
    assertInstanceOf(RingMailbox.Queue.class, cell.mailbox().messageQueue());
    assertEquals(ActorConfig.FREE_RUNNING_DISPATCHER, cell.dispatcher().id());
    assertEquals("affinity-pool-executor", kit.system().settings().config().getString(ActorConfig.FREE_RUNNING_DISPATCHER + ".executor"));
  }

  @Test
  void placedNeuronsRunInContiguousBandsOfIdsOneBandPerThread() {
    java.time.Duration zero = java.time.Duration.ZERO;
    int n = 8;
    // the pool's size as Akka computes it from parallelism-min 2, factor 1.0, max 64
    int threads = Math.min(Math.max((int) Math.ceil(Runtime.getRuntime().availableProcessors() * 1.0), 2), 64);
    List<ActorRef<ActorRef<String>>> refs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ActorRef<ActorRef<String>> ref = kit.spawn(Behaviors.receiveMessage(replyTo -> {
        replyTo.tell(Thread.currentThread().getName());
        return Behaviors.same();
      }), "placed-" + i, ActorConfig.neuronProps(Dynamics.async(zero, zero)));
      Placement.place(ref, i, n);
      refs.add(ref);
    }
    // where each actor runs, by majority over 20 turns (its first turn, the actor's creation, may
    // have been scheduled before its place was recorded)
    String[] home = new String[n];
    var probe = kit.<String>createTestProbe();
    for (int i = 0; i < n; i++) {
      java.util.Map<String, Integer> seen = new java.util.HashMap<>();
      for (int k = 0; k < 20; k++) {
        refs.get(i).tell(probe.getRef());
        seen.merge(probe.receiveMessage(), 1, Integer::sum);
      }
      home[i] = java.util.Collections.max(seen.entrySet(), java.util.Map.Entry.comparingByValue()).getKey();
      assertTrue(seen.get(home[i]) >= 15, () -> "actor ran on " + seen);
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        boolean sameBand = i * threads / n == j * threads / n;
        assertEquals(sameBand, home[i].equals(home[j]), "actors " + i + " and " + j + " on " + home[i] + " and " + home[j]);
      }
    }
    assertThrowsIllegal(() -> Placement.place(refs.get(0), n, n));
  }

  private static void assertThrowsIllegal(Runnable r) {
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, r::run);
  }

  @Test
  void aQueueWithoutAPlaceIsLeftToThePoolsHashing() {
    RingMailbox.Queue q = new RingMailbox.Queue();
    assertEquals(-1, q.thread(2));
    q.place(3, 4);
    assertEquals(1, q.thread(2));
    assertEquals(3, q.thread(4));
    q.place(1, 4);
    assertEquals(0, q.thread(2));
    q.place(99_999, 100_000);
    assertEquals(63, q.thread(64));
  }

  /** A turn message (a neuron's own tick) for the tests. */
  private record Tick(int n) implements TurnMessage {}

  @Test
  void aSecondTurnMessageEndsTheTurnAndWaitsAtTheHead() {
    RingMailbox.Queue q = new RingMailbox.Queue();
    akka.actor.ActorRef a = sender("turns");
    q.enqueue(null, Envelope.apply(new Tick(1), a));
    q.enqueue(null, Envelope.apply("news", a));
    q.enqueue(null, Envelope.apply(new Tick(2), a));
    q.enqueue(null, Envelope.apply("later", a));
    // turn 1: the tick and the news; the second tick ends the turn but stays queued
    assertEquals(new Tick(1), q.dequeue().message());
    assertEquals("news", q.dequeue().message());
    assertNull(q.dequeue());
    assertTrue(q.hasMessages(), "the refused tick keeps the actor scheduled");
    assertEquals(2, q.numberOfMessages());
    // turn 2 starts with it
    assertEquals(new Tick(2), q.dequeue().message());
    assertEquals("later", q.dequeue().message());
    assertNull(q.dequeue());
    assertFalse(q.hasMessages());
  }

  @Test
  void anActorThatResendsItsTickKeepsRunningOneTickPerTurn() throws InterruptedException {
    int rounds = 10_000;
    CountDownLatch done = new CountDownLatch(1);
    java.time.Duration zero = java.time.Duration.ZERO;
    ActorRef<Object> ref = kit.spawn(Behaviors.setup(ctx -> Behaviors.receiveMessage(m -> {
      if (m instanceof Tick t) {
        if (t.n() == rounds) done.countDown();
        else ctx.getSelf().tell(new Tick(t.n() + 1));
      }
      return Behaviors.same();
    })), "self-ticking", ActorConfig.neuronProps(Dynamics.async(zero, zero)));
    ref.tell(new Tick(1));
    assertTrue(done.await(30, java.util.concurrent.TimeUnit.SECONDS), "the actor stopped ticking: a refused tick was not rescheduled");
  }
}
