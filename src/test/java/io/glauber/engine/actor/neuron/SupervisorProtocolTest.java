package io.glauber.engine.actor.neuron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import io.glauber.engine.actor.ActorConfig;
import io.glauber.engine.actor.Dynamics;
import io.glauber.engine.actor.Fixtures;
import io.glauber.learn.LearningRule;
import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Units;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The supervisor's phase protocol with {@link ActorTestKit} and {@link TestProbe}: a batch in, the
 * new parameters out; bad input and a missed phase deadline end with a clear {@link
 * BoltzmannSupervisor.Failed} instead of a hang.
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
}
