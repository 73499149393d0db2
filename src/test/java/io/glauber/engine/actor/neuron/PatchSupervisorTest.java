package io.glauber.engine.actor.neuron;

import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import io.glauber.engine.actor.ActorConfig;
import io.glauber.engine.actor.Dynamics;
import io.glauber.engine.actor.Granularity;
import io.glauber.exact.ExactBoltzmann;
import io.glauber.model.BoltzmannMachine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link BoltzmannSupervisor} runs unchanged on patch actors: bars and stripes 3×3 (9 visible + 4
 * hidden) learned with two copies of patches of 4 units (so the visible units are spread over
 * several patches and clamping crosses patch boundaries), in exact and async mode; the exact
 * log-likelihood rises at every checkpoint (exact mode), and the async run ends above where it
 * started. Local learning is refused with a reason.
 */
class PatchSupervisorTest {
  static ActorTestKit kit;

  @BeforeAll
  static void start() {
    kit = ActorTestKit.create("patch-learning", ActorConfig.serializeEverything());
  }

  @AfterAll
  static void stop() {
    kit.shutdownTestKit();
  }

  static List<Double> train(Dynamics dynamics, int epochs, int every) {
    BoltzmannMachine model = SupervisorLearningTest.initial();
    BoltzmannSupervisor.Settings s = new BoltzmannSupervisor.Settings(SupervisorLearningTest.settings(false, 2).rule(), dynamics, 3, 10, 2, false,
        Duration.ofSeconds(30));
    ActorRef<BoltzmannSupervisor.Command> sup = kit.spawn(BoltzmannSupervisor.create(model, s, 77, Granularity.patches(4)));
    TestProbe<BoltzmannSupervisor.Reply> probe = kit.createTestProbe();
    List<Double> ll = new ArrayList<>();
    ll.add(ExactBoltzmann.of(model).meanLogLikelihood(SupervisorLearningTest.BAS));
    for (int e = 1; e <= epochs; e++) {
      sup.tell(new BoltzmannSupervisor.TrainBatch(SupervisorLearningTest.BAS, probe.getRef()));
      BoltzmannSupervisor.Reply r = probe.receiveMessage(Duration.ofSeconds(60));
      if (!(r instanceof BoltzmannSupervisor.BatchDone done)) throw new AssertionError("batch " + e + ": " + r);
      model = model.withParameters(done.pairWeights(), done.bias());
      if (e % every == 0) ll.add(ExactBoltzmann.of(model).meanLogLikelihood(SupervisorLearningTest.BAS));
    }
    sup.tell(new BoltzmannSupervisor.Stop());
    probe.expectTerminated(sup, Duration.ofSeconds(10));
    return ll;
  }

  @Test
  void exactModeLearningRisesAtEveryCheckpoint() {
    List<Double> ll = train(Dynamics.exact(), 120, 20);
    System.out.println("patch supervisor exact LL every 20 epochs: " + ll);
    SupervisorLearningTest.assertRisingAtEveryCheckpoint(ll);
  }

  @Test
  void asyncModeLearningEndsAboveItsStart() {
    Dynamics d = Dynamics.async(Duration.ofMillis(2), Duration.ZERO).withSweepTime(Duration.ofMillis(2));
    List<Double> ll = train(d, 40, 40);
    System.out.println("patch supervisor async LL: " + ll);
    assertTrue(ll.get(1) > ll.get(0) + 0.3, "LL " + ll + " (expected to rise by more than 0.3 nats in 40 epochs)");
  }

  @Test
  void localLearningIsRefusedWithAReason() {
    BoltzmannSupervisor.Settings s = SupervisorLearningTest.settings(true, 1);
    ActorRef<BoltzmannSupervisor.Command> sup = kit.spawn(BoltzmannSupervisor.create(SupervisorLearningTest.initial(), s, 1, Granularity.patches(4)));
    TestProbe<BoltzmannSupervisor.Reply> probe = kit.createTestProbe();
    sup.tell(new BoltzmannSupervisor.TrainBatch(SupervisorLearningTest.BAS, probe.getRef()));
    BoltzmannSupervisor.Failed f = probe.expectMessageClass(BoltzmannSupervisor.Failed.class, Duration.ofSeconds(30));
    assertTrue(f.reason().contains("local learning needs neuron actors"), f.reason());
  }
}
