package io.glauber.bench;

import io.glauber.hopfield.HopfieldBatchRecall;
import io.glauber.hopfield.HopfieldStorage;
import io.glauber.hopfield.Patterns;
import io.glauber.hopfield.RecallResult;

import com.typesafe.config.Config;
import io.glauber.model.BoltzmannMachine;
import io.glauber.model.DenseCouplings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.special.Erf;

/**
 * The storage capacity of a Hopfield network (seed 003): store p = αN random patterns, start
 * asynchronous T = 0 recall from each stored pattern, and measure after convergence the fraction
 * of flipped bits and the fraction of patterns retrieved (overlap ≥ a threshold, 0.95 by default).
 *
 * <p>Compared with the seed's crosstalk estimate of the one-step error per bit,
 * P_error = ½(1 − erf(√(N/2p))), which the fraction of bits unstable at the stored pattern
 * (ξ_i h_i &lt; 0) should follow, and with Amit, Gutfreund and Sompolinsky (1985, 1987): the
 * retrieval state disappears at α_c ≈ 0.138, where its bit-error rate is about 1.5%.
 *
 * <p>Random streams: one root seed; each (N, α, trial) cell draws its patterns and its recall seed
 * from its own split, in grid order, so any cell can be reproduced.
 */
public final class CapacityExperiment {
  /** α_c of Amit, Gutfreund and Sompolinsky. */
  public static final double ALPHA_C = 0.138;

  private CapacityExperiment() {}

  /**
   * @param sizes network sizes N
   * @param alphas loads α = p/N (p rounded to the nearest integer, at least 1)
   * @param trials independent pattern sets per (N, α)
   * @param rule storage rule: hebb, storkey or pseudo-inverse
   * @param maxSweeps cap on T = 0 sweeps per recall
   * @param retrievalOverlap overlap at or above which a pattern counts as retrieved
   * @param seed root seed
   * @param threads recall threads
   */
  public record Settings(List<Integer> sizes, List<Double> alphas, int trials, String rule, int maxSweeps,
      double retrievalOverlap, long seed, int threads) {
    public Settings {
      if (sizes == null || sizes.isEmpty()) throw new IllegalArgumentException("no sizes (expected at least one N)");
      for (int n : sizes) if (n < 2) throw new IllegalArgumentException("size " + n + " (expected N ≥ 2)");
      if (alphas == null || alphas.isEmpty()) throw new IllegalArgumentException("no alphas (expected at least one load)");
      for (double a : alphas) if (!(a > 0)) throw new IllegalArgumentException("alpha " + a + " (expected > 0)");
      if (trials < 1) throw new IllegalArgumentException("trials " + trials + " (expected ≥ 1)");
      if (maxSweeps < 1) throw new IllegalArgumentException("max-sweeps " + maxSweeps + " (expected ≥ 1)");
      if (!(retrievalOverlap > 0 && retrievalOverlap <= 1)) {
        throw new IllegalArgumentException("retrieval-overlap " + retrievalOverlap + " (expected in (0, 1])");
      }
      if (threads < 1) throw new IllegalArgumentException("threads " + threads + " (expected ≥ 1)");
      HopfieldStorage.checkRule(rule);
      sizes = List.copyOf(sizes);
      alphas = List.copyOf(alphas);
    }

    /**
     * Reads the block {@code hopfield.capacity} layout of {@code config/hopfield-capacity.conf}:
     * sizes, alphas (a list, or {from, to, step}), trials, rule, max-sweeps, retrieval-overlap,
     * seed, threads.
     */
    public static Settings fromConfig(Config c) {
      List<Double> alphas;
      if (c.getValue("alphas").valueType() == com.typesafe.config.ConfigValueType.LIST) {
        alphas = c.getDoubleList("alphas");
      } else {
        alphas = grid(c.getDouble("alphas.from"), c.getDouble("alphas.to"), c.getDouble("alphas.step"));
      }
      return new Settings(c.getIntList("sizes"), alphas, c.getInt("trials"), c.getString("rule"),
          c.getInt("max-sweeps"), c.getDouble("retrieval-overlap"), c.getLong("seed"), c.getInt("threads"));
    }
  }

  /**
   * One cell of the sweep, pooled over trials.
   *
   * @param n network size
   * @param alpha nominal load
   * @param p patterns stored
   * @param starts recalls run (p × trials)
   * @param unstableFraction fraction of bits with ξ_i h_i &lt; 0 at the stored pattern (one-step error)
   * @param flippedFraction fraction of bits differing from the pattern after convergence, all starts
   * @param flippedFractionRetrieved the same over retrieved starts only (NaN if none)
   * @param retrievedFraction fraction of starts ending with overlap ≥ the threshold
   * @param meanOverlap mean final overlap
   * @param theoryError P_error = ½(1 − erf(√(N/2p)))
   */
  public record Point(int n, double alpha, int p, int starts, double unstableFraction, double flippedFraction,
      double flippedFractionRetrieved, double retrievedFraction, double meanOverlap, double theoryError) {}

