package io.glauber.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.glauber.exact.ExactBoltzmann;
import io.glauber.learn.NoisyClamping;
import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Phase;
import io.glauber.model.Statistics;

/**
 * The check every engine's phase sampler meets: each sampled moment ⟨s_i⟩ and ⟨s_i s_j⟩ of {0,1}
 * units within 5 standard errors of the exact one, the standard error of a mean of n independent
 * Bernoulli(p) samples being √(p(1−p)/n).
 */
public final class PhaseMoments {
  private PhaseMoments() {}

  /** Every moment of {@code got} within {@link #tolerance} of the exact one, for {@code chains} independent chains. */
  public static void assertMatches(Statistics want, Statistics got, int chains) {
    for (int i = 0; i < want.unitMeans().length; i++) {
      assertEquals(want.unitMeans()[i], got.unitMeans()[i], tolerance(want.unitMeans()[i], chains), "⟨s_" + i + "⟩");
    }
    for (int k = 0; k < want.pairMeans().length; k++) {
      assertEquals(want.pairMeans()[k], got.pairMeans()[k], tolerance(want.pairMeans()[k], chains), "pair " + k);
    }
  }

  /** 5 standard errors of the mean of a {0,1} quantity of mean p over n independent samples. */
  public static double tolerance(double p, int n) {
    return 5 * Math.sqrt(Math.max(p - p * p, 1e-12) / n) + 1e-9;
  }

  /** The exact clamped moments of every visible vector v, weighted by the probability that noisy clamping turns a row into v. */
  public static Statistics noisyMixture(BoltzmannMachine m, double[][] data, NoisyClamping noise) {
    ExactBoltzmann exact = ExactBoltzmann.of(m);
    int nv = m.nVisible();
    double[] u = new double[m.size()];
    double[] c = new double[m.couplings().pairCount()];
    for (int b = 0; b < 1 << nv; b++) {
      double[] v = new double[nv];
      for (int i = 0; i < nv; i++) v[i] = b >> i & 1;
      double p = 0;
      for (double[] row : data) {
        double q = 1;
        for (int i = 0; i < nv; i++) {
          double flip = row[i] == 1 ? noise.onToOff() : noise.offToOn();
          q *= v[i] == row[i] ? 1 - flip : flip;
        }
        p += q / data.length;
      }
      Statistics one = exact.clampedStatistics(new double[][] {v});
      for (int i = 0; i < u.length; i++) u[i] += p * one.unitMeans()[i];
      for (int k = 0; k < c.length; k++) c[k] += p * one.pairMeans()[k];
    }
    return new Statistics(u, c, Long.MAX_VALUE, Phase.CLAMPED);
  }
}
