package io.glauber.exact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.glauber.model.Statistics;
import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Rbm;
import io.glauber.model.Units;
import io.glauber.testing.RandomModels;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ExactEnumerationTest {

  @Test
  void twoBinaryUnitsMatchTheHandComputedPartitionFunction() {
    // E = -w s0 s1 - b0 s0 - b1 s1, T = 2: Z = 1 + e^{b0/T} + e^{b1/T} + e^{(w+b0+b1)/T}
    double w = 1.5, b0 = -0.5, b1 = 0.25, t = 2;
    BoltzmannMachine m = BoltzmannMachine.dense(Units.BINARY, new double[] {0, w, w, 0}, new double[] {b0, b1}, 2, t);
    double z = 1 + Math.exp(b0 / t) + Math.exp(b1 / t) + Math.exp((w + b0 + b1) / t);
    ExactBoltzmann e = ExactBoltzmann.of(m);
    assertEquals(Math.log(z), e.logZ(), 1e-14);
    assertEquals(Math.exp((w + b0 + b1) / t) / z, e.probability(3), 1e-14);
    assertEquals((Math.exp(b0 / t) + Math.exp((w + b0 + b1) / t)) / z, e.marginals()[0], 1e-14);
    assertEquals(Math.exp((w + b0 + b1) / t) / z, e.freeStatistics().pairMeans()[0], 1e-14);
  }

  @Test
  void twoSpinsMatchTheHandComputedPartitionFunction() {
    // E = -J σ0 σ1, T = 1: Z = 2e^{J} + 2e^{-J}
    double j = 0.7;
    BoltzmannMachine m = BoltzmannMachine.dense(Units.SPIN, new double[] {0, j, j, 0}, new double[2], 2, 1);
    ExactBoltzmann e = ExactBoltzmann.of(m);
    assertEquals(Math.log(2 * Math.exp(j) + 2 * Math.exp(-j)), e.logZ(), 1e-14);
    assertEquals(Math.tanh(j), e.correlations()[1], 1e-14);
    assertArrayEquals(new double[] {0, 0}, e.marginals(), 1e-14);
  }

  @Test
  void binaryAndSpinParameterisationsGiveTheSameDistribution() {
    for (long seed = 1; seed <= 5; seed++) {
      BoltzmannMachine b = RandomModels.boltzmann(7, Units.BINARY, 0.8, 1.0, seed);
      BoltzmannMachine s = b.convertedTo(Units.SPIN);
      assertArrayEquals(ExactBoltzmann.of(b).distribution(), ExactBoltzmann.of(s).distribution(), 1e-12);
      assertArrayEquals(b.couplings().pairWeights(), s.convertedTo(Units.BINARY).couplings().pairWeights(), 1e-12);
      assertArrayEquals(b.bias(), s.convertedTo(Units.BINARY).bias(), 1e-12);
    }
  }

  @Test
  void rbmLogZBySummingOutALayerEqualsFullEnumeration() {
    SplittableRandom rng = new SplittableRandom(3);
    for (int[] shape : new int[][] {{5, 3}, {3, 6}, {6, 6}}) {
      Rbm r = randomRbm(shape[0], shape[1], rng, 1.3);
      ExactBoltzmann full = ExactBoltzmann.of(r.toBoltzmannMachine());
      ExactRbm exact = ExactRbm.of(r);
      assertEquals(full.logZ(), exact.logZ(), 1e-10);
      double[] v = new double[shape[0]];
      v[0] = 1;
      assertEquals(full.logProbabilityOfVisible(v), exact.logProbability(v), 1e-10);
      Statistics a = exact.freeStatistics();
      Statistics b = full.freeStatistics();
      // the BM's pairs include visible-visible and hidden-hidden pairs (always zero weight); pick v-h ones
      int n = shape[0] + shape[1];
      int[] pairs = r.toBoltzmannMachine().couplings().pairs();
      for (int m = 0; m < pairs.length / 2; m++) {
        int i = pairs[2 * m];
        int j = pairs[2 * m + 1];
        if (i < shape[0] && j >= shape[0]) {
          assertEquals(b.pairMeans()[m], a.pairMeans()[i * shape[1] + (j - shape[0])], 1e-10);
        }
      }
      assertArrayEquals(b.unitMeans(), a.unitMeans(), 1e-10);
      assertEquals(n, a.unitMeans().length);
    }
  }

  @Test
  void rbmWith784VisibleAnd20HiddenUnitsHasAnExactLogZ() {
    // hidden j couples only to visible j, so Z factorises into 20 pairs and 764 lone visible units:
    // Z = Π_j (1 + e^{a_j} + e^{b_j} + e^{a_j + b_j + w_j}) · Π_{i ≥ 20} (1 + e^{a_i})
    SplittableRandom rng = new SplittableRandom(5);
    int nv = 784, nh = 20;
    double[] w = new double[nv * nh];
    double[] a = new double[nv];
    double[] b = new double[nh];
    for (int i = 0; i < nv; i++) a[i] = RandomModels.gaussian(rng);
    double expected = 0;
    for (int j = 0; j < nh; j++) {
      b[j] = RandomModels.gaussian(rng);
      w[j * nh + j] = 2 * RandomModels.gaussian(rng);
      expected += Math.log(1 + Math.exp(a[j]) + Math.exp(b[j]) + Math.exp(a[j] + b[j] + w[j * nh + j]));
    }
    for (int i = nh; i < nv; i++) expected += Math.log1p(Math.exp(a[i]));
    assertEquals(expected, ExactRbm.of(new Rbm(nv, nh, w, a, b)).logZ(), 1e-9 * Math.abs(expected));
  }

  @Test
  void blockwiseSoftplusSumEqualsTermByTerm() {
    SplittableRandom rng = new SplittableRandom(9);
    double[] x = new double[2000];
    for (int i = 0; i < x.length; i++) x[i] = 40 * RandomModels.gaussian(rng);
    double direct = 0;
    for (double xi : x) direct += io.glauber.model.Glauber.softplus(xi / 1.7);
    assertEquals(direct, ExactRbm.sumSoftplus(x, 1 / 1.7), 1e-10 * Math.abs(direct));
  }

  @Test
  void logLikelihoodOfAllVisibleStatesSumsToOne() {
    BoltzmannMachine m = RandomModels.boltzmann(8, Units.BINARY, 1, 1, 11);
    BoltzmannMachine withHidden = new BoltzmannMachine(m.units(), m.couplings(), m.bias(), 5, 1);
    ExactBoltzmann e = ExactBoltzmann.of(withHidden);
    double total = 0;
    for (int k = 0; k < 32; k++) {
      double[] v = new double[5];
      for (int i = 0; i < 5; i++) v[i] = (k >> i) & 1;
      total += Math.exp(e.logProbabilityOfVisible(v));
    }
    assertEquals(1.0, total, 1e-12);
  }

  static Rbm randomRbm(int nv, int nh, SplittableRandom rng, double scale) {
    double[] w = new double[nv * nh];
    for (int i = 0; i < w.length; i++) w[i] = scale * RandomModels.gaussian(rng);
    double[] a = new double[nv];
    double[] b = new double[nh];
    for (int i = 0; i < nv; i++) a[i] = scale * RandomModels.gaussian(rng);
    for (int j = 0; j < nh; j++) b[j] = scale * RandomModels.gaussian(rng);
    return new Rbm(nv, nh, w, a, b);
  }
}
