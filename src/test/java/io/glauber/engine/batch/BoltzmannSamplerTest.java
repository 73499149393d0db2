package io.glauber.engine.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glauber.exact.ExactBoltzmann;
import io.glauber.model.BoltzmannMachine;
import io.glauber.model.RandomMachines;
import io.glauber.model.Units;
import io.glauber.testing.ChiSquare;
import io.glauber.testing.RandomModels;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The multi-chain sampler against the exact distribution: one sample per chain after the burn-in
 * (chains as many as samples), so the samples are independent and Pearson's χ² applies, its
 * tolerance set by the sample size through the χ² distribution; the significance level 10⁻³ per
 * case is fixed in advance. The models are scaled to mix well within the burn-in, as in
 * SequentialGibbsTest.
 */
class BoltzmannSamplerTest {
  private static final int SAMPLES = 20_000;
  private static final int BURN_IN = 300;
  private static final double ALPHA = 1e-3;

  private static long[] visibleCounts(BoltzmannMachine m, long seed) {
    long[] counts = new long[1 << m.nVisible()];
    new BoltzmannSampler(m, SAMPLES, seed).run(BURN_IN, SAMPLES, 1, row -> {
      int k = 0;
      for (int i = 0; i < row.length; i++) if (row[i] == m.units().high()) k |= 1 << i;
      counts[k]++;
    });
    return counts;
  }

  @ParameterizedTest(name = "{0} units, {1}, T={2}")
  @CsvSource({"8, BINARY, 1.0", "9, SPIN, 0.5", "10, SPIN, 2.0"})
  void visibleStatesPassChiSquareAgainstTheExactDistribution(int n, Units units, double t) {
    double scale = units == Units.SPIN ? 0.25 : 0.5;
    BoltzmannMachine m = RandomModels.boltzmann(n, units, t, scale, 1000L * n + (long) (10 * t));
    ChiSquare.Result r = ChiSquare.test(visibleCounts(m, 11), ExactBoltzmann.of(m).distribution());
    assertTrue(r.pValue() > ALPHA, () -> "χ² = " + r.statistic() + " on " + r.degreesOfFreedom() + " dof, p = " + r.pValue());
  }

  @Test
  void withHiddenUnitsTheVisibleStatesFollowTheExactMarginal() {
    // 5 visible and 4 hidden binary units: the sampler writes only the visible ones
    BoltzmannMachine m = RandomMachines.gaussian(9, Units.BINARY, 0.5, 0.5, 5, 1.0, new SplittableRandom(21));
    ChiSquare.Result r = ChiSquare.test(visibleCounts(m, 12), ExactBoltzmann.of(m).visibleDistribution());
    assertTrue(r.pValue() > ALPHA, () -> "χ² = " + r.statistic() + " on " + r.degreesOfFreedom() + " dof, p = " + r.pValue());
  }

  @Test
  void samplesComeRoundRobinOverTheChainsAfterEachThinningInterval() {
    BoltzmannMachine m = RandomModels.boltzmann(6, Units.SPIN, 1.0, 0.5, 5);
    List<int[]> rows = new ArrayList<>();
    BoltzmannSampler s = new BoltzmannSampler(m, 3, 77);
    s.run(4, 7, 2, rows::add);
    assertEquals(7, rows.size());
    // the last round emits chain 0 only, from the state the sampler ends in
    int[] last = new int[6];
    for (int i = 0; i < 6; i++) last[i] = (int) s.kernel().value(0, i);
    assertArrayEquals(last, rows.get(6));
    List<int[]> again = new ArrayList<>();
    new BoltzmannSampler(m, 3, 77).run(4, 7, 2, again::add);
    for (int k = 0; k < 7; k++) assertArrayEquals(rows.get(k), again.get(k), "sample " + k + " repeats with the seed");
  }

  /**
   * Phase statistics against ExactBoltzmann's: each chain's average over the sweeps is one
   * independent sample whose variance is at most that of a single state's, so the standard error of
   * a moment is at most √(Var/chains), Var from the exact distribution; each moment must lie within
   * 5 of them (about 6·10⁻⁷ per moment by chance).
   */
  @ParameterizedTest(name = "{0}, clamped={1}")
  @CsvSource({"BINARY, false", "SPIN, false", "BINARY, true", "SPIN, true"})
  void phaseStatisticsMatchTheExactMoments(Units units, boolean clamped) {
    BoltzmannMachine m = RandomMachines.gaussian(10, units, 0.4, 0.4, 6, 1.0, new SplittableRandom(31));
    int chains = 4000;
    double[][] data = null;
    if (clamped) {
      SplittableRandom r = new SplittableRandom(2);
      data = new double[8][6];
      for (double[] v : data) for (int i = 0; i < 6; i++) v[i] = units.value(r.nextBoolean());
    }
    io.glauber.model.Statistics got = new BoltzmannSampler(m, chains, 3).statistics(data, 300, 5);
    ExactBoltzmann exact = ExactBoltzmann.of(m);
    io.glauber.model.Statistics want = clamped ? exact.clampedStatistics(data) : exact.freeStatistics();
    assertEquals(clamped ? io.glauber.model.Phase.CLAMPED : io.glauber.model.Phase.FREE, got.phase());
    assertEquals(chains * 5L, got.samples());
    for (int i = 0; i < 10; i++) {
      double mean = want.unitMeans()[i];
      double square = units == Units.SPIN ? 1 : mean;
      double tol = 5 * Math.sqrt(Math.max(square - mean * mean, 1e-12) / chains) + 1e-9;
      assertEquals(mean, got.unitMeans()[i], tol, "⟨s_" + i + "⟩");
    }
    for (int k = 0; k < want.pairMeans().length; k++) {
      double mean = want.pairMeans()[k];
      double square = units == Units.SPIN ? 1 : mean;
      double tol = 5 * Math.sqrt(Math.max(square - mean * mean, 1e-12) / chains) + 1e-9;
      assertEquals(mean, got.pairMeans()[k], tol, "pair " + k);
    }
  }

  @Test
  void badInputIsRejectedBeforeAnySweep() {
    BoltzmannMachine m = RandomModels.boltzmann(6, Units.BINARY, 1.0, 0.5, 5);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BoltzmannSampler(m, 0, 1));
    assertTrue(e.getMessage().contains("chains 0"), e.getMessage());
    BoltzmannSampler s = new BoltzmannSampler(m, 4, 1);
    e = assertThrows(IllegalArgumentException.class, () -> s.statistics(new double[][] {{1, 0}}, 1, 1));
    assertTrue(e.getMessage().contains("length 2"), e.getMessage());
  }
}
