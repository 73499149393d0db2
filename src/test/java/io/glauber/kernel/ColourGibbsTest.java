package io.glauber.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glauber.engine.reference.SequentialGibbs;
import io.glauber.exact.ExactBoltzmann;
import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Gaussian;
import io.glauber.model.RandomMachines;
import io.glauber.model.Schedule;
import io.glauber.model.SparseCouplings;
import io.glauber.model.Units;
import io.glauber.testing.ChiSquare;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The batched colour-class Gibbs kernel against exact answers and the reference sampler.
 *
 * <p>χ² tests draw one sample per chain (chains as many as samples, so the samples are independent
 * and Pearson's χ² applies, its tolerance set by the sample size through the χ² distribution), after
 * an annealed burn-in (4T, 2T, then T); the significance level 10⁻³ per case is fixed in advance.
 * Models are scaled to mix within the burn-in, as in SequentialGibbsTest. Dense machines run the
 * BLAS path, sparse ones (a random graph whose colour classes hold several units) the adjacency path.
 */
class ColourGibbsTest {
  private static final int SAMPLES = 20_000;
  private static final double ALPHA = 1e-3;
  private static final Team TEAM = new Team(2);

  @AfterAll
  static void close() {
    TEAM.close();
  }

  /** A random sparse machine: each pair coupled with probability 0.3, weights and biases ~ N(0, scale²). */
  static BoltzmannMachine sparse(int n, Units units, int nVisible, double t, double scale, long seed) {
    return sparse(n, units, nVisible, t, seed, r -> scale * Gaussian.standard(r), r -> scale * Gaussian.standard(r));
  }

  /** The same with weights and biases drawn by the given rules. */
  static BoltzmannMachine sparse(int n, Units units, int nVisible, double t, long seed,
      java.util.function.ToDoubleFunction<SplittableRandom> weight, java.util.function.ToDoubleFunction<SplittableRandom> bias) {
    SplittableRandom r = new SplittableRandom(seed);
    List<int[]> edges = new ArrayList<>();
    for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++) if (r.nextDouble() < 0.3) edges.add(new int[] {i, j});
    int[] e = new int[2 * edges.size()];
    double[] w = new double[edges.size()];
    for (int m = 0; m < w.length; m++) {
      e[2 * m] = edges.get(m)[0];
      e[2 * m + 1] = edges.get(m)[1];
      w[m] = weight.applyAsDouble(r);
    }
    double[] b = new double[n];
    for (int i = 0; i < n; i++) b[i] = bias.applyAsDouble(r);
    return new BoltzmannMachine(units, new SparseCouplings(n, e, w), b, nVisible, t);
  }

  static BoltzmannMachine machine(boolean dense, int n, Units units, int nVisible, double t, long seed) {
    double scale = units == Units.SPIN ? 0.25 : 0.5;
    return dense ? RandomMachines.gaussian(n, units, scale, scale, nVisible, t, new SplittableRandom(seed))
        : sparse(n, units, nVisible, t, 2 * scale, seed);
  }

  static void burnIn(ColourGibbs g, double t) {
    g.anneal(Schedule.parse("50@" + 4 * t + ",50@" + 2 * t + ",200@" + t));
  }

  /** Counts of the visible states (bit i = visible unit i on) over all chains. */
  static long[] visibleCounts(ColourGibbs g, BoltzmannMachine m) {
    long[] counts = new long[1 << m.nVisible()];
    for (int c = 0; c < g.chains(); c++) {
      int k = 0;
      for (int i = 0; i < m.nVisible(); i++) if (g.value(c, i) == 1f) k |= 1 << i;
      counts[k]++;
    }
    return counts;
  }

  @ParameterizedTest(name = "dense={0}, {1} units ({2} visible), {3}, T={4}")
  @CsvSource({
    "true, 8, 8, BINARY, 1.0", "true, 10, 10, SPIN, 0.5", "true, 9, 9, SPIN, 2.0", "true, 12, 6, BINARY, 0.5",
    "true, 11, 7, SPIN, 1.0", "true, 10, 5, BINARY, 2.0",
    "false, 10, 10, BINARY, 0.5", "false, 12, 12, SPIN, 1.0", "false, 9, 9, BINARY, 2.0", "false, 12, 8, SPIN, 0.5",
    "false, 11, 6, BINARY, 1.0", "false, 10, 6, SPIN, 2.0"})
  void visibleStatesPassChiSquareAgainstTheExactDistribution(boolean dense, int n, int nVisible, Units units, double t) {
    BoltzmannMachine m = machine(dense, n, units, nVisible, t, 100L * n + nVisible + (long) (10 * t));
    ColourGibbs g = new ColourGibbs(m, SAMPLES, 5, TEAM);
    assertEquals(dense, g.dense());
    burnIn(g, t);
    ExactBoltzmann exact = ExactBoltzmann.of(m);
    double[] p = nVisible == n ? exact.distribution() : exact.visibleDistribution();
    ChiSquare.Result r = ChiSquare.test(visibleCounts(g, m), p);
    assertTrue(r.pValue() > ALPHA, () -> "χ² = " + r.statistic() + " on " + r.degreesOfFreedom() + " dof, p = " + r.pValue());
  }

  @Test
  void samplingAtTheWrongTemperatureFailsTheSameTest() {
    BoltzmannMachine m = machine(false, 10, Units.BINARY, 10, 1.0, 3);
    ColourGibbs g = new ColourGibbs(m.withTemperature(1.5), SAMPLES, 5, TEAM);
    burnIn(g, 1.5);
    assertTrue(ChiSquare.test(visibleCounts(g, m), ExactBoltzmann.of(m).distribution()).pValue() < ALPHA);
  }

  @ParameterizedTest(name = "dense={0}, {1}")
  @CsvSource({"true, BINARY", "false, SPIN", "true, SPIN", "false, BINARY"})
  void clampedUnitsStayAndTheFreeOnesFollowTheExactConditional(boolean dense, Units units) {
    int n = 10;
    int clampedCount = 4;
    BoltzmannMachine m = machine(dense, n, units, n, 1.0, 77);
    double[] v = {units.high(), units.low(), units.high(), units.high()};
    ColourGibbs g = new ColourGibbs(m, SAMPLES, 9, TEAM);
    double[] s = new double[n];
    for (int c = 0; c < SAMPLES; c++) {
      g.state(c, s);
      System.arraycopy(v, 0, s, 0, clampedCount);
      g.setState(c, s);
    }
    boolean[] mask = new boolean[n];
    for (int i = 0; i < clampedCount; i++) mask[i] = true;
    g.clamp(mask);
    burnIn(g, 1.0);
    // the exact conditional p(free | clamped = v), free units indexed by bit i−4
    ExactBoltzmann exact = ExactBoltzmann.of(m);
    double[] cond = new double[1 << (n - clampedCount)];
    double total = 0;
    for (int k = 0; k < exact.stateCount(); k++) {
      double[] x = exact.state(k);
      boolean match = true;
      for (int i = 0; i < clampedCount; i++) match &= x[i] == v[i];
      if (!match) continue;
      int f = 0;
      for (int i = clampedCount; i < n; i++) if (x[i] == 1.0) f |= 1 << (i - clampedCount);
      cond[f] += exact.probability(k);
      total += exact.probability(k);
    }
    for (int f = 0; f < cond.length; f++) cond[f] /= total;
    long[] counts = new long[cond.length];
    for (int c = 0; c < SAMPLES; c++) {
      for (int i = 0; i < clampedCount; i++) assertEquals((float) v[i], g.value(c, i), "clamped unit " + i + " of chain " + c);
      int f = 0;
      for (int i = clampedCount; i < n; i++) if (g.value(c, i) == 1f) f |= 1 << (i - clampedCount);
      counts[f]++;
    }
    ChiSquare.Result r = ChiSquare.test(counts, cond);
    assertTrue(r.pValue() > ALPHA, () -> "χ² = " + r.statistic() + " on " + r.degreesOfFreedom() + " dof, p = " + r.pValue());
  }

  static double onsager(double t) {
    double tc = 2 / Math.log(1 + Math.sqrt(2));
    return t >= tc ? 0 : Math.pow(1 - Math.pow(Math.sinh(2 / t), -4), 0.125);
  }

  /**
   * {mean over chains of the time-averaged |m|, its standard error}: chains are independent, so the
   * spread of the chain means gives the error with autocorrelation included.
   */
  static double[] isingMagnetisation(double t, long seed, boolean lookup) {
    return isingMagnetisation(t, t, seed, lookup);
  }

  /** The same, sampled at {@code sampled} (a sampler at T = 0 from the all-up start never moves). */
  static double[] isingMagnetisation(double t, double sampled, long seed, boolean lookup) {
    int side = 64;
    int n = side * side;
    int chains = 64;
    BoltzmannMachine m = new BoltzmannMachine(Units.SPIN, SparseCouplings.squareLattice(side, 1.0), new double[n], n, sampled);
    ColourGibbs g = new ColourGibbs(m, m.couplings().colours(), chains, seed, TEAM, lookup);
    assertEquals(lookup ? n : 0, g.lookupUnits(), "the lattice's fields take five values: looked up, or σ computed when the lookup is off");
    double[] up = new double[n];
    java.util.Arrays.fill(up, 1.0);
    for (int c = 0; c < chains; c++) g.setState(c, up); // a sampler that never moved keeps |m| = 1
    g.sweeps(200);
    double[] chainMean = new double[chains];
    int sweeps = 200;
    for (int s = 0; s < sweeps; s++) {
      g.sweep();
      for (int c = 0; c < chains; c++) {
        double sum = 0;
        for (int i = 0; i < n; i++) sum += g.value(c, i);
        chainMean[c] += Math.abs(sum / n) / sweeps;
      }
    }
    double mean = java.util.Arrays.stream(chainMean).average().orElseThrow();
    double var = java.util.Arrays.stream(chainMean).map(x -> (x - mean) * (x - mean)).sum() / (chains - 1);
    return new double[] {mean, Math.sqrt(var / chains)};
  }

  /**
   * Below T_c (T = 1.5) |m| matches Onsager's 0.9865 within 4 standard errors plus 0.005 for the
   * finite 64×64 lattice (the correlation length is about one site); a frozen all-up start would
   * give 1, which is 0.0135 away. Above T_c (T = 3.5) |m| must fall from 1 to the finite-size level
   * E|m| ≈ √(2χT/(πN)) ≈ 0.03 (χT ≈ 6): tested as below twice that.
   */
  static boolean matchesOnsager(double[] below, double[] above) {
    return Math.abs(below[0] - onsager(1.5)) < 4 * below[1] + 0.005 && above[0] < 0.06;
  }

  @ParameterizedTest(name = "lookup={0}")
  @CsvSource({"true", "false"})
  void isingLatticeMatchesOnsagerBelowTcAndLosesItsMagnetisationAbove(boolean lookup) {
    double[] below = isingMagnetisation(1.5, 1, lookup);
    double[] above = isingMagnetisation(3.5, 2, lookup);
    assertTrue(matchesOnsager(below, above), () -> "|m| = " + below[0] + " ± " + below[1] + " at T = 1.5 (Onsager " + onsager(1.5)
        + "), |m| = " + above[0] + " at T = 3.5 (expected ≈ 0.03)");
  }

  @Test
  void aSamplerThatDoesNotMoveFailsTheOnsagerTest() {
    // at T = 0 every spin of the all-up start has field 4 > 0 and stays up: |m| = 1 at every sweep
    double[] below = isingMagnetisation(1.5, 0.0, 1, true);
    double[] above = isingMagnetisation(3.5, 0.0, 2, true);
    assertEquals(1.0, below[0], 1e-12);
    assertTrue(!matchesOnsager(below, above), "a frozen sampler must fail the test");
  }

  @ParameterizedTest(name = "dense={0}")
  @CsvSource({"true", "false"})
  void fieldsAgreeWithTheModel(boolean dense) {
    BoltzmannMachine m = machine(dense, 12, Units.SPIN, 12, 1.0, 41);
    int chains = 2 * ColourGibbs.BLOCK + 88; // three blocks, the last one partial
    ColourGibbs g = new ColourGibbs(m, chains, 3, TEAM);
    float[] h = new float[ColourGibbs.BLOCK];
    double[] s = new double[m.size()];
    for (int i = 0; i < m.size(); i++) {
      for (int b = 0; b * ColourGibbs.BLOCK < chains; b++) {
        g.fields(i, b, h);
        for (int k = 0; k < ColourGibbs.BLOCK && b * ColourGibbs.BLOCK + k < chains; k++) {
          g.state(b * ColourGibbs.BLOCK + k, s);
          assertEquals(m.field(i, s), h[k], 1e-5, "field of unit " + i + " in chain " + (b * ColourGibbs.BLOCK + k));
        }
      }
    }
  }

  /**
   * At T = 0 a draw is the sign of the field, so one sweep of a dense machine (its colour classes
   * are single units in index order) must reproduce the reference sampler's fixed-scan sweep from
   * the same states exactly, chain by chain.
   */
  @Test
  void zeroTemperatureSweepEqualsTheReferenceFixedScanSweep() {
    BoltzmannMachine m = RandomMachines.gaussian(40, Units.SPIN, 1.0, 1.0, 40, 0.0, new SplittableRandom(8));
    int chains = 100;
    ColourGibbs g = new ColourGibbs(m, chains, 1, TEAM);
    sweepsEqualTheReference(m, g, chains, 1000);
  }

  /** Three sweeps of {@code g} from the reference chains' starting states equal theirs, chain by chain. */
  static void sweepsEqualTheReference(BoltzmannMachine m, ColourGibbs g, int chains, long seed) {
    SequentialGibbs[] ref = new SequentialGibbs[chains];
    for (int c = 0; c < chains; c++) {
      ref[c] = new SequentialGibbs(m, SequentialGibbs.Scan.FIXED, seed + c);
      g.setState(c, ref[c].state());
    }
    double[] s = new double[m.size()];
    for (int sweep = 0; sweep < 3; sweep++) {
      g.sweep();
      for (int c = 0; c < chains; c++) {
        ref[c].sweep();
        g.state(c, s);
        assertArrayEquals(ref[c].state(), s, "chain " + c + " after sweep " + sweep);
      }
    }
  }


  /**
   * A periodic L×L lattice relabelled so that the black sites (row + column even) come first: its
   * greedy colouring is then black = 0, white = 1, so the kernel's colour order is index order,
   * that of the reference sampler's fixed scan. Couplings ±J (signs from the seed, or all +J) and a
   * uniform bias: each field takes at most d + 1 values.
   */
  static BoltzmannMachine checkerboardLattice(int side, Units units, double j, boolean randomSigns, double bias, double t, long seed) {
    int n = side * side;
    int[] label = new int[n];
    int black = 0;
    int white = (n + 1) / 2;
    for (int i = 0; i < n; i++) label[i] = ((i / side + i % side) % 2 == 0) ? black++ : white++;
    SparseCouplings lattice = SparseCouplings.squareLattice(side, j);
    int[] p = lattice.pairs();
    int[] e = new int[p.length];
    double[] w = new double[p.length / 2];
    SplittableRandom r = new SplittableRandom(seed);
    for (int m = 0; m < w.length; m++) {
      int a = label[p[2 * m]];
      int b = label[p[2 * m + 1]];
      e[2 * m] = Math.min(a, b);
      e[2 * m + 1] = Math.max(a, b);
      w[m] = randomSigns && r.nextBoolean() ? -j : j;
    }
    double[] b = new double[n];
    java.util.Arrays.fill(b, bias);
    return new BoltzmannMachine(units, new SparseCouplings(n, e, w), b, n, t);
  }

  @Test
  void fieldValuesAreDetectedFromTheCouplings() {
    BoltzmannMachine spin = checkerboardLattice(8, Units.SPIN, 1.0, false, 0.0, 1.0, 1);
    assertArrayEquals(new double[] {-4, -2, 0, 2, 4}, ColourGibbs.fieldValues(spin.couplings(), 3, 0.0, -1, 1));
    BoltzmannMachine binary = checkerboardLattice(8, Units.BINARY, 0.5, true, 0.25, 1.0, 2);
    double[] v = ColourGibbs.fieldValues(binary.couplings(), 5, 0.25, 0, 1);
    assertEquals(5, v.length, "four ±J neighbours of a binary unit: d + 1 values");
    // Gaussian couplings: 2⁴ distinct sums, more than the table takes
    BoltzmannMachine gaussian = sparse(12, Units.SPIN, 12, 1.0, 0.5, 7);
    int i = 0;
    while (gaussian.couplings().degree(i) < 5) i++;
    assertEquals(null, ColourGibbs.fieldValues(gaussian.couplings(), i, gaussian.bias()[i], -1, 1));
  }

  /** Every looked-up p(on) is Glauber.pOn of its field value, to float precision, at every temperature. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"SPIN", "BINARY"})
  void tablesHoldTheGlauberProbabilityOfEachFieldValue(Units units) {
    BoltzmannMachine m = checkerboardLattice(8, units, 0.75, true, 0.25, 1.0, 3);
    ColourGibbs g = new ColourGibbs(m, m.couplings().colours(), 64, 1, TEAM, true);
    assertEquals(m.size(), g.lookupUnits());
    for (double t : new double[] {0, 0.5, 1, 2.5, Double.POSITIVE_INFINITY}) {
      g.setTemperature(t);
      for (int i = 0; i < m.size(); i++) {
        float[][] table = g.table(i);
        for (int j = 0; j < table[0].length; j++) {
          double want = io.glauber.model.Glauber.pOn(units, table[0][j], t);
          assertEquals(want, table[1][j], 2e-7, "p(on) at h = " + table[0][j] + ", T = " + t);
        }
      }
    }
  }

  /**
   * The lookup changes how p(on) is found, not what is drawn: from the same seed, the looked-up
   * and the computed path give the same states, lane for lane, through an annealing schedule. The
   * fields here are sums of a few dyadic numbers, exact in float, so both paths see the same h and
   * both take σ from the same vector code; chain counts are whole vectors (the computed path's σ on
   * a partial vector's tail lanes is the scalar formula, which may differ in the last bit).
   */
  @ParameterizedTest(name = "{0}, J = {1}, random signs {2}, bias {3}, {4} chains")
  @CsvSource({"SPIN, 1.0, false, 0.0, 576", "BINARY, 0.5, true, 0.25, 576", "SPIN, 0.75, true, -0.5, 48", "BINARY, 1.0, false, -2.0, 320"})
  void lookedUpDrawsEqualTheComputedOnesLaneForLane(Units units, double j, boolean randomSigns, double bias, int chains) {
    BoltzmannMachine m = checkerboardLattice(12, units, j, randomSigns, bias, 1.0, 5);
    ColourGibbs lookup = new ColourGibbs(m, m.couplings().colours(), chains, 11, TEAM, true);
    ColourGibbs computed = new ColourGibbs(m, m.couplings().colours(), chains, 11, TEAM, false);
    assertEquals(m.size(), lookup.lookupUnits());
    assertEquals(0, computed.lookupUnits());
    Schedule schedule = Schedule.parse("3@4,3@2.5,3@1,3@0.5,2@0");
    lookup.anneal(schedule);
    computed.anneal(schedule);
    double[] a = new double[m.size()];
    double[] b = new double[m.size()];
    for (int c = 0; c < chains; c++) {
      lookup.state(c, a);
      computed.state(c, b);
      assertArrayEquals(b, a, "chain " + c);
    }
  }

  /**
   * At T = 0 a draw is the sign of the field (never 0 here: the bias is ½, the couplings ±1), so
   * sweeps of the looked-up path reproduce the reference sampler's fixed scan exactly, chain by
   * chain (the relabelled lattice's colour order is index order).
   */
  @Test
  void zeroTemperatureLookedUpSweepEqualsTheReferenceFixedScanSweep() {
    BoltzmannMachine m = checkerboardLattice(10, Units.SPIN, 1.0, true, 0.5, 0.0, 9);
    int chains = 80;
    ColourGibbs g = new ColourGibbs(m, m.couplings().colours(), chains, 1, TEAM, true);
    assertEquals(m.size(), g.lookupUnits());
    sweepsEqualTheReference(m, g, chains, 2000);
  }

  /** Random sparse machines with few-valued couplings (±J) and biases (±b): the looked-up path against exact. */
  @ParameterizedTest(name = "{0} units ({1} visible), {2}, T={3}")
  @CsvSource({"10, 10, BINARY, 0.5", "12, 8, SPIN, 1.0", "11, 11, SPIN, 2.0", "10, 6, BINARY, 1.0"})
  void lookedUpSamplesPassChiSquareAgainstTheExactDistribution(int n, int nVisible, Units units, double t) {
    double j = units == Units.SPIN ? 0.25 : 0.5;
    BoltzmannMachine m = sparse(n, units, nVisible, t, 31L * n + nVisible, r -> r.nextBoolean() ? j : -j, r -> r.nextBoolean() ? j / 2 : -j / 2);
    ColourGibbs g = new ColourGibbs(m, m.couplings().colours(), SAMPLES, 5, TEAM, true);
    assertEquals(n, g.lookupUnits());
    burnIn(g, t);
    ExactBoltzmann exact = ExactBoltzmann.of(m);
    double[] p = nVisible == n ? exact.distribution() : exact.visibleDistribution();
    ChiSquare.Result res = ChiSquare.test(visibleCounts(g, m), p);
    assertTrue(res.pValue() > ALPHA, () -> "χ² = " + res.statistic() + " on " + res.degreesOfFreedom() + " dof, p = " + res.pValue());
  }

  @Test
  void resultsDoNotDependOnTheNumberOfThreads() {
    BoltzmannMachine m = machine(false, 12, Units.BINARY, 12, 1.0, 5);
    ColourGibbs one = new ColourGibbs(m, 300, 4, new Team(1));
    ColourGibbs two = new ColourGibbs(m, 300, 4, TEAM);
    one.sweeps(20);
    two.sweeps(20);
    double[] a = new double[12];
    double[] b = new double[12];
    for (int c = 0; c < 300; c++) {
      one.state(c, a);
      two.state(c, b);
      assertArrayEquals(a, b, "chain " + c);
    }
  }

  @Test
  void badInputIsRejectedWithOneLineNamingTheValue() {
    BoltzmannMachine m = machine(true, 8, Units.BINARY, 8, 1.0, 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ColourGibbs(m, 0, 1, TEAM));
    assertTrue(e.getMessage().contains("chains 0") && !e.getMessage().contains("\n"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new ColourGibbs(m, new int[0], 4, 1, TEAM));
    assertTrue(e.getMessage().contains("colour classes for 0 units"), e.getMessage());
    ColourGibbs g = new ColourGibbs(m, 4, 1, TEAM);
    e = assertThrows(IllegalArgumentException.class, () -> g.clamp(new boolean[7]));
    assertTrue(e.getMessage().contains("clamp mask of length 7"), e.getMessage());
    double[] before = new double[8];
    g.state(0, before);
    Schedule bad = Schedule.parse("10@2,5@Infinity");
    e = assertThrows(IllegalArgumentException.class, () -> g.anneal(bad));
    assertTrue(e.getMessage().contains("Infinity"), e.getMessage());
    for (String text : new String[] {"10@2,5@-1", "10@NaN"}) {
      e = assertThrows(IllegalArgumentException.class, () -> Schedule.parse(text), text);
      assertTrue(e.getMessage().contains(text.substring(text.lastIndexOf('@') + 1)) && !e.getMessage().contains("\n"), e.getMessage());
    }
    double[] after = new double[8];
    g.state(0, after);
    assertArrayEquals(before, after, "nothing ran before the schedule was checked");
    assertThrows(IllegalArgumentException.class, () -> g.setTemperature(-1));
  }
}
