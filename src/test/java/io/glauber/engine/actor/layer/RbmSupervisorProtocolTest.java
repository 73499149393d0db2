package io.glauber.engine.actor.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import io.glauber.learn.LearningRule;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The supervisor's phase protocol as a client sees it, with {@link ActorTestKit} and a
 * {@link TestProbe} standing in for the client — a pattern to copy: spawn the behaviour, send a
 * command with the probe as {@code replyTo}, expect the typed reply.
 */
class RbmSupervisorProtocolTest {
  private static final ActorTestKit testKit = ActorTestKit.create("layer-protocol", LayerTestSupport.verifyingConfig());

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  private static final double[][] DATA = {{1, 0, 1, 0}, {0, 1, 1, 1}};
  private static final LayerParameters INITIAL = LayerParameters.of(LayerEngine.initial(DATA, 3, 1));
  private static final StateBatch BATCH = StateBatch.of(DATA);

  private static LayerSettings settings(Duration phaseTimeout) {
    return LayerSettings.cd(1, 1, 2, LearningRule.plain(0.1), 5).withPhaseTimeout(phaseTimeout);
  }

  @Test
  void aMiniBatchIsLearnedAndTheEpochReported() {
    ActorRef<RbmSupervisor.Command> supervisor = testKit.spawn(RbmSupervisor.create(INITIAL, settings(Duration.ofSeconds(10))));
    TestProbe<RbmSupervisor.Reply> client = testKit.createTestProbe();

    supervisor.tell(new RbmSupervisor.Train(1, BATCH, client.getRef()));
    client.expectMessage(new RbmSupervisor.BatchLearned(1));

    supervisor.tell(new RbmSupervisor.GetModel(client.getRef()));
    LayerParameters learned = client.expectMessageClass(RbmSupervisor.Model.class).parameters();
    assertFalse(learned.equals(INITIAL), "the weights changed after one batch");

    supervisor.tell(new RbmSupervisor.EndEpoch(1, client.getRef()));
    RbmSupervisor.EpochEnded epoch = client.expectMessageClass(RbmSupervisor.EpochEnded.class);
    assertEquals(1, epoch.batches());
    assertEquals(learned, epoch.parameters());
    assertTrue(epoch.reconstructionMismatch() >= 0 && epoch.reconstructionMismatch() <= 1);

    supervisor.tell(new RbmSupervisor.Stop());
    client.expectTerminated(supervisor);
  }

  /**
   * The supervisor recycles arrays of W; what it hands out (the initial parameters it was given, a
   * Model, an EpochEnded) must never change afterwards. Checked in a system that passes messages by
   * reference (no serialisation), where sharing would show.
   */
  @Test
  void parametersHandedOutNeverChangeLater() {
    ActorTestKit local = ActorTestKit.create("layer-by-reference");
    try {
      LayerParameters initial = LayerParameters.of(LayerEngine.initial(DATA, 3, 1));
      ActorRef<RbmSupervisor.Command> supervisor = local.spawn(RbmSupervisor.create(initial, settings(Duration.ofSeconds(10))));
      TestProbe<RbmSupervisor.Reply> client = local.createTestProbe();
      supervisor.tell(new RbmSupervisor.Train(1, BATCH, client.getRef()));
      client.expectMessage(new RbmSupervisor.BatchLearned(1));
      supervisor.tell(new RbmSupervisor.GetModel(client.getRef()));
      LayerParameters after1 = client.expectMessageClass(RbmSupervisor.Model.class).parameters();
      float[] after1Copy = after1.w().clone();
      for (long n = 2; n <= 6; n++) {
        supervisor.tell(new RbmSupervisor.Train(n, BATCH, client.getRef()));
        client.expectMessage(new RbmSupervisor.BatchLearned(n));
      }
      supervisor.tell(new RbmSupervisor.GetModel(client.getRef()));
      LayerParameters after6 = client.expectMessageClass(RbmSupervisor.Model.class).parameters();
      assertFalse(java.util.Arrays.equals(after1Copy, after6.w()), "the weights went on changing");
      assertTrue(java.util.Arrays.equals(after1Copy, after1.w()), "a Model handed out earlier was written into");
      assertEquals(LayerParameters.of(LayerEngine.initial(DATA, 3, 1)), initial, "the caller's initial parameters were written into");
      supervisor.tell(new RbmSupervisor.Stop());
    } finally {
      local.shutdownTestKit();
    }
  }

