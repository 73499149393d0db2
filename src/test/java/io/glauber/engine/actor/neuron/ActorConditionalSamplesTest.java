package io.glauber.engine.actor.neuron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import io.glauber.engine.actor.ActorConfig;
import io.glauber.engine.actor.Dynamics;
import io.glauber.engine.actor.Granularity;
import io.glauber.exact.ExactBoltzmann;
import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Clamp;
import io.glauber.model.Units;
import io.glauber.testing.ChiSquare;
import io.glauber.testing.RandomModels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The tiles of the picture grids on neuron actors ({@link ActorConditionalSamples}) in exact mode
 * are independent draws from the exact conditional p(v_free | v_clamped): each tile is the end of
 * its own network's Gibbs chain (20 sweeps, asked for in chunks of 10), and their histogram passes a χ² test against enumeration.
 */
class ActorConditionalSamplesTest {
  private static final ActorTestKit KIT = ActorTestKit.create("conditional", ActorConfig.config());

  @AfterAll
  static void stop() {
    KIT.shutdownTestKit();
  }

  @Test
  void eachTileOnNeuronActorsIsAnIndependentDrawFromTheExactConditional() {
    BoltzmannMachine m = RandomModels.boltzmann(6, Units.BINARY, 1.0, 1.0, 21);
    BoltzmannMachine bm = new BoltzmannMachine(Units.BINARY, m.couplings(), m.bias(), 4, 1.0);
    Clamp clamp = Clamp.parse("0=1,3=0", 4);
    double[] exact = ExactBoltzmann.of((BoltzmannMachine) clamp.reduce(bm)).visibleDistribution(); // ClampTest: = the full model's conditional
    int count = 500;
    float[][] tiles = ActorConditionalSamples.sample(KIT.system(), bm, clamp, count, 20, Dynamics.exact(), Granularity.NEURON, 7);
    long[] counts = new long[4];
    for (float[] t : tiles) {
      assertEquals(4, t.length, "every visible unit, the clamped ones filled in");
      assertEquals(1f, t[0], "unit 0 clamped on");
      assertEquals(0f, t[3], "unit 3 clamped off");
      counts[(int) t[1] + 2 * (int) t[2]]++;
    }
    ChiSquare.Result chi = ChiSquare.test(counts, exact);
    assertTrue(chi.pValue() > 1e-3, chi.toString());
  }
}
