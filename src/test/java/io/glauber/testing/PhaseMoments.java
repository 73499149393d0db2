package io.glauber.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
