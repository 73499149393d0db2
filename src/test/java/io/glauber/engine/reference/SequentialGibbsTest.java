package io.glauber.engine.reference;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glauber.exact.ExactBoltzmann;
import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Units;
import io.glauber.testing.ChiSquare;
import io.glauber.testing.RandomModels;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The reference sampler's state frequencies against the exact distribution. Each sample comes from
 * its own chain (seed split per chain) after a burn-in, so samples are independent and Pearson's
 * χ² applies; the significance level 10⁻³ per case is fixed in advance. The burn-in must exceed
 * the mixing time: at T = 0.5 a 10-spin model with unit-scale couplings does not mix in 1,500
 * sweeps, which χ² rightly reports, so the models here are scaled to mix within 300.
 */
class SequentialGibbsTest {
  private static final int CHAINS = 20_000;
  private static final int BURN_IN = 300;
  private static final double ALPHA = 1e-3;

  static long[] sample(BoltzmannMachine m, SequentialGibbs.Scan scan, long seed, double samplerTemperature) {
    long[] counts = new long[1 << m.size()];
    java.util.SplittableRandom seeds = new java.util.SplittableRandom(seed);
    for (int c = 0; c < CHAINS; c++) {
      SequentialGibbs chain = new SequentialGibbs(m, scan, seeds.nextLong());
      chain.setTemperature(samplerTemperature);
      for (int s = 0; s < BURN_IN; s++) chain.sweep();
      counts[ExactBoltzmann.index(chain.state(), m.units())]++;
    }
    return counts;
  }

  @ParameterizedTest(name = "{0} units, {1}, T={2}, {3} scan")
  @CsvSource({
      "8, BINARY, 0.5, FIXED", "8, BINARY, 1.0, RANDOM", "8, BINARY, 2.0, FIXED",
      "10, SPIN, 0.5, RANDOM", "10, SPIN, 1.0, FIXED", "10, SPIN, 2.0, RANDOM",
      "9, SPIN, 1.0, RANDOM", "10, BINARY, 1.0, FIXED"})
  void sampledStateFrequenciesPassChiSquareAgainstExactDistribution(int n, Units units, double t, SequentialGibbs.Scan scan) {
    // spins feel twice the field of {0,1} units (gap 2h) and pairs four times the coupling, so
    // they get a quarter of the scale: comparable landscapes, and chains that mix within the burn-in
    double scale = units == Units.SPIN ? 0.25 : 0.5;
    BoltzmannMachine m = RandomModels.boltzmann(n, units, t, scale, 1000L * n + (long) (10 * t));
    long[] counts = sample(m, scan, 42, t);
    ChiSquare.Result r = ChiSquare.test(counts, ExactBoltzmann.of(m).distribution());
    assertTrue(r.pValue() > ALPHA, () -> "χ² = " + r.statistic() + " on " + r.degreesOfFreedom() + " dof, p = " + r.pValue());
  }

  @ParameterizedTest(name = "{0} units at T={1} sampled at T={2}")
  @CsvSource({"8, 1.0, 1.5", "8, 1.0, 0.7"})
  void chiSquareRejectsASamplerAtTheWrongTemperature(int n, double t, double wrong) {
    BoltzmannMachine m = RandomModels.boltzmann(n, Units.SPIN, t, 0.5, 7);
    long[] counts = sample(m, SequentialGibbs.Scan.RANDOM, 43, wrong);
    ChiSquare.Result r = ChiSquare.test(counts, ExactBoltzmann.of(m).distribution());
    assertTrue(r.pValue() < ALPHA, () -> "a sampler at the wrong temperature was not detected: p = " + r.pValue());
  }
}
