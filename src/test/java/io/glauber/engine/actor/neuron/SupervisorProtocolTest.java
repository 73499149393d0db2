package io.glauber.engine.actor.neuron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.ActorSelection;
import akka.actor.typed.ActorRef;
import akka.actor.typed.javadsl.Adapter;
import io.glauber.engine.actor.ActorConfig;
import io.glauber.engine.actor.Dynamics;
import io.glauber.engine.actor.Fixtures;
import io.glauber.learn.LearningRule;
import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Units;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The supervisor's phase protocol with {@link ActorTestKit} and {@link TestProbe}: a batch in, the
 * new parameters out; bad input and a missed phase deadline end with a clear {@link
 * BoltzmannSupervisor.Failed} instead of a hang; Stop works in every state, and a training run that
 * is stopped leaves nothing running.
 */
class SupervisorProtocolTest {
  static final ActorTestKit kit = ActorTestKit.create("protocol", ActorConfig.serializeEverything());
  static final BoltzmannMachine MACHINE = Fixtures.randomMachine(6, Units.BINARY, 0.1, 1.0, 4, 3);
  static final double[][] BATCH = {{1, 0, 1, 0}, {0, 1, 0, 1}, {1, 1, 0, 0}};

  @AfterAll
  static void stop() {
    kit.shutdownTestKit();
  }

  static BoltzmannSupervisor.Settings settings(Duration timeout) {
    return settings(2, timeout);
  }

  static BoltzmannSupervisor.Settings settings(int burnIn, Duration timeout) {
    return new BoltzmannSupervisor.Settings(LearningRule.plain(0.1), Dynamics.exact(), burnIn, 5, 2, false, timeout);
  }

  @Test
  void batchInNewParametersOut() {
    ActorRef<BoltzmannSupervisor.Command> sup = kit.spawn(BoltzmannSupervisor.create(MACHINE, settings(Duration.ofSeconds(20)), 1));
    TestProbe<BoltzmannSupervisor.Reply> probe = kit.createTestProbe();
    sup.tell(new BoltzmannSupervisor.TrainBatch(BATCH, probe.getRef()));
    BoltzmannSupervisor.BatchDone done = probe.expectMessageClass(BoltzmannSupervisor.BatchDone.class, Duration.ofSeconds(20));
    assertEquals(MACHINE.couplings().pairCount(), done.pairWeights().length);
    assertEquals(6, done.bias().length);
    sup.tell(new BoltzmannSupervisor.TrainBatch(BATCH, probe.getRef()));
    probe.expectMessageClass(BoltzmannSupervisor.BatchDone.class, Duration.ofSeconds(20));
  }

  @Test
  void wrongVectorLengthIsRejected() {
    ActorRef<BoltzmannSupervisor.Command> sup = kit.spawn(BoltzmannSupervisor.create(MACHINE, settings(Duration.ofSeconds(20)), 1));
    TestProbe<BoltzmannSupervisor.Reply> probe = kit.createTestProbe();
    sup.tell(new BoltzmannSupervisor.TrainBatch(new double[][] {{1, 0}}, probe.getRef()));
    BoltzmannSupervisor.Failed f = probe.expectMessageClass(BoltzmannSupervisor.Failed.class);
    assertTrue(f.reason().contains("expected 4 visible units"), f.reason());
  }

  @Test
  void missedPhaseDeadlineEndsTheBatchWithAClearError() {
    // a burn-in of 10⁹ sweeps cannot finish within 200 ms
    ActorRef<BoltzmannSupervisor.Command> sup = kit.spawn(BoltzmannSupervisor.create(MACHINE, settings(1_000_000_000, Duration.ofMillis(200)), 1));
    TestProbe<BoltzmannSupervisor.Reply> probe = kit.createTestProbe();
    sup.tell(new BoltzmannSupervisor.TrainBatch(BATCH, probe.getRef()));
    BoltzmannSupervisor.Failed f = probe.expectMessageClass(BoltzmannSupervisor.Failed.class, Duration.ofSeconds(5));
    assertTrue(f.reason().startsWith("clamped phase timed out"), f.reason());
    probe.expectTerminated(sup, Duration.ofSeconds(5));
  }

  @Test
  void stopDuringAPhaseAnswersTheBatchAndStopsTheSupervisorAndItsNetworks() {
    // a burn-in of 10⁹ sweeps keeps the clamped phase running far longer than the test
    ActorRef<BoltzmannSupervisor.Command> sup = kit.spawn(BoltzmannSupervisor.create(MACHINE, settings(1_000_000_000, Duration.ofSeconds(60)), 1));
    TestProbe<BoltzmannSupervisor.Reply> probe = kit.createTestProbe();
    TestProbe<BoltzmannSupervisor.Reply> second = kit.createTestProbe();
    sup.tell(new BoltzmannSupervisor.TrainBatch(BATCH, probe.getRef()));
    sup.tell(new BoltzmannSupervisor.TrainBatch(BATCH, second.getRef()));
    BoltzmannSupervisor.Failed refused = second.expectMessageClass(BoltzmannSupervisor.Failed.class, Duration.ofSeconds(5));
    assertTrue(refused.reason().startsWith("a batch is in progress (clamped phase)"), refused.reason());
    sup.tell(new BoltzmannSupervisor.Stop());
    BoltzmannSupervisor.Failed stopped = probe.expectMessageClass(BoltzmannSupervisor.Failed.class, Duration.ofSeconds(5));
    assertEquals("stopped during the clamped phase", stopped.reason());
    // Terminated comes only after the children (the networks and their neurons) have stopped
    probe.expectTerminated(sup, Duration.ofSeconds(5));
  }

  @Test
  void aTrainingRunThatIsStoppedLeavesNoSupervisorRunning() {
    BoltzmannSupervisor.Settings s = settings(2, Duration.ofSeconds(20));
    double[][] data = {BATCH[0], BATCH[1], BATCH[2], BATCH[0], BATCH[1], BATCH[2]};
    RuntimeException stop = new RuntimeException("stopped by the listener");
    // the listener stops the run after the first epoch, while the next batch is being asked for
    RuntimeException thrown = assertThrows(RuntimeException.class,
        () -> ActorTrainer.train(kit.system(), MACHINE, data, s, 50, 1, 3, r -> { throw stop; }));
    assertSame(stop, rootCause(thrown));
    ActorSelection trainers = Adapter.toClassic(kit.system()).actorSelection("/system/trainer-*");
    assertThrows(ExecutionException.class,
        () -> trainers.resolveOne(Duration.ofSeconds(1)).toCompletableFuture().get(), "a supervisor outlived its run");
  }

  private static Throwable rootCause(Throwable t) {
    while (t.getCause() != null && t.getCause() != t) t = t.getCause();
    return t;
  }
}
