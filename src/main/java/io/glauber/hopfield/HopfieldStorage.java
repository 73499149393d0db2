package io.glauber.hopfield;

import com.typesafe.config.Config;
import io.glauber.model.BoltzmannMachine;
import org.ejml.simple.SimpleMatrix;

/**
 * Storage rules: from p patterns ξ^μ ∈ {−1,+1}^N to a Hopfield network, a
 * {@link BoltzmannMachine#hopfield(double[], double[]) spin machine} with symmetric J, zero
 * diagonal, zero thresholds and T = 0.
 *
 * <ul>
 *   <li>Hebb (seed 003; Hopfield 1982): J_ij = (1/N) Σ_μ ξ_i^μ ξ_j^μ, J_ii = 0. Capacity α_c ≈ 0.138.
 *   <li>Storkey (1997, "Increasing the capacity of a Hopfield network without sacrificing
 *       functionality"): incremental, local, J^ν_ij = J^{ν−1}_ij + (1/N)(ξ_i ξ_j − ξ_i h_ji − h_ij ξ_j)
 *       with h_ij = Σ_{k≠i,j} J^{ν−1}_ik ξ_k. Stores more than Hebb (≈ N/√(2 ln N)).
 *   <li>Pseudo-inverse / projection (Personnaz, Guyon and Dreyfus 1985; Kanter and Sompolinsky
 *       1987): J = (1/N) Ξ Q⁻¹ Ξᵀ with Ξ the N×p pattern matrix and Q = ΞᵀΞ/N the overlap matrix,
 *       then the diagonal set to zero. Every pattern is then a fixed point as long as the patterns
 *       are linearly independent and the removed diagonal is small (α &lt; 1/2).
 * </ul>
 */
public final class HopfieldStorage {
  private HopfieldStorage() {}

  /** The Hebb rule J_ij = (1/N) Σ_μ ξ_i^μ ξ_j^μ, J_ii = 0. */
  public static BoltzmannMachine hebb(int[][] patterns) {
    int n = Patterns.validate(patterns);
    int p = patterns.length;
    double[] xi = rowMajor(patterns); // p×N
    double[] j = new double[n * n];
    io.glauber.kernel.Blas.gemm(true, false, n, n, p, 1.0, xi, xi, 0.0, j); // Σ_μ ξ_i ξ_j, exact in doubles (integers)
    for (int k = 0; k < j.length; k++) j[k] /= n;
    return network(j, n);
  }

  /** The Storkey (1997) incremental rule, patterns taken in order. */
  public static BoltzmannMachine storkey(int[][] patterns) {
    int n = Patterns.validate(patterns);
    double[] w = new double[n * n];
    double[] h = new double[n];
    for (int[] xi : patterns) {
      for (int i = 0; i < n; i++) {
        double s = 0;
        int row = i * n;
        for (int k = 0; k < n; k++) s += w[row + k] * xi[k];
        h[i] = s; // w_ii = 0, so this is Σ_{k≠i} w_ik ξ_k
      }
      for (int i = 0; i < n; i++) {
        int row = i * n;
        for (int jj = i + 1; jj < n; jj++) {
          double hij = h[i] - w[row + jj] * xi[jj]; // Σ_{k≠i,j} w_ik ξ_k
          double hji = h[jj] - w[jj * n + i] * xi[i];
          double dw = (xi[i] * xi[jj] - xi[i] * hji - hij * xi[jj]) / (double) n;
          w[row + jj] += dw;
          w[jj * n + i] += dw;
        }
      }
    }
    return network(w, n);
  }

  /**
   * The projection rule J = (1/N) Ξ Q⁻¹ Ξᵀ, Q = ΞᵀΞ/N, zero diagonal.
   *
   * @throws IllegalArgumentException if the patterns are linearly dependent (Q singular)
   */
  public static BoltzmannMachine pseudoInverse(int[][] patterns) {
    int n = Patterns.validate(patterns);
    int p = patterns.length;
    SimpleMatrix xi = new SimpleMatrix(n, p);
    for (int mu = 0; mu < p; mu++) for (int i = 0; i < n; i++) xi.set(i, mu, patterns[mu][i]);
    SimpleMatrix q = xi.transpose().mult(xi).divide(n);
    double cond = q.conditionP2();
    if (!(cond < 1e12)) {
      throw new IllegalArgumentException(
          "patterns are linearly dependent (overlap matrix ΞᵀΞ/N has condition number " + cond
              + "; expected p ≤ N independent patterns)");
    }
    SimpleMatrix jm = xi.mult(q.invert()).mult(xi.transpose()).divide(n);
    double[] j = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int k = i + 1; k < n; k++) {
        double v = 0.5 * (jm.get(i, k) + jm.get(k, i)); // exact symmetry despite rounding
        j[i * n + k] = v;
        j[k * n + i] = v;
      }
    }
    return network(j, n);
  }

  /** The rule names {@link #store} accepts. */
  public static final java.util.List<String> RULES = java.util.List.of("hebb", "storkey", "pseudo-inverse");

  /** Checks a rule name. @throws IllegalArgumentException naming the accepted rules */
  public static String checkRule(String rule) {
    if (!RULES.contains(rule)) {
      throw new IllegalArgumentException("storage rule '" + rule + "' (expected hebb, storkey or pseudo-inverse)");
    }
    return rule;
  }

  /**
   * The {@code hopfield.store} block of a configuration: the rows of a data set as patterns
   * (thresholded to ±1 by {@link Patterns#fromData}), stored by a rule.
   *
   * @param data a data spec, e.g. {@code bas:4x4}
   * @param rule one of {@link #RULES}
   */
  public record Settings(String data, String rule) {
    public Settings {
      if (data == null || data.isBlank()) throw new IllegalArgumentException("config: missing key 'data' (a data spec to store)");
      checkRule(rule);
    }

    /** Reads {@code data} and {@code rule} (default hebb). */
    public static Settings fromConfig(Config c) {
      return new Settings(c.hasPath("data") ? c.getString("data") : null, c.hasPath("rule") ? c.getString("rule") : "hebb");
    }
  }

  /** Stores by name: "hebb", "storkey" or "pseudo-inverse". */
  public static BoltzmannMachine store(String rule, int[][] patterns) {
    return switch (checkRule(rule)) {
      case "hebb" -> hebb(patterns);
      case "storkey" -> storkey(patterns);
      default -> pseudoInverse(patterns);
    };
  }

  public static double[] rowMajor(int[][] patterns) {
    int n = patterns[0].length;
    double[] a = new double[patterns.length * n];
    for (int mu = 0; mu < patterns.length; mu++) for (int i = 0; i < n; i++) a[mu * n + i] = patterns[mu][i];
    return a;
  }

  private static BoltzmannMachine network(double[] j, int n) {
    for (int i = 0; i < n; i++) j[i * n + i] = 0.0;
    return BoltzmannMachine.hopfield(j, new double[n]);
  }
}
