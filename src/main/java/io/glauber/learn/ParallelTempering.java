package io.glauber.learn;

import io.glauber.kernel.BatchGibbs;
import io.glauber.kernel.RbmKernel;
import io.glauber.kernel.Rng;
import java.util.Arrays;

/**
 * Parallel tempering for the negative phase (Desjardins et al. 2010; Fischer &amp; Igel 2012): R
 * replicas of C persistent chains at inverse temperatures β_r = 1/T_r (β₀ = 1). Each step runs k
 * block-Gibbs sweeps of every replica, at β_r (σ(β_r·(x + bias))), then tries a swap of every
 * chain between neighbouring replicas, even pairs then odd pairs, accepted with probability
 *
 * <pre>
 *   min(1, exp((β_r − β_{r+1})(E_r − E_{r+1}))),     E(v, h) = −a·v − b·h − vᵀWh
 * </pre>
 *
 * ({@link RbmKernel#energies}); the β = 1 replica gives the negative statistics, V₋ and P(H|V₋) of
 * its last sweep, against P₀ = p(h|V₀) of the batch. The swap draws of each chain come from its own
 * stream ({@link BatchGibbs#rowStream}, which the caller reseeds per step). The counts
 * of tried and accepted swaps per neighbouring pair are kept for the caller's reports and
 * checkpoints.
 */
public final class ParallelTempering implements NegativePhase {
  private final int k;
  private final int nv;
  private final int nh;
  private final int c;
  private final int replicas;
  private final BatchGibbs gibbs;
  private final StackedGradient gradient;
  private final float[] beta;
  private final float[][] cv;
  private final float[][] ch;
  private final float[] ph0;
  private final float[] vn, phn, pvn;
  private final float[] hScratch;
  private final float[] product;
  private final double[] energies;
  private final long[] swapAttempts;
  private final long[] swapAccepts;
  private final int batchRows;

  /**
   * @param k sweeps of every replica per step
   * @param temperatures T of the replicas, the first 1
   * @param chains C, chains per replica
   * @param batchRows rows of every mini-batch
   */
  public ParallelTempering(int k, double[] temperatures, int nVisible, int nHidden, int chains, int batchRows,
      BatchGibbs gibbs, StackedGradient gradient) {
    if (k < 1 || chains < 1 || batchRows < 1 || temperatures.length < 1 || temperatures[0] != 1.0) {
      throw new IllegalArgumentException("tempering with k = " + k + ", " + chains + " chains, batches of " + batchRows
          + ", T = " + Arrays.toString(temperatures) + " (expected k, chains, rows ≥ 1 and temperatures starting at 1)");
    }
    this.k = k;
    this.nv = nVisible;
    this.nh = nHidden;
    this.c = chains;
    this.batchRows = batchRows;
    this.replicas = temperatures.length;
    this.gibbs = gibbs;
    this.gradient = gradient;
    this.beta = new float[replicas];
    for (int r = 0; r < replicas; r++) beta[r] = (float) (1.0 / temperatures[r]);
    this.cv = new float[replicas][nv];
    this.ch = new float[replicas][nh];
    this.ph0 = new float[batchRows * nh];
    this.vn = new float[c * nv];
    this.phn = new float[c * nh];
    this.pvn = new float[c * nv];
    this.hScratch = new float[c * nh];
    this.product = new float[c * nh];
    this.energies = new double[replicas * c];
    this.swapAttempts = new long[replicas - 1];
    this.swapAccepts = new long[replicas - 1];
  }

