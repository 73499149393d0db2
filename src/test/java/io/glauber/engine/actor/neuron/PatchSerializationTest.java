package io.glauber.engine.actor.neuron;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import io.glauber.engine.actor.ActorConfig;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Every message of the patch actors uses {@link PatchSerializer} (identifier 7413) and round-trips; unit states travel as bytes. */
class PatchSerializationTest {
  static final Class<?> PATCH = PatchSerializer.class;
  static final ActorTestKit kit = ActorTestKit.create("patch-serialization", ActorConfig.config());

  @AfterAll
  static void stop() {
    kit.shutdownTestKit();
  }

  static Object roundTrip(Object o, Class<?> expectedSerializer, int expectedBytes) {
    return SerializationTest.roundTrip(kit, o, expectedSerializer, expectedBytes);
  }

  @Test
  void boundaryChangesAreFiveBytesPerUnitAfterTheHeader() {
    Patch.Changes c = new Patch.Changes(3, 2, 17, 2, new int[] {5, 9, 0}, new double[] {-1, 1, 0});
    Patch.Changes back = (Patch.Changes) roundTrip(c, PATCH, 20 + 2 * 5);
    assertEquals(3, back.from());
    assertEquals(2, back.epoch());
    assertEquals(17, back.sweep());
    assertEquals(2, back.count());
    assertEquals(9, back.slot(1));
    assertEquals(-1, back.value(0));
    assertEquals(1, back.value(1));
  }

  @Test
  void exclusiveModeMessagesRoundTripAndAForkCarriesFiveBytesPerChangedUnit() {
    Patch.Fork f = (Patch.Fork) roundTrip(new Patch.Fork(2, true, new int[] {4, 1}, new double[] {-1, 1}), PATCH, 4 + 1 + 4 + 2 * 5);
    assertEquals(2, f.from());
    assertEquals(true, f.request());
    assertArrayEquals(new int[] {4, 1}, f.slots());
    assertArrayEquals(new double[] {-1, 1}, f.values());
    assertEquals(new Patch.ForkRequest(5), roundTrip(new Patch.ForkRequest(5), PATCH, 4));
    assertEquals(new Patch.StartExclusive(1.5, 0, 100_000), roundTrip(new Patch.StartExclusive(1.5, 0, 100_000), PATCH, 24));
    assertEquals(new Patch.Freeze(11), roundTrip(new Patch.Freeze(11), PATCH, 8));
    assertEquals(new Patch.Thaw(), roundTrip(new Patch.Thaw(), PATCH, 0));
  }

  @Test
  void everyOtherMessageRoundTrips() {
    assertEquals(new Patch.Credit(4, 1), roundTrip(new Patch.Credit(4, 1), PATCH, 8));
    assertEquals(new Patch.Run(40, 12), roundTrip(new Patch.Run(40, 12), PATCH, 16));
    assertEquals(new Patch.Tick(7), roundTrip(new Patch.Tick(7), PATCH, 4));
    assertEquals(new Patch.GetState(9), roundTrip(new Patch.GetState(9), PATCH, 8));
    assertEquals(new Patch.StartAsync(2.5, 100, 7), roundTrip(new Patch.StartAsync(2.5, 100, 7), PATCH, 24));
    assertEquals(new Patch.Pause(), roundTrip(new Patch.Pause(), PATCH, 0));
    assertEquals(new Patch.SetTemperature(0.3), roundTrip(new Patch.SetTemperature(0.3), PATCH, 8));
    assertEquals(new Patch.FailNext(), roundTrip(new Patch.FailNext(), PATCH, 0));
    Patch.Load load = (Patch.Load) roundTrip(new Patch.Load(3, new double[] {1, 0, 1}, new double[] {0}, 2), PATCH, 4 + 4 + 3 + 4 + 1 + 4);
    assertEquals(3, load.epoch());
    assertArrayEquals(new double[] {1, 0, 1}, load.own());
    assertArrayEquals(new double[] {0}, load.external());
    assertEquals(2, load.clampedBelow());
    Patch.SetWeights w = (Patch.SetWeights) roundTrip(new Patch.SetWeights(new double[] {0.5}, new double[] {-1.25, 2}, new double[] {}), PATCH, 12 + 8 * 3);
    assertArrayEquals(new double[] {-1.25, 2}, w.internal());
    assertArrayEquals(new double[] {0.5}, w.bias());
    PatchNetwork.Reached r = (PatchNetwork.Reached) roundTrip(new PatchNetwork.Reached(2, 30, new double[] {-1, 1}), PATCH, 4 + 8 + 4 + 2);
    assertEquals(30, r.sweep());
    assertArrayEquals(new double[] {-1, 1}, r.state());
    PatchNetwork.Report q = (PatchNetwork.Report) roundTrip(new PatchNetwork.Report(1, 5, new double[] {1}, 10, 4, 20), PATCH, 4 + 8 + 5 + 24);
    assertEquals(new PatchNetwork.Report(1, 5, q.state(), 10, 4, 20), q);
    var neighbour = kit.<Patch.Command>createTestProbe();
    var coordinator = kit.<PatchNetwork.Event>createTestProbe();
    Patch.Wire wire = new Patch.Wire(List.of(neighbour.getRef(), neighbour.getRef()), coordinator.getRef());
    assertEquals(wire, roundTrip(wire, PATCH, -1));
  }

  @Test
  void aStateThatIsNoUnitValueIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> roundTrip(new PatchNetwork.Reached(0, 1, new double[] {0.5}), PATCH, -1));
  }
}
