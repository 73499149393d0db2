package io.glauber.engine.actor.layer;

import io.glauber.kernel.Blas;
import io.glauber.kernel.RbmKernel;
import java.util.SplittableRandom;

/**
 * The two half-steps of block Gibbs sampling in an RBM and the CD statistics, as the layer actors
 * and the actor-free reference path both run them. Nothing here computes a conditional itself:
 * the conditionals are {@link RbmKernel}'s, the products {@link Blas#gemm}'s.
 *
 * <pre>
 *   hidden half-step:  P_H = σ((V·W + 1·bᵀ)/T),  H ~ Bernoulli(P_H)
 *   visible half-step: P_V = σ((H·Wᵀ + 1·aᵀ)/T), V ~ Bernoulli(P_V)
 * </pre>
 */
final class BlockGibbs {
  private BlockGibbs() {}

  /** P_H ← p(h=1|V) and H ~ Bernoulli(P_H) for {@code rows} chains; {@code ph}, {@code h} overwritten. */
  static void hidden(LayerParameters p, float[] v, int rows, SplittableRandom rng, float[] ph, float[] h) {
    RbmKernel.hiddenProbabilities(v, rows, p.w(), p.hiddenBias(), p.nVisible(), p.nHidden(), p.temperature(), ph);
    RbmKernel.sample(ph, rows * p.nHidden(), rng, h);
  }

  /** P_V ← p(v=1|H) and V ~ Bernoulli(P_V) for {@code rows} chains; {@code pv}, {@code v} overwritten. */
  static void visible(LayerParameters p, float[] h, int rows, SplittableRandom rng, float[] pv, float[] v) {
    RbmKernel.visibleProbabilities(h, rows, p.w(), p.visibleBias(), p.nVisible(), p.nHidden(), p.temperature(), pv);
    RbmKernel.sample(pv, rows * p.nVisible(), rng, v);
  }

  /**
   * The differences the learning rule consumes, accumulated over the two phases of one update:
   *
   * <pre>
   *   dW = V₊ᵀ·P₊/n₊ − V₋ᵀ·P₋/n₋        (⟨v_i h_j⟩₊ − ⟨v_i h_j⟩₋, with p(h|v) for h)
   *   dB = [⟨v⟩₊ − ⟨v⟩₋ , ⟨p(h|v)⟩₊ − ⟨p(h|v)⟩₋]
   *   hiddenClamped = ⟨p(h|v)⟩₊          (for the sparsity term)
   * </pre>
   *
   * The buffers are allocated once per run and reused; {@link #positive} overwrites, {@link #negative} subtracts.
   */
  static final class Differences {
    final int nVisible;
    final int nHidden;
    final float[] dW;
    final float[] dB;
    final float[] hiddenClamped;

    Differences(int nVisible, int nHidden) {
      this.nVisible = nVisible;
      this.nHidden = nHidden;
      this.dW = new float[nVisible * nHidden];
      this.dB = new float[nVisible + nHidden];
      this.hiddenClamped = new float[nHidden];
    }

    /** Positive phase: dW ← V₊ᵀP₊/n, dB ← column means, hiddenClamped ← ⟨P₊⟩. */
    void positive(float[] v, float[] ph, int rows) {
      Blas.gemm(true, false, nVisible, nHidden, rows, 1f / rows, v, ph, 0f, dW);
      java.util.Arrays.fill(dB, 0f);
      addColumnMeans(v, rows, nVisible, 1f / rows, dB, 0);
      addColumnMeans(ph, rows, nHidden, 1f / rows, dB, nVisible);
      System.arraycopy(dB, nVisible, hiddenClamped, 0, nHidden);
    }

    /** Negative phase: dW −= V₋ᵀP₋/n, dB −= column means. */
    void negative(float[] v, float[] ph, int rows) {
      Blas.gemm(true, false, nVisible, nHidden, rows, -1f / rows, v, ph, 1f, dW);
      addColumnMeans(v, rows, nVisible, -1f / rows, dB, 0);
      addColumnMeans(ph, rows, nHidden, -1f / rows, dB, nVisible);
    }

    private static void addColumnMeans(float[] x, int rows, int cols, float scale, float[] out, int offset) {
      for (int r = 0; r < rows; r++) {
        int base = r * cols;
        for (int c = 0; c < cols; c++) out[offset + c] += scale * x[base + c];
      }
    }
  }
}