  /**
   * The sweep's result.
   *
   * @param points one per (N, α), in grid order
   * @param breakdown per N, the load at which the retrieved fraction first falls below ½ (linear
   *     interpolation between grid points; NaN if it never does)
   */
  public record Result(Settings settings, List<Point> points, Map<Integer, Double> breakdown) {
    /** The point of size n nearest to load alpha. */
    public Point nearest(int n, double alpha) {
      Point best = null;
      for (Point pt : points) {
        if (pt.n() == n && (best == null || Math.abs(pt.alpha() - alpha) < Math.abs(best.alpha() - alpha))) best = pt;
      }
      return best;
    }
  }

  /** P_error = ½(1 − erf(√(N/2p))): the seed's Gaussian crosstalk estimate at load α = p/N. */
  public static double theoryError(double alpha) {
    return 0.5 * (1 - Erf.erf(Math.sqrt(1 / (2 * alpha))));
  }

  /** Runs the sweep. */
  public static Result run(Settings s) {
    SplittableRandom root = new SplittableRandom(s.seed());
    List<Point> points = new ArrayList<>();
    Map<Integer, Double> breakdown = new LinkedHashMap<>();
    for (int n : s.sizes()) {
      Point previous = null;
      double cross = Double.NaN;
      for (double alpha : s.alphas()) {
        Point pt = cell(s, n, alpha, root);
        points.add(pt);
        if (Double.isNaN(cross) && pt.retrievedFraction() < 0.5) {
          cross = previous == null ? pt.alpha()
              : previous.alpha() + (previous.retrievedFraction() - 0.5)
                  / (previous.retrievedFraction() - pt.retrievedFraction()) * (pt.alpha() - previous.alpha());
        }
        previous = pt;
      }
      breakdown.put(n, cross);
    }
    return new Result(s, List.copyOf(points), breakdown);
  }

  private static Point cell(Settings s, int n, double alpha, SplittableRandom root) {
    int p = Math.max(1, (int) Math.round(alpha * n));
    long unstable = 0, flipped = 0, flippedRetrieved = 0, retrieved = 0;
    double overlapSum = 0;
    for (int t = 0; t < s.trials(); t++) {
      SplittableRandom rng = root.split();
      int[][] xi = Patterns.random(p, n, rng);
      BoltzmannMachine net = HopfieldStorage.store(s.rule(), xi);
      unstable += unstableBits(net, xi);
      double[][] probes = new double[p][];
      for (int mu = 0; mu < p; mu++) probes[mu] = Patterns.state(xi[mu]);
      List<RecallResult> out = new HopfieldBatchRecall(net, s.threads()).asynchronous(probes, s.maxSweeps(), rng.nextLong());
      for (int mu = 0; mu < p; mu++) {
        double m = Patterns.overlap(xi[mu], out.get(mu).state());
        long wrong = Math.round((1 - m) * n / 2);
        overlapSum += m;
        flipped += wrong;
        if (m >= s.retrievalOverlap()) {
          retrieved++;
          flippedRetrieved += wrong;
        }
      }
    }
    long starts = (long) p * s.trials();
    double bits = (double) starts * n;
    return new Point(n, alpha, p, (int) starts, unstable / bits, flipped / bits,
        retrieved == 0 ? Double.NaN : flippedRetrieved / ((double) retrieved * n), retrieved / (double) starts,
        overlapSum / starts, theoryError(p / (double) n));
  }

  /** Number of (μ, i) with ξ_i^μ h_i(ξ^μ) &lt; 0, h = Jξ + θ. */
  static long unstableBits(BoltzmannMachine net, int[][] xi) {
    int n = net.size();
    double[] s = HopfieldStorage.rowMajor(xi);
    double[] h = new double[s.length];
    io.glauber.kernel.Blas.gemm(false, false, xi.length, n, n, 1.0, s, ((DenseCouplings) net.couplings()).matrix(), 0.0, h);
    long count = 0;
    for (int mu = 0; mu < xi.length; mu++) {
      for (int i = 0; i < n; i++) if (xi[mu][i] * (h[mu * n + i] + net.bias()[i]) < 0) count++;
    }
    return count;
  }

  /** Writes the points as CSV with a header. */
  public static void writeCsv(Result r, Path file) throws IOException {
    StringBuilder b = new StringBuilder(
        "n,alpha,p,starts,unstable_fraction,flipped_fraction,flipped_fraction_retrieved,retrieved_fraction,mean_overlap,p_error_theory\n");
    for (Point pt : r.points()) {
      b.append(String.format(Locale.ROOT, "%d,%.4f,%d,%d,%.6f,%.6f,%.6f,%.4f,%.4f,%.6f%n", pt.n(), pt.alpha(), pt.p(),
          pt.starts(), pt.unstableFraction(), pt.flippedFraction(), pt.flippedFractionRetrieved(),
          pt.retrievedFraction(), pt.meanOverlap(), pt.theoryError()));
    }
    // the caller has checked --force; the file appears whole or not at all
    io.glauber.io.AtomicFiles.write(file, true, out -> out.write(b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  static List<Double> grid(double from, double to, double step) {
    if (!(step > 0) || to < from) {
      throw new IllegalArgumentException("alpha grid " + from + ".." + to + " step " + step + " (expected from ≤ to, step > 0)");
    }
    List<Double> out = new ArrayList<>();
    for (int k = 0; from + k * step <= to + 1e-9; k++) out.add(Math.round((from + k * step) * 1e6) / 1e6);
    return out;
  }
}
