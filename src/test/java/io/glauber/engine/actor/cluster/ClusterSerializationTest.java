package io.glauber.engine.actor.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.typed.ActorRef;
import akka.actor.typed.javadsl.Adapter;
import akka.serialization.Serialization;
import akka.serialization.SerializationExtension;
import akka.serialization.Serializers;
import io.glauber.engine.actor.ActorConfig;
import io.glauber.engine.actor.Granularity;
import io.glauber.engine.actor.JsonMessage;
import io.glauber.engine.actor.layer.HiddenLayer;
import io.glauber.engine.actor.layer.LayerMessage;
import io.glauber.engine.actor.layer.RbmSupervisor;
import io.glauber.engine.actor.layer.VisibleLayer;
import io.glauber.engine.actor.neuron.BinaryMessage;
import io.glauber.engine.actor.neuron.Patch;
import io.glauber.engine.actor.neuron.PatchMessage;
import io.glauber.engine.actor.neuron.PatchSerializer;
import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Schedule;
import io.glauber.model.SparseCouplings;
import io.glauber.model.Units;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Every message that crosses members has an explicit serializer: the placement protocol's own
 * ({@link ClusterSerializer}, identifier 7414) round-trips, dense and sparse machines, schedules and
 * refs included; the patch diagnostics round-trip through {@link PatchSerializer}; and every public
 * message type of the actors that cluster mode places (neuron, patch, snapshot, network, host, an
 * RBM's supervisor and layers; the layer batches round-trip in the layer engine's own tests)
 * carries one of the four bound markers — none would fall back to Java serialization, which is off.
 */
class ClusterSerializationTest {
  static final ActorTestKit kit = ActorTestKit.create("cluster-serialization", ActorConfig.config());

  @AfterAll
  static void stop() {
    kit.shutdownTestKit();
  }

  static Object roundTrip(Object o, Class<?> expectedSerializer) {
    Serialization s = SerializationExtension.get(Adapter.toClassic(kit.system()));
    var serializer = s.findSerializerFor(o);
    assertEquals(expectedSerializer, serializer.getClass(), "serializer of " + o.getClass().getSimpleName());
    byte[] bytes = s.serialize(o).get();
    return s.deserialize(bytes, serializer.identifier(), Serializers.manifestFor(serializer, o)).get();
  }

  @Test
  void placementRequestsRoundTripWithDenseAndSparseMachines() {
    ActorRef<Host.Placed> probe = kit.<Host.Placed>createTestProbe().getRef();
    BoltzmannMachine dense = io.glauber.engine.actor.Fixtures.randomMachine(5, Units.BINARY, 0.6, 1.5, 3, 9);
    RunPlan neurons = new RunPlan(Granularity.Kind.NEURON, dense, Schedule.parse("2@20,1@10"), new double[] {0, 1, 1, 0, 1}, 42, new int[0], 0,
        ActorConfig.NEURON_DISPATCHER);
    Host.Spawn back = (Host.Spawn) roundTrip(new Host.Spawn(neurons, new int[] {1, 2}, probe), ClusterSerializer.class);
    assertEquals(dense, back.plan().machine());
    assertEquals(neurons.schedule(), back.plan().schedule());
    assertArrayEquals(neurons.initial(), back.plan().initial());
    assertEquals(42, back.plan().seed());
    assertArrayEquals(new int[] {1, 2}, back.which());
    assertEquals(probe, back.replyTo());
    assertEquals(ActorConfig.NEURON_DISPATCHER, back.plan().dispatcher());

    BoltzmannMachine sparse = new BoltzmannMachine(Units.SPIN, SparseCouplings.squareLattice(4, 0.7), new double[16], 16, 2.0);
    RunPlan patches = new RunPlan(Granularity.Kind.PATCH, sparse, null, null, 7, io.glauber.engine.actor.Partition.squareTiles(4, 2).patchOf(), 4,
        ActorConfig.FREE_RUNNING_DISPATCHER);
    Host.Spawn back2 = (Host.Spawn) roundTrip(new Host.Spawn(patches, new int[] {3}, probe), ClusterSerializer.class);
    assertEquals(sparse, back2.plan().machine());
    assertEquals(null, back2.plan().schedule());
    assertEquals(null, back2.plan().initial());
    assertArrayEquals(patches.patchOf(), back2.plan().patchOf());
    assertEquals(Granularity.Kind.PATCH, back2.plan().kind());
    assertEquals(4, back2.plan().patches());
  }

