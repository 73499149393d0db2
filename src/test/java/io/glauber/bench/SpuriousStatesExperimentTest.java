package io.glauber.bench;

import io.glauber.hopfield.HopfieldRecall;
import io.glauber.hopfield.HopfieldStorage;
import io.glauber.hopfield.Patterns;
import io.glauber.hopfield.RecallResult;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glauber.model.BoltzmannMachine;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SpuriousStatesExperimentTest {

  @Test
  void symmetricThreeMixtureIsAStableSpuriousStateAndIsClassifiedAsSuch() {
    int n = 401;
    int[][] xi = Patterns.random(4, n, new SplittableRandom(1));
    double[] mix = new double[n];
    for (int i = 0; i < n; i++) mix[i] = Math.signum(xi[0][i] + xi[1][i] - xi[2][i]);
    BoltzmannMachine net = HopfieldStorage.hebb(xi);
    RecallResult r = HopfieldRecall.asynchronous(net, mix, 50, new SplittableRandom(2));
    double[] m = r.overlaps(xi);
    assertEquals(SpuriousStatesExperiment.Kind.MIXTURE3, SpuriousStatesExperiment.classify(m), java.util.Arrays.toString(m));
    assertEquals(SpuriousStatesExperiment.Kind.RETRIEVAL, SpuriousStatesExperiment.classify(new double[] {0.02, -0.97, 0.1}));
    assertEquals(SpuriousStatesExperiment.Kind.OTHER, SpuriousStatesExperiment.classify(new double[] {0.3, 0.3, 0.3, 0.3, 0.3}));
  }

  @Test
  void annealingLeavesFewerThreeMixturesThanAQuench() {
    SpuriousStatesExperiment.Result r = SpuriousStatesExperiment.run(
        new SpuriousStatesExperiment.Settings(100, 5, 200, "5@1.0,5@0.8,5@0.6,5@0.45,5@0.3", 50, 3, 2));
    // quench: ≈ 20% 3-mixtures (docs: 206/1000 at N = 200); with 200 starts the standard error is ≈ 3%
    assertTrue(r.quench().mixture3Fraction() > 0.08, r.toString());
    assertTrue(r.anneal().mixture3Fraction() < r.quench().mixture3Fraction() / 2, r.toString());
  }
}
