package io.glauber.engine.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.glauber.exact.ExactBoltzmann;
import io.glauber.learn.LearningRule;
import io.glauber.learn.NoisyClamping;
import io.glauber.learn.PhaseSampler;
import io.glauber.learn.TwoPhaseSettings;
import io.glauber.learn.Update;
import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Phase;
import io.glauber.model.Schedule;
import io.glauber.model.Statistics;
import io.glauber.testing.PhaseMoments;
import io.glauber.model.Topology;
import io.glauber.model.Units;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The batched engine's two phases against ExactBoltzmann's clamped and free expectations at the
 * schedule's last temperature, on a fully connected (dense path) and an encoder-like grouped
 * (sparse path) machine. Each chain's average over the window is one independent sample whose
 * variance is at most that of a single state's, so the standard error of a moment is at most
 * √(Var/chains), Var from the exact distribution; each moment must lie within 5 of them (about
 * 6·10⁻⁷ per moment by chance, fewer than 100 moments per case).
 */
class AnnealedPhasesTest {
  private static final int CHAINS = 4000;
  private static final int ROWS = 8;

  private static BoltzmannMachine machine(boolean dense) {
    Topology t = dense ? Topology.full(9) : Topology.parse(9, "in=0-2, out=3-5, hidden=6-8", "in-in, in-hidden, out-out, out-hidden");
    BoltzmannMachine m = t.machine(Units.BINARY, 6, 2.0, 0.8, new SplittableRandom(7));
    double[] b = new double[9];
    SplittableRandom r = new SplittableRandom(8);
    for (int i = 0; i < 9; i++) b[i] = 0.8 * r.nextGaussian();
    return m.withParameters(m.couplings().pairWeights(), b);
  }

  private static TwoPhaseSettings settings(int perRow) {
    // annealed from T = 6 down to T = 2, then measured at T = 2
    return new TwoPhaseSettings(Schedule.parse("5@6,5@4,20@2"), 5, false, NoisyClamping.NONE, Update.Kind.GRADIENT,
        LearningRule.plain(0.1), perRow, CHAINS);
  }

  @ParameterizedTest(name = "dense={0}, clamped={1}")
  @CsvSource({"true, false", "true, true", "false, false", "false, true"})
  void eachPhaseMatchesTheExactExpectationsAtTheLastTemperature(boolean dense, boolean clamped) {
    assertMatchesExact((m, s) -> new AnnealedPhases(m, s, 11), dense, clamped);
  }

  /**
   * Noisy clamping, drawn once per annealing or afresh before every sweep: on the encoder-like
   * machine, whose hidden units are not coupled to each other, one sweep draws every hidden unit
   * from its exact conditional given the visible units, so either way each measured state is a
   * draw of the noisy vector v (probability P(v) = mean over the rows of Π_i p(v_i | row_i)) and
   * of the hidden units from their exact conditional given v: the clamped moments are the exact
   * clamped moments of the noisy vectors weighted by P(v).
   */
  @ParameterizedTest(name = "redraw={0}")
  @CsvSource({"ANNEALING", "TIME_UNIT"})
  void noisyClampingGivesTheExactMomentsOfTheNoisyVectors(NoisyClamping.Redraw redraw) {
    NoisyClamping noise = new NoisyClamping(0.15, 0.05, redraw);
    BoltzmannMachine m = machine(false);
    TwoPhaseSettings s = settings(CHAINS / ROWS);
    s = new TwoPhaseSettings(s.schedule(), s.window(), false, noise, s.update(), s.rule(), s.clampedChains(), s.freeChains());
    double[][] data = data();
    Statistics got = new AnnealedPhases(m, s, 13).clamped(m, data);
    PhaseMoments.assertMatches(PhaseMoments.noisyMixture(m.withTemperature(s.temperature()), data, noise), got, CHAINS);
  }

  /**
   * With random probes and the noise redrawn every time unit a hidden unit may lag behind the
   * latest noisy vector, but the clamped units themselves are a fresh draw at every measured time
   * unit: their moments (⟨v_i⟩ and ⟨v_i v_j⟩ within the visible units) are the noise's.
   */
  @org.junit.jupiter.api.Test
  void randomProbesRedrawTheClampedUnitsEveryTimeUnit() {
    NoisyClamping noise = new NoisyClamping(0.15, 0.05, NoisyClamping.Redraw.TIME_UNIT);
    BoltzmannMachine m = machine(false);
    TwoPhaseSettings s = settings(CHAINS / ROWS);
    s = new TwoPhaseSettings(s.schedule(), s.window(), false, noise, s.update(), s.rule(), s.clampedChains(), s.freeChains());
    double[][] data = data();
    Statistics got = new RandomProbePhases(m, s, 13).clamped(m, data);
    Statistics want = PhaseMoments.noisyMixture(m.withTemperature(s.temperature()), data, noise);
    int samples = CHAINS * s.window(); // independent draws of the noise
    for (int i = 0; i < 6; i++) assertEquals(want.unitMeans()[i], got.unitMeans()[i], PhaseMoments.tolerance(want.unitMeans()[i], samples), "⟨v_" + i + "⟩");
    int[] pairs = m.couplings().pairs();
    for (int k = 0; k < pairs.length / 2; k++) {
      if (pairs[2 * k + 1] < 6) assertEquals(want.pairMeans()[k], got.pairMeans()[k], PhaseMoments.tolerance(want.pairMeans()[k], samples), "pair " + k);
    }
  }

  private static double[][] data() {
    double[][] data = new double[ROWS][6];
    SplittableRandom r = new SplittableRandom(2);
    for (double[] v : data) for (int i = 0; i < 6; i++) v[i] = r.nextBoolean() ? 1 : 0;
    return data;
  }

  /** The sampler made by {@code make} for the test machine gives the exact moments of the phase, within 5 standard errors. */
  static void assertMatchesExact(BiFunction<BoltzmannMachine, TwoPhaseSettings, PhaseSampler> make, boolean dense, boolean clamped) {
    BoltzmannMachine m = machine(dense);
    TwoPhaseSettings s = settings(CHAINS / ROWS);
    double[][] data = new double[ROWS][6];
    SplittableRandom r = new SplittableRandom(2);
    for (double[] v : data) for (int i = 0; i < 6; i++) v[i] = r.nextBoolean() ? 1 : 0;
    PhaseSampler phases = make.apply(m, s);
    Statistics got = clamped ? phases.clamped(m, data) : phases.free(m);
    ExactBoltzmann exact = ExactBoltzmann.of(m.withTemperature(s.temperature()));
    Statistics want = clamped ? exact.clampedStatistics(data) : exact.freeStatistics();
    assertEquals(clamped ? Phase.CLAMPED : Phase.FREE, got.phase());
    assertEquals((long) CHAINS * s.window(), got.samples());
    PhaseMoments.assertMatches(want, got, CHAINS);
  }
}
