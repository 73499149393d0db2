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

  static BoltzmannSupervisor.Settings settings(boolean local) {
    return new BoltzmannSupervisor.Settings(new LearningRule(0.1, 0.5, 0, 0, 0, 0), Dynamics.exact(),
        3, 10, local ? 1 : 2, local, Duration.ofSeconds(30));
  }

  private static List<Double> supervised;

  /** The supervisor-collected run (deterministic given the seed: exact mode), shared by both tests. */
  static synchronized List<Double> supervised() {
    if (supervised == null) supervised = train(false, new double[1]);
    return supervised;
  }

  /** Exact mean log-likelihood after every 20 epochs, starting with the initial model. */
  static List<Double> train(boolean local, double[] maxAsymmetry) {
    List<Double> ll = new ArrayList<>();
    ll.add(ExactBoltzmann.of(initial()).meanLogLikelihood(BAS));
    ActorTrainer.train(kit.system(), initial(), BAS, settings(local), EPOCHS, 14, 77, r -> {
      maxAsymmetry[0] = Math.max(maxAsymmetry[0], r.maxAsymmetry());
      if (r.epoch() % 20 == 0) ll.add(ExactBoltzmann.of(r.model()).meanLogLikelihood(BAS));
    });
    System.out.println((local ? "local" : "supervisor") + " LL every 20 epochs: " + ll + " max|w_ij - w_ji| = " + maxAsymmetry[0]);
    return ll;
  }

  @Test
  void supervisorImprovesExactLogLikelihoodSteadily() {
    assertEquals(14, BAS.length);
    List<Double> ll = supervised();
    for (int k = 1; k < ll.size(); k++) {
      assertTrue(ll.get(k) > ll.get(k - 1), "LL fell from " + ll.get(k - 1) + " to " + ll.get(k) + " at checkpoint " + k + ": " + ll);
    }
  }

  @Test
  void localLearningLearnsAsWellAsSupervisorCollectedAndKeepsWeightsSymmetric() {
    double[] asym = new double[1];
    List<Double> local = train(true, asym);
    List<Double> sup = supervised();
    double gainLocal = local.get(local.size() - 1) - local.get(0);
    double gainSup = sup.get(sup.size() - 1) - sup.get(0);
    assertEquals(0.0, asym[0], "both ends of every pair compute the same change from the same events");
    assertTrue(gainLocal >= 0.8 * gainSup, "local gain " + gainLocal + " vs supervisor-collected " + gainSup);
  }
}
