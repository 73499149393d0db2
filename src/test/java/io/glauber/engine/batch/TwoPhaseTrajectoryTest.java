package io.glauber.engine.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.glauber.exact.ExactBoltzmann;
import io.glauber.learn.LearningRule;
import io.glauber.learn.NoisyClamping;
import io.glauber.learn.PhaseSampler;
import io.glauber.learn.TwoPhaseLearning;
import io.glauber.learn.TwoPhaseSettings;
import io.glauber.learn.Update;
import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Schedule;
import io.glauber.model.Statistics;
import io.glauber.model.Topology;
import io.glauber.model.Units;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A tiny Boltzmann machine (3 visible + 2 hidden, fully connected) learning 4 vectors by the
 * two-phase algorithm follows, with sampled statistics from the batched engine, the trajectory it
 * takes with exact statistics from the same start.
 *
 * <p>Tolerance from the sample size: the chains restart every cycle, so the cycles' estimates are
 * independent; one chain's window average of a {0,1} moment has variance at most 1/4, so the
 * standard error of p⁺ (ROWS·PER_ROW chains) and of p⁻ (FREE chains) gives that of their difference,
 * σ ≤ √(1/4·(1/(ROWS·PER_ROW) + 1/FREE)). Summed over K cycles with rate η, without the restoring
 * pull of the gradient (which only shrinks it), a parameter's deviation has standard deviation at
 * most η·√K·σ; each parameter must lie within 5 of those (about 6·10⁻⁷ per parameter by chance).
 */
class TwoPhaseTrajectoryTest {
  private static final int ROWS = 4;
  private static final int PER_ROW = 500;
  private static final int FREE = 2000;
  private static final int CYCLES = 25;
  private static final double ETA = 0.5;

  /** The exact phases: the expectations every engine's estimates converge to. */
  private static final class ExactPhases implements PhaseSampler {
    private final double temperature;

    ExactPhases(double temperature) {
      this.temperature = temperature;
    }

    @Override
    public Statistics clamped(BoltzmannMachine model, double[][] data) {
      return ExactBoltzmann.of(model.withTemperature(temperature)).clampedStatistics(data);
    }

    @Override
    public Statistics free(BoltzmannMachine model) {
      return ExactBoltzmann.of(model.withTemperature(temperature)).freeStatistics();
    }
  }

  @Test
  void sampledTwoPhaseLearningFollowsTheExactGradientTrajectory() {
    TwoPhaseSettings s = new TwoPhaseSettings(Schedule.parse("5@2,20@1"), 10, false, NoisyClamping.NONE, Update.Kind.GRADIENT,
        LearningRule.plain(ETA), PER_ROW, FREE);
    BoltzmannMachine start = Topology.full(5).machine(Units.BINARY, 3, 1.0, 0.1, new SplittableRandom(3));
    double[][] data = {{1, 1, 0}, {1, 1, 1}, {0, 0, 1}, {1, 0, 0}};
    TwoPhaseLearning exact = new TwoPhaseLearning(start, s, new ExactPhases(s.temperature()));
    TwoPhaseLearning sampled = new TwoPhaseLearning(start, s, new AnnealedPhases(start, s, 17));
    for (int k = 0; k < CYCLES; k++) {
      exact.cycle(data);
      sampled.cycle(data);
    }
    double sigma = Math.sqrt(0.25 * (1.0 / (ROWS * PER_ROW) + 1.0 / FREE));
    double tol = 5 * ETA * Math.sqrt(CYCLES) * sigma;
    double[] we = exact.model().couplings().pairWeights();
    double[] ws = sampled.model().couplings().pairWeights();
    double moved = 0;
    for (int m = 0; m < we.length; m++) {
      assertEquals(we[m], ws[m], tol, "w of pair " + m);
      moved = Math.max(moved, Math.abs(we[m] - start.couplings().pairWeights()[m]));
    }
    for (int i = 0; i < 5; i++) assertEquals(exact.model().bias()[i], sampled.model().bias()[i], tol, "b_" + i);
    // the check means something: the weights travel much further than the tolerance
    double travelled = moved;
    org.junit.jupiter.api.Assertions.assertTrue(travelled > 5 * tol, () -> "largest weight change " + travelled + " vs tolerance " + tol);
  }
}
