package io.glauber.engine.actor.neuron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import io.glauber.data.DataSpecs;
import io.glauber.engine.actor.ActorConfig;
import io.glauber.engine.actor.neuron.ActorTrainer;
import io.glauber.engine.actor.Dynamics;
import io.glauber.engine.actor.Fixtures;
import io.glauber.exact.ExactBoltzmann;
import io.glauber.learn.LearningRule;
import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Units;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A Boltzmann machine with hidden units (9 visible + 4 hidden, binary) learns bars and stripes 3×3
 * (the 14 patterns of {@code bas:3x3}) with the actor supervisor, and as well with local learning.
 */
class SupervisorLearningTest {
  static ActorTestKit kit;
  static final double[][] BAS = DataSpecs.load("bas:3x3").rowsAsDouble();
  static final int EPOCHS = 120;

  @BeforeAll
  static void start() {
    kit = ActorTestKit.create("learning", ActorConfig.serializeEverything());
  }

  @AfterAll
  static void stop() {
    kit.shutdownTestKit();
  }

  static BoltzmannMachine initial() {
    return Fixtures.randomMachine(13, Units.BINARY, 0.05, 1.0, 9, 5);
  }

  static BoltzmannSupervisor.Settings settings(boolean local, int copies) {
    return new BoltzmannSupervisor.Settings(new LearningRule(0.1, 0.5, 0, 0, 0, 0), Dynamics.exact(),
        3, 10, copies, local, Duration.ofSeconds(30));
  }

  /** Exact mean log-likelihood after every 20 epochs, starting with the initial model. */
  static List<Double> train(boolean local, int copies, double[] maxAsymmetry) {
    List<Double> ll = new ArrayList<>();
    ll.add(ExactBoltzmann.of(initial()).meanLogLikelihood(BAS));
    ActorTrainer.train(kit.system(), initial(), BAS, settings(local, copies), EPOCHS, 14, 77, r -> {
      maxAsymmetry[0] = Math.max(maxAsymmetry[0], r.maxAsymmetry());
      if (r.epoch() % 20 == 0) ll.add(ExactBoltzmann.of(r.model()).meanLogLikelihood(BAS));
    });
    System.out.println((local ? "local" : "supervisor, " + copies + " copies,") + " LL every 20 epochs: " + ll
        + " max|w_ij - w_ji| = " + maxAsymmetry[0]);
    return ll;
  }

  static void assertRisingAtEveryCheckpoint(List<Double> ll) {
    for (int k = 1; k < ll.size(); k++) {
      assertTrue(ll.get(k) > ll.get(k - 1), "LL fell from " + ll.get(k - 1) + " to " + ll.get(k) + " at checkpoint " + k + ": " + ll);
    }
  }

  @Test
  void supervisorImprovesExactLogLikelihoodSteadily() {
    assertEquals(14, BAS.length);
    assertRisingAtEveryCheckpoint(train(false, 2, new double[1]));
  }

  /**
   * Local learning computes what the supervisor computes from the same samples: with one copy both
   * run the same network from the same seed, the clamped statistics are the mean over the same
   * 14 × 10 end-of-sweep states (the supervisor averages the 14 phase means, each neuron sums all
   * 140 products), the free ones over the same 10, and both feed them to the same rule. The two
   * runs differ only in the order of floating-point sums, a relative 10⁻¹⁶ per step; the weights
   * then differ by about 10⁻¹⁴ after 240 steps with momentum, and the log-likelihoods agree far
   * within 10⁻⁹ — unless a Glauber draw lands within 10⁻¹⁴ of its threshold, which for about 10⁵
   * draws has a probability near 10⁻⁹.
   */
  @Test
  void localLearningMatchesSupervisorCollectedLearningOfOneCopyAndKeepsWeightsSymmetric() {
    double[] asym = new double[1];
    List<Double> local = train(true, 1, asym);
    List<Double> supervised = train(false, 1, new double[1]);
    assertEquals(0.0, asym[0], "both ends of every pair compute the same change from the same events");
    for (int k = 0; k < local.size(); k++) {
      assertEquals(supervised.get(k), local.get(k), 1e-9, "LL at checkpoint " + k + ": local " + local + " vs supervisor-collected " + supervised);
    }
    assertRisingAtEveryCheckpoint(local);
  }
}
