package io.glauber.engine.actor.neuron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import akka.actor.testkit.typed.javadsl.BehaviorTestKit;
import akka.actor.testkit.typed.javadsl.TestInbox;
import io.glauber.model.Glauber;
import io.glauber.model.Units;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A neuron tested synchronously with {@link BehaviorTestKit}: no actor system, no threads; with a
 * fixed seed the exact sequence of messages it sends is known in advance. Copy this shape to test
 * any behaviour of your own.
 */
class NeuronBehaviorTest {
  static final long SEED = 42;

  /** Unit 1 of a 3-unit chain 0 — 1 — 2 with w = 0.8 and −0.5, bias 0.1, spins, all −1. */
  static NeuronSpec spec() {
    return new NeuronSpec(1, Units.SPIN, 0.1, new int[] {0, 2}, new double[] {0.8, -0.5}, -1,
        new double[] {-1, -1}, false, new SplittableRandom(SEED));
  }

  /** The draw the neuron will make: its generator is split once for its clock first. */
  static double firstDraw() {
    SplittableRandom r = new SplittableRandom(SEED);
    r.split();
    return r.nextDouble();
  }

  /** The neuron of {@link #spec()} wired to two neighbour inboxes and a coordinator inbox. */
  record Wired(BehaviorTestKit<Neuron.Command> neuron, TestInbox<Neuron.Command> left, TestInbox<Neuron.Command> right,
      TestInbox<Network.Command> coordinator) {}

  static Wired wired() {
    Wired w = new Wired(BehaviorTestKit.create(Neuron.create(spec())), TestInbox.create(), TestInbox.create(), TestInbox.create());
    w.neuron().run(new Neuron.Wire(List.of(w.left().getRef(), w.right().getRef()), w.coordinator().getRef()));
    return w;
  }

  @Test
  void exactStepSendsChangeWithAcksAndReportsDoneOnlyAfterAllAcks() {
    Wired w = wired();
    BehaviorTestKit<Neuron.Command> neuron = w.neuron();
    TestInbox<Neuron.Command> left = w.left();
    TestInbox<Neuron.Command> right = w.right();
    TestInbox<Network.Command> coordinator = w.coordinator();

    // a neighbour flips: the field moves by w·Δ and the change is acked back to that neighbour
    neuron.run(new Neuron.StateChanged(0, 2.0, true));
    left.expectMessage(Neuron.Ack.INSTANCE);
    double field = 0.1 + 0.8 * 1 - 0.5 * -1; // h = b + Σ w s = 1.4

    neuron.run(new Neuron.Update(1, 1.0));
    double next = Glauber.update(Units.SPIN, field, 1.0, firstDraw());
    if (next == -1) {
      coordinator.expectMessage(new Network.Done(1, -1));
      return;
    }
    left.expectMessage(new Neuron.StateChanged(1, 2.0, true));
    right.expectMessage(new Neuron.StateChanged(1, 2.0, true));
    neuron.run(Neuron.Ack.INSTANCE);
    assertFalse(coordinator.hasMessages(), "no barrier reply before every neighbour has acked");
    neuron.run(Neuron.Ack.INSTANCE);
    coordinator.expectMessage(new Network.Done(1, 1));
  }

  @Test
  void clampedNeuronHoldsItsValueAndReportsItsState() {
    Wired w = wired();
    BehaviorTestKit<Neuron.Command> neuron = w.neuron();
    TestInbox<Neuron.Command> left = w.left();
    TestInbox<Neuron.Command> right = w.right();
    TestInbox<Network.Command> coordinator = w.coordinator();
    neuron.run(new Neuron.Clamp(1));
    left.expectMessage(new Neuron.StateChanged(1, 2.0, true));
    right.expectMessage(new Neuron.StateChanged(1, 2.0, true));
    neuron.run(Neuron.Ack.INSTANCE);
    neuron.run(Neuron.Ack.INSTANCE);
    coordinator.expectMessage(new Network.Done(1, 1));
    for (int k = 0; k < 20; k++) {
      neuron.run(new Neuron.Update(k + 2, 1.0));
      coordinator.expectMessage(new Network.Done(1, 1));
    }
    assertFalse(left.hasMessages());
    TestInbox<Snapshot.Command> snapshot = TestInbox.create();
    neuron.run(new Neuron.GetState(snapshot.getRef()));
    assertEquals(new Snapshot.Reported(1, 1, 0, 0, 2), snapshot.receiveMessage());
  }

