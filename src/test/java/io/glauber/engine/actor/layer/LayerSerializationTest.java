package io.glauber.engine.actor.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.serialization.Serialization;
import akka.serialization.SerializationExtension;
import akka.actor.typed.javadsl.Adapter;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Every message of the layer engine survives a round trip through the serializer it is bound to. */
class LayerSerializationTest {
  private static final ActorTestKit testKit = ActorTestKit.create("layer-serialization", LayerTestSupport.verifyingConfig());

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  private static final StateBatch STATES = new StateBatch(2, 3, new float[] {1, 0, 1, 0, 0, 1});
  private static final StateBatch PROBABILITIES = new StateBatch(2, 3, new float[] {0.25f, 0.5f, 1e-7f, 0.999f, 0, 1});
  private static final LayerParameters PARAMETERS = new LayerParameters(2, 3,
      new float[] {0.1f, -0.2f, 0.3f, -0.4f, 0.5f, Float.MIN_VALUE}, new float[] {1, -1}, new float[] {0, 2, -3}, 0.5f);

  @Test
  void everyMessageRoundTripsThroughItsBoundSerializer() {
    TestProbe<RbmSupervisor.Reply> client = testKit.createTestProbe();
    TestProbe<VisibleLayer.Command> visible = testKit.createTestProbe();
    TestProbe<HiddenLayer.Command> hidden = testKit.createTestProbe();
    List<LayerMessage> binary = List.of(
        new HiddenLayer.VisibleStates(7, 2, STATES),
        new HiddenLayer.UpdateWeights(3, PARAMETERS),
        new HiddenLayer.Restore(PARAMETERS, STATES, -5, visible.getRef()),
        new HiddenLayer.Restore(PARAMETERS, null, 9, visible.getRef()),
        new VisibleLayer.HiddenStates(8, 1, PROBABILITIES),
        new VisibleLayer.Clamp(STATES),
        new VisibleLayer.UpdateWeights(4, PARAMETERS),
        new VisibleLayer.Restore(PARAMETERS, null, 11, hidden.getRef()),
        new RbmSupervisor.Train(12, STATES, client.getRef()),
        new RbmSupervisor.Sample(5, STATES, client.getRef()),
        new RbmSupervisor.Sample(5, null, client.getRef()),
        new RbmSupervisor.Settled(13, STATES, PROBABILITIES, STATES),
        new RbmSupervisor.EpochEnded(2, 3, Double.NaN, PARAMETERS),
        new RbmSupervisor.Samples(STATES, STATES),
        new RbmSupervisor.Model(PARAMETERS));
    List<LayerMessage> cbor = List.of(
        new HiddenLayer.Release(14, 3),
        new HiddenLayer.InjectFault(2, RbmSupervisor.Fault.THROW),
        new VisibleLayer.Release(15, 0),
        new VisibleLayer.InjectFault(1, RbmSupervisor.Fault.DROP),
        new RbmSupervisor.EndEpoch(4, client.getRef()),
        new RbmSupervisor.GetModel(client.getRef()),
        new RbmSupervisor.InjectFault(RbmSupervisor.Layer.HIDDEN, 3, RbmSupervisor.Fault.THROW),
        new RbmSupervisor.Stop(),
        new RbmSupervisor.VisibleStarted(visible.getRef()),
        new RbmSupervisor.HiddenStarted(hidden.getRef()),
        new RbmSupervisor.WeightsUpdated(6, RbmSupervisor.Layer.VISIBLE),
        new RbmSupervisor.PhaseTimedOut(16, "negative phase"),
        new RbmSupervisor.LayerStopped(RbmSupervisor.Layer.HIDDEN),
        new RbmSupervisor.BatchLearned(17),
        new RbmSupervisor.Failed("why"));
    Serialization serialization = SerializationExtension.get(Adapter.toClassic(testKit.system()));
    for (LayerMessage m : binary) {
      assertEquals(LayerSerializer.IDENTIFIER, serialization.findSerializerFor(m).identifier(), m.getClass().getName());
      assertEquals(m, testKit.serializationTestKit().verifySerialization(m, true));
    }
    for (LayerMessage m : cbor) {
      assertTrue(serialization.findSerializerFor(m).getClass().getName().contains("Jackson"), m.getClass().getName());
      assertEquals(m, testKit.serializationTestKit().verifySerialization(m, true));
    }
  }

  @Test
  void unitStatesArePackedEightToAByte() {
    StateBatch big = new StateBatch(100, 784, new float[100 * 784]);
    byte[] bytes = new LayerSerializer((akka.actor.ExtendedActorSystem) Adapter.toClassic(testKit.system()))
        .toBinary(new HiddenLayer.VisibleStates(1, 0, big));
    assertTrue(bytes.length < 100 * 784 / 8 + 32, "packed size " + bytes.length);
  }
}
