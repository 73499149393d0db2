package io.glauber.engine.actor.neuron;

import static org.junit.jupiter.api.Assertions.assertEquals;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.typed.javadsl.Adapter;
import akka.serialization.Serialization;
import akka.serialization.SerializationExtension;
import akka.serialization.Serializers;
import io.glauber.engine.actor.ActorConfig;
import io.glauber.model.Phase;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The high-rate messages use the compact binary format and everything round-trips. */
class SerializationTest {
  static final ActorTestKit kit = ActorTestKit.create("serialization", ActorConfig.config());

  @AfterAll
  static void stop() {
    kit.shutdownTestKit();
  }

  static Object roundTrip(Object o, Class<?> expectedSerializer, int expectedBytes) {
    return roundTrip(kit, o, expectedSerializer, expectedBytes);
  }

  /** The same on another test kit's system (each test class shuts its own down). */
  static Object roundTrip(ActorTestKit kit, Object o, Class<?> expectedSerializer, int expectedBytes) {
    Serialization s = SerializationExtension.get(Adapter.toClassic(kit.system()));
    var serializer = s.findSerializerFor(o);
    assertEquals(expectedSerializer, serializer.getClass(), "serializer of " + o.getClass().getSimpleName());
    byte[] bytes = s.serialize(o).get(); // sets the transport information actor refs need
    if (expectedBytes >= 0) assertEquals(expectedBytes, bytes.length, "size of " + o.getClass().getSimpleName());
    return s.deserialize(bytes, serializer.identifier(), Serializers.manifestFor(serializer, o)).get();
  }

  @Test
  void stateMessagesAreCompactBinary() {
    assertEquals(new Neuron.StateChanged(7, -2.0, true), roundTrip(new Neuron.StateChanged(7, -2.0, true), NeuronSerializer.class, 13));
    assertEquals(new Neuron.Update(5, 0.5), roundTrip(new Neuron.Update(5, 0.5), NeuronSerializer.class, 16));
    assertEquals(new Neuron.Tick(3), roundTrip(new Neuron.Tick(3), NeuronSerializer.class, 4));
    assertEquals(new Network.Done(4, 1.0), roundTrip(new Network.Done(4, 1.0), NeuronSerializer.class, 12));
    assertEquals(new Neuron.Credit(2, 8), roundTrip(new Neuron.Credit(2, 8), NeuronSerializer.class, 8));
    assertEquals(Neuron.Ack.INSTANCE, roundTrip(Neuron.Ack.INSTANCE, NeuronSerializer.class, 0));
    assertEquals(new Snapshot.Reported(1, -1, 10, 5, 20), roundTrip(new Snapshot.Reported(1, -1, 10, 5, 20), NeuronSerializer.class, 36));
    var probe = kit.<Snapshot.Command>createTestProbe();
    assertEquals(new Neuron.GetState(probe.getRef()), roundTrip(new Neuron.GetState(probe.getRef()), NeuronSerializer.class, -1));
  }

  /** The counts cluster benchmarks report as messages between members: one per message each way, with its bytes. */
  @Test
  void compactSerializersCountTheTrafficTheyCarry() {
    var before = io.glauber.engine.actor.CompactSerializer.traffic();
    roundTrip(new Neuron.StateChanged(7, -2.0, true), NeuronSerializer.class, 13);
    roundTrip(new Neuron.Credit(2, 8), NeuronSerializer.class, 8);
    var t = io.glauber.engine.actor.CompactSerializer.traffic().minus(before);
    // test classes run one at a time (no parallel execution is configured), so nothing else serialises meanwhile
    assertEquals(new io.glauber.engine.actor.CompactSerializer.Traffic(2, 21, 2, 21), t);
  }

  @Test
  void controlMessagesRoundTripThroughJackson() {
    var probe = kit.<Neuron.Command>createTestProbe();
    var coordinator = kit.<Network.Command>createTestProbe();
    Neuron.Wire wire = new Neuron.Wire(List.of(probe.getRef()), coordinator.getRef());
    Class<?> cbor = akka.serialization.jackson.JacksonCborSerializer.class;
    assertEquals(wire, roundTrip(wire, cbor, -1));
    assertEquals(new Neuron.EndPhase(Phase.FREE), roundTrip(new Neuron.EndPhase(Phase.FREE), cbor, -1));
    Neuron.UpdateWeights w = (Neuron.UpdateWeights) roundTrip(new Neuron.UpdateWeights(new double[] {0.5, -1}, 0.25), cbor, -1);
    assertEquals(-1, w.weights()[1]);
  }
}