  @Override
  public Result step(Start s) {
    Chains chains = s.chains();
    if (chains == null || chains.replicas() != replicas || chains.rows() != c || s.rows() != batchRows) {
      throw new IllegalArgumentException("tempering step with " + (chains == null ? "no chains" : chains.replicas() + "×" + chains.rows() + " chains")
          + " and " + s.rows() + " rows (expected " + replicas + "×" + c + " chains and " + batchRows + " rows)");
    }
    float[] w = s.w();
    float[] bias = s.bias();
    for (int r = 0; r < replicas; r++) {
      float b = beta[r];
      for (int i = 0; i < nv; i++) cv[r][i] = b * bias[i];
      for (int j = 0; j < nh; j++) ch[r][j] = b * bias[nv + j];
    }
    gibbs.hidden(s.batch(), batchRows, w, nv, nh, 1f, ch[0], ph0, null);
    float[] chainV = chains.visible();
    float[] chainH = chains.hidden();
    for (int sweep = 0; sweep < k; sweep++) {
      for (int r = 0; r < replicas; r++) {
        // the kernel reads rows from offset 0: a replica's rows go through a scratch buffer
        System.arraycopy(chainH, r * c * nh, hScratch, 0, c * nh);
        gibbs.visible(hScratch, c, w, nv, nh, beta[r], cv[r], pvn, vn);
        gibbs.hidden(vn, c, w, nv, nh, beta[r], ch[r], phn, hScratch);
        System.arraycopy(hScratch, 0, chainH, r * c * nh, c * nh);
        System.arraycopy(vn, 0, chainV, r * c * nv, c * nv);
        if (r == 0) System.arraycopy(phn, 0, product, 0, c * nh); // keep P(H|V) of β = 1
      }
    }
    // the statistics' negative rows: the β = 1 replica
    System.arraycopy(chainV, 0, vn, 0, c * nv);
    System.arraycopy(product, 0, phn, 0, c * nh);
    if (replicas > 1) swaps(w, bias, chainV, chainH);
    gradient.positive(s.batch(), ph0, batchRows, c);
    gradient.negative(vn, phn, c);
    return new Result(gradient, chains);
  }

  private void swaps(float[] w, float[] bias, float[] chainV, float[] chainH) {
    for (int r = 0; r < replicas; r++) {
      RbmKernel.energies(chainV, r * c * nv, chainH, r * c * nh, c, w, bias, nv, nh, product, energies, r * c);
    }
    // every chain's swaps draw on a stream of its own (BatchGibbs#rowStream), so that a chain's
    // moves do not depend on which other chains share the step (data-parallel shards); within a
    // chain: even pairs, then odd pairs, so every neighbouring pair is tried once per step
    for (int n = 0; n < c; n++) {
      Rng rng = gibbs.rowStream(c, n);
      for (int parity = 0; parity < 2; parity++) for (int r = parity; r + 1 < replicas; r += 2) {
        double logA = (beta[r] - beta[r + 1]) * (energies[r * c + n] - energies[(r + 1) * c + n]);
        swapAttempts[r]++;
        if (logA >= 0 || rng.nextDouble() < Math.exp(logA)) {
          swapAccepts[r]++;
          swapRows(chainH, r, n, nh);
          swapRows(chainV, r, n, nv);
          double e = energies[r * c + n];
          energies[r * c + n] = energies[(r + 1) * c + n];
          energies[(r + 1) * c + n] = e;
        }
      }
    }
  }

  /** Exchanges chain n of replicas r and r + 1. */
  private void swapRows(float[] states, int r, int n, int cols) {
    int a = (r * c + n) * cols;
    int z = ((r + 1) * c + n) * cols;
    for (int q = 0; q < cols; q++) {
      float t = states[a + q];
      states[a + q] = states[z + q];
      states[z + q] = t;
    }
  }

  /** Swaps tried per neighbouring pair (r, r+1) since the last {@link #resetSwapCounts} (a copy). */
  public long[] swapAttempts() {
    return swapAttempts.clone();
  }

  /** Swaps accepted per neighbouring pair since the last {@link #resetSwapCounts} (a copy). */
  public long[] swapAccepts() {
    return swapAccepts.clone();
  }

  /** Acceptance rate per neighbouring pair since the last reset (NaN where none was tried). */
  public double[] swapAcceptance() {
    double[] acc = new double[swapAttempts.length];
    for (int r = 0; r < acc.length; r++) acc[r] = swapAttempts[r] == 0 ? Double.NaN : swapAccepts[r] / (double) swapAttempts[r];
    return acc;
  }

  /** Starts counting afresh (each epoch's report). */
  public void resetSwapCounts() {
    Arrays.fill(swapAttempts, 0);
    Arrays.fill(swapAccepts, 0);
  }

  /** Restores counts saved with {@link #swapAttempts} and {@link #swapAccepts} (a checkpoint). */
  public void restoreSwapCounts(long[] attempts, long[] accepts) {
    if (attempts.length != swapAttempts.length || accepts.length != swapAccepts.length) {
      throw new IllegalArgumentException("swap counts of " + attempts.length + " and " + accepts.length + " pairs (expected " + swapAttempts.length + ")");
    }
    System.arraycopy(attempts, 0, swapAttempts, 0, attempts.length);
    System.arraycopy(accepts, 0, swapAccepts, 0, accepts.length);
  }
}
