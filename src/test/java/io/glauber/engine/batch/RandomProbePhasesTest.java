package io.glauber.engine.batch;

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
    AnnealedPhasesTest.assertMatchesExact((m, s) -> new RandomProbePhases(m, s, 11), dense, clamped);
  }
}
