package io.glauber.engine.batch.cluster;

import static org.junit.jupiter.api.Assertions.*;

import akka.actor.ExtendedActorSystem;
import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.javadsl.Adapter;
import akka.serialization.Serialization;
import akka.serialization.SerializationExtension;
import com.typesafe.config.ConfigFactory;
import io.glauber.engine.batch.ShardResult;
import io.glauber.engine.batch.ShardSpec;
import io.glauber.engine.batch.ShardWork;
import io.glauber.engine.batch.TrainConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Every message of data-parallel training survives a round trip through the serializer it is bound to, bit for bit. */
class ShardSerializationTest {
  private static final ActorTestKit testKit = ActorTestKit.create("shard-serialization",
      ConfigFactory.parseString("akka.actor.serialize-messages = on")
          .withFallback(ConfigFactory.parseResources("glauber-batch-cluster.conf"))
          .withFallback(ConfigFactory.parseResources("glauber-actor.conf"))
          .withFallback(ConfigFactory.defaultReference()).resolve());

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  // PT: 2 of 5 chains in each of 3 replicas, 3 of 10 batch rows
  static final ShardSpec SPEC = new ShardSpec(TrainConfig.Method.PT, 2, new double[] {1, 1.5, 2.2}, -7, 3, 2, 10, 5, 4, 7, 1, 3);
  static final ShardWork WORK = new ShardWork(SPEC, 42, new float[] {0.1f, -0.2f, Float.MIN_VALUE, -0f, 3e8f, Float.NaN},
      new float[] {1, -1, 0.5f, 0, 2}, new float[] {1, 0, 1, 0, 0, 0, 1, 1, 1}, floats(3 * 2 * 3, 0.25f), bits(3 * 2 * 2));
  static final ShardResult RESULT = new ShardResult(new float[] {1e-9f, -0.5f, 0, 1, 2, 3}, new float[] {0.1f, 0.2f, 0.3f, 0.4f, 0.5f},
      new float[] {0.75f, 1}, bits(3 * 2 * 3), bits(3 * 2 * 2), new long[] {4, 4}, new long[] {1, 3});

  static float[] floats(int n, float step) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) x[i] = i * step;
    return x;
  }

  static float[] bits(int n) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) x[i] = (i * 7 % 3 == 0) ? 1f : 0f;
    return x;
  }

  @Test
  void everyMessageRoundTripsThroughTheShardSerializer() {
    TestProbe<ShardReplies.Reply> replies = testKit.createTestProbe();
    Serialization serialization = SerializationExtension.get(Adapter.toClassic(testKit.system()));
    ShardHost.Compute compute = new ShardHost.Compute(9, 2, WORK, replies.getRef());
    ShardHost.Compute c = (ShardHost.Compute) roundTrip(serialization, compute);
    assertEquals(9, c.request());
    assertEquals(2, c.shard());
    assertEquals(replies.getRef(), c.replyTo());
    assertEquals(SPEC, c.work().spec());
    assertEquals(42, c.work().draws());
    assertArrayEquals(WORK.w(), c.work().w()); // NaN, −0 and subnormals included: bit for bit
    assertArrayEquals(WORK.bias(), c.work().bias());
    assertArrayEquals(WORK.batch(), c.work().batch());
    assertArrayEquals(WORK.chainV(), c.work().chainV());
    assertArrayEquals(WORK.chainH(), c.work().chainH());

    ShardReplies.Computed d = (ShardReplies.Computed) roundTrip(serialization, new ShardReplies.Computed(9, 2, RESULT));
    assertEquals(9, d.request());
    assertEquals(2, d.shard());
    assertArrayEquals(RESULT.dW(), d.result().dW());
    assertArrayEquals(RESULT.dBias(), d.result().dBias());
    assertArrayEquals(RESULT.hiddenClamped(), d.result().hiddenClamped());
    assertArrayEquals(RESULT.chainV(), d.result().chainV());
    assertArrayEquals(RESULT.chainH(), d.result().chainH());
    assertArrayEquals(RESULT.swapAttempts(), d.result().swapAttempts());
    assertArrayEquals(RESULT.swapAccepts(), d.result().swapAccepts());

    assertEquals(new ShardReplies.Refused(3, 1, "shard of k = 0 …"), roundTrip(serialization, new ShardReplies.Refused(3, 1, "shard of k = 0 …")));
  }

  @Test
  void unitStatesArePackedEightToAByte() {
    ShardSerializer s = new ShardSerializer((ExtendedActorSystem) Adapter.toClassic(testKit.system()));
    float[] states = bits(100 * 500);
    ShardResult chains = new ShardResult(new float[0], new float[0], new float[0], new float[0], states, new long[0], new long[0]);
    byte[] bytes = s.toBinary(new ShardReplies.Computed(1, 0, chains));
    assertTrue(bytes.length < 100 * 500 / 8 + 100, bytes.length + " bytes for 50,000 unit states");
  }

  private static Object roundTrip(Serialization serialization, Object m) {
    assertEquals(ShardSerializer.IDENTIFIER, serialization.findSerializerFor(m).identifier(), m.getClass().getName());
    return testKit.serializationTestKit().verifySerialization(m, false);
  }
}