  @Test
  void placementRepliesAndReleaseRoundTrip() {
    ActorRef<Host.Release> run = kit.<Host.Release>createTestProbe().getRef();
    ActorRef<Object> a = kit.createTestProbe().getRef();
    Host.Placed placed = (Host.Placed) roundTrip(new Host.Placed(run, new int[] {4, 5}, List.of(a, a), null), ClusterSerializer.class);
    assertEquals(run, placed.run());
    assertArrayEquals(new int[] {4, 5}, placed.which());
    assertEquals(List.of(a, a), placed.refs());
    assertEquals(null, placed.error());
    Host.Placed refused = (Host.Placed) roundTrip(new Host.Placed(run, new int[] {4}, List.of(), "no room"), ClusterSerializer.class);
    assertEquals("no room", refused.error());
    assertEquals(new Host.Release(), roundTrip(new Host.Release(), ClusterSerializer.class));
  }

  @Test
  void layerPlacementRoundTripsThroughJacksonCbor() {
    ActorRef<RbmSupervisor.Command> supervisor = kit.<RbmSupervisor.Command>createTestProbe().getRef();
    for (RbmSupervisor.Layer layer : RbmSupervisor.Layer.values()) {
      Host.SpawnLayer m = new Host.SpawnLayer(layer, supervisor);
      assertEquals(m, roundTrip(m, akka.serialization.jackson.JacksonCborSerializer.class));
    }
  }

  @Test
  void patchDiagnosticsRoundTrip() {
    ActorRef<Patch.Fields> probe = kit.<Patch.Fields>createTestProbe().getRef();
    assertEquals(new Patch.GetFields(probe), roundTrip(new Patch.GetFields(probe), PatchSerializer.class));
    Patch.Fields f = (Patch.Fields) roundTrip(new Patch.Fields(2, new int[] {7, 8}, new double[] {-1, 1}, new double[] {0.25, -3}), PatchSerializer.class);
    assertEquals(2, f.patch());
    assertArrayEquals(new int[] {7, 8}, f.ids());
    assertArrayEquals(new double[] {-1, 1}, f.state());
    assertArrayEquals(new double[] {0.25, -3}, f.fields());
  }

  /** Messages are nested in the actor that receives them (STYLE.md), so the nested public types are all of them. */
  @Test
  void everyPublicMessageOfThePlacedActorsHasABoundSerializer() {
    Class<?>[] actors = {io.glauber.engine.actor.neuron.Neuron.class, Patch.class, io.glauber.engine.actor.neuron.Network.class,
        io.glauber.engine.actor.neuron.PatchNetwork.class, io.glauber.engine.actor.neuron.Snapshot.class, Host.class,
        RbmSupervisor.class, VisibleLayer.class, HiddenLayer.class};
    int checked = 0;
    for (Class<?> actor : actors) {
      for (Class<?> c : actor.getDeclaredClasses()) {
        if (c.isInterface() || c.isEnum() || !java.lang.reflect.Modifier.isPublic(c.getModifiers()) || Throwable.class.isAssignableFrom(c)) continue;
        boolean bound = BinaryMessage.class.isAssignableFrom(c) || PatchMessage.class.isAssignableFrom(c) || JsonMessage.class.isAssignableFrom(c)
            || ClusterMessage.class.isAssignableFrom(c) || LayerMessage.Binary.class.isAssignableFrom(c);
        org.junit.jupiter.api.Assertions.assertTrue(bound, c.getName() + " has no serializer binding");
        checked++;
      }
    }
    org.junit.jupiter.api.Assertions.assertTrue(checked > 40, "only " + checked + " message types found");
  }
}
