package io.glauber.bench;

import io.glauber.model.Interaction;

import io.glauber.hopfield.DenseAssociativeMemory;
import io.glauber.hopfield.Patterns;

import com.typesafe.config.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Storage capacity of a dense associative memory with F(x) = xⁿ (Krotov and Hopfield 2016, seed
 * 003: K_max = α_n N^{n−1}). For each N, K_max(N) is the largest number of random patterns for
 * which at least a fraction {@code stableFraction} of the stored patterns are strict fixed points
 * (no unit whose flip would not raise the energy), found by doubling and then bisection on K with
 * {@code trials} pattern sets per K. The exponent is the least-squares slope of log K_max against
 * log N; theory: n − 1.
 */
public final class DenseCapacityExperiment {
  private DenseCapacityExperiment() {}

  /**
   * @param sizes network sizes N
   * @param power n of F(x) = xⁿ
   * @param trials pattern sets per tested K
   * @param stableFraction fraction of patterns that must be fixed points
   * @param seed root seed
   */
  public record Settings(List<Integer> sizes, int power, int trials, double stableFraction, long seed) {
    public Settings {
      if (sizes == null || sizes.size() < 2) throw new IllegalArgumentException("sizes " + sizes + " (expected at least two N to fit an exponent)");
      for (int n : sizes) if (n < 2) throw new IllegalArgumentException("size " + n + " (expected N ≥ 2)");
      new Interaction.Power(power);
      if (trials < 1) throw new IllegalArgumentException("trials " + trials + " (expected ≥ 1)");
      if (!(stableFraction > 0 && stableFraction <= 1)) {
        throw new IllegalArgumentException("stable-fraction " + stableFraction + " (expected in (0, 1])");
      }
      sizes = List.copyOf(sizes);
    }

    /** Reads sizes, power, trials, stable-fraction, seed. */
    public static Settings fromConfig(Config c) {
      return new Settings(c.getIntList("sizes"), c.getInt("power"), c.getInt("trials"), c.getDouble("stable-fraction"), c.getLong("seed"));
    }
  }

  /** K_max for one N. */
  public record Point(int n, int kMax) {}

  /**
   * @param points K_max per N
   * @param exponent fitted slope of log K_max against log N
   * @param logCorrectedExponent slope of log(K_max · ln N) against log N: the exponent once the
   *     1/ln N factor of error-free retrieval, K_max ≈ N^{n−1} / (2(2n−3)!! ln N), is taken out
   */
  public record Result(List<Point> points, double exponent, double logCorrectedExponent) {}

  /** Runs the sweep. */
  public static Result run(Settings s) {
    SplittableRandom root = new SplittableRandom(s.seed());
    List<Point> points = new ArrayList<>();
    for (int n : s.sizes()) {
      SplittableRandom rng = root.split();
      // K = 1 holds by assumption (one pattern is always a fixed point for n ≥ 2, N ≥ 2)
      points.add(new Point(n, largestHolding(k -> holds(s, n, k, rng), Integer.MAX_VALUE)));
    }
    return new Result(List.copyOf(points), slope(points, false), slope(points, true));
  }

  /**
   * The largest K ≤ {@code cap} for which {@code holds} is true, found by doubling from K = 2 and then
   * bisection, K = 1 assumed to hold (the test is taken to be monotone in K; each K is tried once).
   * Returns {@code cap} when the doubling reaches it still holding.
   */
  static int largestHolding(java.util.function.IntPredicate holds, int cap) {
    return largestHolding(holds, cap, 0);
  }

  /**
   * {@link #largestHolding(java.util.function.IntPredicate, int)}, the bisection stopped once the
   * bracket is within {@code resolution} of K (relative; 0 for the exact integer), returning the
   * lower end, which held.
   */
  static int largestHolding(java.util.function.IntPredicate holds, int cap, double resolution) {
    int lo = 1;
    int hi = 2;
    while (hi <= cap && holds.test(hi)) {
      lo = hi;
      if (hi == cap) return cap;
      hi = (int) Math.min(cap, 2L * hi);
    }
    while (hi - lo > Math.max(1, resolution * lo)) {
      int mid = (lo + hi) >>> 1;
      if (holds.test(mid)) lo = mid;
      else hi = mid;
    }
    return lo;
  }

  /** Whether at least the required fraction of K random patterns are fixed points. */
  static boolean holds(Settings s, int n, int k, SplittableRandom rng) {
    int stable = 0;
    for (int t = 0; t < s.trials(); t++) {
      int[][] xi = Patterns.random(k, n, rng);
      DenseAssociativeMemory m = new DenseAssociativeMemory(xi, new Interaction.Power(s.power()));
      for (int[] p : xi) if (m.unstableUnits(Patterns.state(p)) == 0) stable++;
    }
    return stable >= s.stableFraction() * k * s.trials();
  }

  private static double slope(List<Point> points, boolean logCorrected) {
    double mx = 0, my = 0;
    double[] y = new double[points.size()];
    for (int k = 0; k < y.length; k++) {
      Point p = points.get(k);
      y[k] = Math.log(p.kMax()) + (logCorrected ? Math.log(Math.log(p.n())) : 0);
      mx += Math.log(p.n());
      my += y[k];
    }
    mx /= points.size();
    my /= points.size();
    double sxy = 0, sxx = 0;
    for (int k = 0; k < y.length; k++) {
      double dx = Math.log(points.get(k).n()) - mx;
      sxy += dx * (y[k] - my);
      sxx += dx * dx;
    }
    return sxy / sxx;
  }
}
