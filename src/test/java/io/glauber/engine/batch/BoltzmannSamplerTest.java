package io.glauber.engine.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glauber.engine.reference.SequentialGibbs;
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
  void eachChainIsTheReferenceChainOfItsSeedThinnedRoundRobin() {
    BoltzmannMachine m = RandomModels.boltzmann(6, Units.SPIN, 1.0, 0.5, 5);
    int chains = 3;
    int burnIn = 4;
    int thin = 2;
    List<int[]> rows = new ArrayList<>();
    new BoltzmannSampler(m, chains, 77).run(burnIn, 7, thin, rows::add);
    assertEquals(7, rows.size());
    SplittableRandom seeds = new SplittableRandom(77);
    SequentialGibbs[] reference = new SequentialGibbs[chains];
    for (int c = 0; c < chains; c++) {
      reference[c] = new SequentialGibbs(m, SequentialGibbs.Scan.RANDOM, seeds.nextLong());
      for (int s = 0; s < burnIn; s++) reference[c].sweep();
    }
    for (int k = 0; k < rows.size(); k++) {
      SequentialGibbs chain = reference[k % chains];
      for (int s = 0; s < thin; s++) chain.sweep();
      int[] expected = java.util.Arrays.stream(chain.state()).mapToInt(v -> (int) v).toArray();
      assertArrayEquals(expected, rows.get(k), "sample " + k);
    }
  }
}
