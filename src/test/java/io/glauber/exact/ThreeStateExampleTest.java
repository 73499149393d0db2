package io.glauber.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Units;
import org.junit.jupiter.api.Test;

/**
 * Seed 000's toy example: three states with energies 1, 2 and 3. At T = 1 state two is 1/e as
 * likely as state one and state three 1/e² as likely; normalising gives p₁ = 1/(1 + e⁻¹ + e⁻²).
 */
class ThreeStateExampleTest {

  /** p_k = e^{−E_k/T} / Z, Z = Σ e^{−E/T}, through the one log-sum-exp of the package. */
  private static double[] boltzmann(double[] energies, double t) {
    double[] minus = new double[energies.length];
    for (int k = 0; k < minus.length; k++) minus[k] = -energies[k] / t;
    double logZ = LogSumExp.of(minus);
    double[] p = new double[minus.length];
    for (int k = 0; k < p.length; k++) p[k] = Math.exp(minus[k] - logZ);
    return p;
  }

  @Test
  void theSeedsNumbersAtTemperatureOne() {
    double[] p = boltzmann(new double[] {1, 2, 3}, 1);
    assertEquals(1 / Math.E, p[1] / p[0], 1e-15);
    assertEquals(1 / (Math.E * Math.E), p[2] / p[0], 1e-15);
    assertEquals(1 / (1 + 1 / Math.E + 1 / (Math.E * Math.E)), p[0], 1e-15);
    assertEquals(0.6652, p[0], 5e-5);
    assertEquals(0.2447, p[1], 5e-5);
    assertEquals(0.0900, p[2], 5e-5);
  }

  @Test
  void lowTemperatureFavoursTheGroundStateAndHighTemperatureFlattens() {
    double[] cold = boltzmann(new double[] {1, 2, 3}, 0.1);
    assertEquals(1 - Math.exp(-10) - Math.exp(-20), cold[0], 1e-8, "T = 0.1: p₁ ≈ 1 − e^{−10}");
    double[] hot = boltzmann(new double[] {1, 2, 3}, 100);
    for (double v : hot) assertEquals(1.0 / 3, v, 0.01);
    for (double t : new double[] {0.5, 2, 5}) {
      double[] p = boltzmann(new double[] {1, 2, 3}, t);
      assertEquals(Math.exp(-1 / t), p[1] / p[0], 1e-14, "T = " + t);
      assertEquals(Math.exp(-2 / t), p[2] / p[0], 1e-14, "T = " + t);
    }
  }

  @Test
  void theSameThreeStatesInsideATwoUnitMachine() {
    // binary units, biases (−1, −2), no coupling: E(10) = 1, E(01) = 2, E(11) = 3 (and E(00) = 0).
    // Conditioned on leaving 00, the machine's exact distribution is the seed's three-state one.
    for (double t : new double[] {0.5, 1, 2, 5}) {
      ExactBoltzmann exact = ExactBoltzmann.of(BoltzmannMachine.dense(Units.BINARY, new double[4], new double[] {-1, -2}, 2, t));
      double[] q = {exact.probability(0b01), exact.probability(0b10), exact.probability(0b11)};
      double rest = q[0] + q[1] + q[2];
      double[] want = boltzmann(new double[] {1, 2, 3}, t);
      for (int k = 0; k < 3; k++) assertEquals(want[k], q[k] / rest, 1e-12, "T = " + t + ", state " + (k + 1));
    }
  }
}