  /**
   * Exclusive mode, unit 1 of 0 — 1 — 2: the fork of {0, 1} starts at 0, that of {1, 2} at 1 (the
   * lower id, dirty). Hungry, the neuron asks 0 for its fork; asked by 2 for a dirty fork it hands
   * it over with its state and asks for it back; it updates once it holds both forks, from the
   * states they brought — and not while frozen: the update waits for the thaw.
   */
  @Test
  void exclusiveNeuronUpdatesOnlyHoldingEveryForkAndNotWhileFrozen() {
    BehaviorTestKit<Neuron.Command> neuron = BehaviorTestKit.create(Neuron.create(spec()));
    TestInbox<Neuron.Command> left = TestInbox.create();
    TestInbox<Neuron.Command> right = TestInbox.create();
    TestInbox<Network.Command> coordinator = TestInbox.create();
    TestInbox<Snapshot.Command> snapshot = TestInbox.create();
    neuron.run(new Neuron.Wire(List.of(left.getRef(), right.getRef()), coordinator.getRef()));
    neuron.run(new Neuron.StartAsync(1.0, 0, 0, true, io.glauber.engine.actor.Timing.DEFAULT));
    neuron.run(neuron.selfInbox().receiveMessage()); // the first tick: hungry
    left.expectMessage(new Neuron.ForkRequest(1));
    assertFalse(right.hasMessages(), "the fork of {1, 2} is already here");

    neuron.run(new Neuron.ForkRequest(2)); // dirty: handed over, and asked back at once (the request rides with it)
    right.expectMessage(new Neuron.Fork(1, -1, true));
    assertFalse(right.hasMessages(), "one message: the fork with the request token");

    neuron.run(new Neuron.Fork(0, 1)); // s_0 is now +1: h = 0.1 + 0.8 − 0.5·(−1) = 1.4
    neuron.run(new Neuron.Freeze(snapshot.getRef()));
    assertEquals(new Snapshot.Reported(1, -1, 0, 0, 2), snapshot.receiveMessage());
    neuron.run(new Neuron.Fork(2, -1)); // every fork, but frozen: no update
    neuron.run(new Neuron.GetState(snapshot.getRef()));
    assertEquals(0, ((Snapshot.Reported) snapshot.receiveMessage()).updates());

    neuron.run(Neuron.Thaw.INSTANCE);
    double next = Glauber.update(Units.SPIN, 1.4, 1.0, firstDraw());
    neuron.run(new Neuron.GetState(snapshot.getRef()));
    assertEquals(new Snapshot.Reported(1, next, 1, 1, 2), snapshot.receiveMessage());
    assertFalse(left.hasMessages() || right.hasMessages() || coordinator.hasMessages(), "no request pending: the forks stay");
    // unclocked, the neuron is hungry again at once; the forks are dirty now: a request hands one
    // over at once, with the new state, and asks for it back in the same message
    neuron.run(new Neuron.ForkRequest(0));
    left.expectMessage(new Neuron.Fork(1, next, true));
  }

  /**
   * A neighbour that started first may ask for a fork before this neuron's own start arrives (the
   * start is broadcast to one neuron after another): the request is served, not lost. And with a
   * {@link Neuron.Precedence} the forks start in (colour, id) order: unit 1 of colour 0 holds the
   * forks of both its edges although neighbour 0 has the lower id.
   */
  @Test
  void aForkRequestBeforeTheStartIsServedAndForksStartInColourOrder() {
    Wired w = wired();
    BehaviorTestKit<Neuron.Command> neuron = w.neuron();
    neuron.run(new Neuron.Precedence(0, new int[] {1, 1}));
    neuron.run(new Neuron.ForkRequest(0)); // before StartAsync
    w.left().expectMessage(new Neuron.Fork(1, -1, false));
    neuron.run(new Neuron.StartAsync(1.0, 0, 0, true, io.glauber.engine.actor.Timing.DEFAULT));
    neuron.run(neuron.selfInbox().receiveMessage()); // the first tick: hungry, asks 0 back (it holds 0's token)
    w.left().expectMessage(new Neuron.ForkRequest(1));
    assertFalse(w.right().hasMessages(), "the fork of {1, 2} starts here");
  }

  /**
   * On a cluster a neighbour's fork request (or change) can overtake the coordinator's wiring, which
   * comes from another member: the neuron keeps it until {@link Neuron.Wire} and then serves it with
   * the {@link Neuron.Precedence} that the coordinator sent before the wiring — so both ends of an
   * edge agree on who holds its fork first, as in one JVM.
   */
  @Test
  void aForkRequestAndAChangeBeforeTheWiringWaitForItAndFindThePrecedence() {
    BehaviorTestKit<Neuron.Command> neuron = BehaviorTestKit.create(Neuron.create(spec()));
    TestInbox<Neuron.Command> left = TestInbox.create(), right = TestInbox.create();
    TestInbox<Network.Command> coordinator = TestInbox.create();
    neuron.run(new Neuron.Precedence(0, new int[] {1, 1}));
    neuron.run(new Neuron.StateChanged(0, 2.0, false)); // from a neighbour on another member
    neuron.run(new Neuron.ForkRequest(0));
    assertFalse(left.hasMessages(), "nothing can be sent before the wiring");
    neuron.run(new Neuron.Wire(List.of(left.getRef(), right.getRef()), coordinator.getRef()));
    // colour 0 holds both forks (by id alone, neighbour 0 would): the request is served now, with the state
    left.expectMessage(new Neuron.Fork(1, -1, false));
    assertFalse(right.hasMessages());
  }
}
