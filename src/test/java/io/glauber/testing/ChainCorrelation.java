package io.glauber.testing;

import io.glauber.exact.ExactBoltzmann;
import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Units;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * How much the correlation between successive samples of one chain inflates Pearson's χ²
 * statistic, computed exactly for random-scan Gibbs sampling of a small Boltzmann machine.
 *
 * <p>Pearson's test assumes independent samples. Samples taken from one chain every k sweeps
 * are not: the count of a bin b (an indicator f_b) has the variance N·Var_p(f_b)·r_b with
 * r_b = Σ_j c_j²(1 + μ_j)/(1 − μ_j) / Σ_j c_j² (the asymptotic variance of a reversible chain:
 * c_j = ⟨f_b, ψ_j⟩_p over the non-constant eigenfunctions ψ_j of the sample-to-sample kernel,
 * μ_j its eigenvalues; e.g. Geyer 1992, "Practical Markov chain Monte Carlo", or Levin, Peres and
 * Wilmer, ch. 12). The statistic's mean is then Σ_b (1 − p_b)·r_b instead of Σ_b (1 − p_b): this
 * class returns the ratio. A test whose samples give a ratio well above 1 rejects a correct
 * sampler far more often than its α says; one whose ratio is near 1 may use Pearson's test.
 *
 * <p>The kernel: one random-scan step picks a unit uniformly and redraws it from its conditional
 * (the Glauber rule), K = (1/n)·Σ_i K_i. Each K_i is an orthogonal projection in L²(p), so K is
 * self-adjoint and positive semi-definite, with eigenvalues λ in [0, 1]; in D^{1/2} K D^{−1/2}
 * (D = diag p) it is a symmetric matrix, diagonalised once. Samples k sweeps apart have the
 * kernel K^{kn}, with eigenvalues μ = λ^{kn}. The sampler under test (exclusive-mode actors with
 * Poisson clocks) also updates one unit at a time, at random times, so random scan is its model;
 * k is a lower bound on its sweeps between samples.
 */
public final class ChainCorrelation {
  private ChainCorrelation() {}

  /**
   * The factor E[χ²_correlated] / E[χ²_independent] for samples {@code sweeps} random-scan sweeps
   * apart, binned by the full state, or by the visible state when {@code visibleOnly}. Bins of
   * expected count below 5 are pooled in {@link ChiSquare}; this ignores pooling (their share of
   * the statistic is small when the test has enough samples).
   */
  public static double chiSquareInflation(BoltzmannMachine m, double sweeps, boolean visibleOnly) {
    int n = m.size();
    if (n > 11) throw new IllegalArgumentException(n + " units (expected ≤ 11: the kernel is a dense 2ⁿ×2ⁿ matrix)");
    int states = 1 << n;
    double[] p = ExactBoltzmann.of(m).distribution();
    Units u = m.units();
    DMatrixRMaj sym = new DMatrixRMaj(states, states);
    double[] s = new double[n];
    for (int x = 0; x < states; x++) {
      for (int i = 0; i < n; i++) s[i] = ((x >> i) & 1) == 1 ? u.high() : u.low();
      for (int i = 0; i < n; i++) {
        double on = m.pOn(i, s);
        int up = x | (1 << i), down = x & ~(1 << i);
        // K(x, y) symmetrised: sqrt(p_x/p_y)·K(x, y)
        sym.add(x, up, Math.sqrt(p[x] / p[up]) * on / n);
        sym.add(x, down, Math.sqrt(p[x] / p[down]) * (1 - on) / n);
      }
    }
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(states, true, true);
    if (!eig.decompose(sym)) throw new IllegalStateException("eigendecomposition failed");
    int bits = visibleOnly ? m.nVisible() : n;
    int bins = 1 << bits, mask = bins - 1;
    double[] pb = new double[bins];
    for (int x = 0; x < states; x++) pb[x & mask] += p[x];
    double[] varInflated = new double[bins], var = new double[bins];
    for (int j = 0; j < states; j++) {
      double lambda = Math.min(1, Math.max(0, eig.getEigenvalue(j).getReal()));
      if (lambda > 1 - 1e-12) continue; // the stationary eigenvector: constants carry no variance
      DMatrixRMaj v = eig.getEigenVector(j);
      double mu = Math.pow(lambda, sweeps * n);
      double gain = (1 + mu) / (1 - mu);
      // ψ_j(x) = v_x / sqrt(p_x), so c_j(b) = Σ_{x in b} p_x ψ_j(x) = Σ_{x in b} sqrt(p_x) v_x
      double[] c = new double[bins];
      for (int x = 0; x < states; x++) c[x & mask] += Math.sqrt(p[x]) * v.get(x);
      for (int b = 0; b < bins; b++) {
        var[b] += c[b] * c[b];
        varInflated[b] += c[b] * c[b] * gain;
      }
    }
    double independent = 0, correlated = 0;
    for (int b = 0; b < bins; b++) {
      independent += 1 - pb[b];
      correlated += var[b] > 0 ? (1 - pb[b]) * varInflated[b] / var[b] : 1 - pb[b];
    }
    return correlated / independent;
  }
}