  @Test
  void requestsThatArriveDuringAPhaseAreAnsweredInOrder() {
    ActorRef<RbmSupervisor.Command> supervisor = testKit.spawn(RbmSupervisor.create(INITIAL, settings(Duration.ofSeconds(10))));
    TestProbe<RbmSupervisor.Reply> client = testKit.createTestProbe();
    for (long n = 1; n <= 5; n++) supervisor.tell(new RbmSupervisor.Train(n, BATCH, client.getRef()));
    supervisor.tell(new RbmSupervisor.EndEpoch(1, client.getRef()));
    for (long n = 1; n <= 5; n++) client.expectMessage(new RbmSupervisor.BatchLearned(n));
    assertEquals(5, client.expectMessageClass(RbmSupervisor.EpochEnded.class).batches());
    supervisor.tell(new RbmSupervisor.Stop());
  }

  @Test
  void theChainsAreSampledOnRequest() {
    ActorRef<RbmSupervisor.Command> sampler = testKit.spawn(RbmSupervisor.sampler(INITIAL, 3, Duration.ofSeconds(10)));
    TestProbe<RbmSupervisor.Reply> client = testKit.createTestProbe();
    sampler.tell(new RbmSupervisor.Sample(5, BATCH, client.getRef()));
    RbmSupervisor.Samples first = client.expectMessageClass(RbmSupervisor.Samples.class);
    assertEquals(2, first.visible().rows());
    assertEquals(3, first.hidden().cols());
    sampler.tell(new RbmSupervisor.Sample(1, null, client.getRef()));
    client.expectMessageClass(RbmSupervisor.Samples.class);
    sampler.tell(new RbmSupervisor.Train(1, BATCH, client.getRef()));
    assertTrue(client.expectMessageClass(RbmSupervisor.Failed.class).reason().contains("only samples"));
  }

  @Test
  void aLostMessageEndsThePhaseWithAClearErrorInsteadOfAHang() {
    ActorRef<RbmSupervisor.Command> supervisor = testKit.spawn(RbmSupervisor.create(INITIAL, settings(Duration.ofMillis(300))));
    TestProbe<RbmSupervisor.Reply> client = testKit.createTestProbe();
    // the hidden layer's first VisibleStates is the positive phase, its second the negative phase's
    supervisor.tell(new RbmSupervisor.InjectFault(RbmSupervisor.Layer.HIDDEN, 2, RbmSupervisor.Fault.DROP));
    supervisor.tell(new RbmSupervisor.Train(1, BATCH, client.getRef()));
    RbmSupervisor.Failed failed = client.expectMessageClass(RbmSupervisor.Failed.class, Duration.ofSeconds(5));
    assertTrue(failed.reason().startsWith("negative phase (CD-1) of batch 1 did not finish within 300 ms"), failed.reason());
    client.expectTerminated(supervisor);
  }

  @Test
  void aLayerThatThrowsIsRestartedAndThePhaseRepeated() {
    ActorRef<RbmSupervisor.Command> supervisor = testKit.spawn(RbmSupervisor.create(INITIAL, settings(Duration.ofSeconds(10))));
    TestProbe<RbmSupervisor.Reply> client = testKit.createTestProbe();
    supervisor.tell(new RbmSupervisor.InjectFault(RbmSupervisor.Layer.VISIBLE, 1, RbmSupervisor.Fault.THROW));
    supervisor.tell(new RbmSupervisor.Train(1, BATCH, client.getRef()));
    client.expectMessage(new RbmSupervisor.BatchLearned(1));
    supervisor.tell(new RbmSupervisor.InjectFault(RbmSupervisor.Layer.HIDDEN, 1, RbmSupervisor.Fault.THROW));
    supervisor.tell(new RbmSupervisor.Train(2, BATCH, client.getRef()));
    client.expectMessage(new RbmSupervisor.BatchLearned(2));
    supervisor.tell(new RbmSupervisor.EndEpoch(1, client.getRef()));
    assertEquals(2, client.expectMessageClass(RbmSupervisor.EpochEnded.class).batches());
  }
}
