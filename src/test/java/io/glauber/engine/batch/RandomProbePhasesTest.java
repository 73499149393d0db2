package io.glauber.engine.batch;

import static io.glauber.engine.batch.AnnealedPhasesTest.CHAINS;
import static io.glauber.engine.batch.AnnealedPhasesTest.ROWS;
import static io.glauber.engine.batch.AnnealedPhasesTest.tolerance;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.glauber.exact.ExactBoltzmann;
import io.glauber.learn.TwoPhaseSettings;
import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Statistics;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The random-probe phases (the paper's time unit) against ExactBoltzmann's clamped and free
 * expectations at the schedule's last temperature, on the machines and with the tolerances of
 * {@link AnnealedPhasesTest} (5 standard errors from the number of chains).
 */
class RandomProbePhasesTest {

  @ParameterizedTest(name = "dense={0}, clamped={1}")
  @CsvSource({"true, false", "false, false", "false, true"})
  void eachPhaseMatchesTheExactExpectationsAtTheLastTemperature(boolean dense, boolean clamped) {
    BoltzmannMachine m = AnnealedPhasesTest.machine(dense);
    TwoPhaseSettings s = AnnealedPhasesTest.settings(CHAINS / ROWS);
    double[][] data = new double[ROWS][6];
    SplittableRandom r = new SplittableRandom(2);
    for (double[] v : data) for (int i = 0; i < 6; i++) v[i] = r.nextBoolean() ? 1 : 0;
    RandomProbePhases phases = new RandomProbePhases(m, s, 11);
    Statistics got = clamped ? phases.clamped(m, data) : phases.free(m);
    ExactBoltzmann exact = ExactBoltzmann.of(m.withTemperature(s.temperature()));
    Statistics want = clamped ? exact.clampedStatistics(data) : exact.freeStatistics();
    assertEquals((long) CHAINS * s.window(), got.samples());
    for (int i = 0; i < want.unitMeans().length; i++) {
      assertEquals(want.unitMeans()[i], got.unitMeans()[i], tolerance(want.unitMeans()[i], CHAINS), "⟨s_" + i + "⟩");
    }
    for (int k = 0; k < want.pairMeans().length; k++) {
      assertEquals(want.pairMeans()[k], got.pairMeans()[k], tolerance(want.pairMeans()[k], CHAINS), "pair " + k);
    }
  }
}
