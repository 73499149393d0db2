package io.glauber.model;

import java.util.random.RandomGenerator;

/**
 * Standard normal deviates by the Box–Muller transform (Box &amp; Muller 1958): from two uniforms
 * u₁ ∈ (0, 1] and u₂ ∈ [0, 1), z = √(−2 ln u₁)·cos(2π u₂) is N(0, 1). The one home of that formula
 * for every package: initial weights (Hinton's N(0, 0.01²)), random machines, and
 * {@code kernel.Rng#nextGaussian}. One of the pair is used, so a draw costs two uniforms, taken
 * u₁ first: a seeded run draws the same numbers whichever generator supplies them.
 */
public final class Gaussian {
  private Gaussian() {}

  /** A standard normal deviate from two uniforms of {@code rng} (u₁ = 1 − U, so that ln u₁ is finite). */
  public static double standard(RandomGenerator rng) {
    double u = 1 - rng.nextDouble();
    double v = rng.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
