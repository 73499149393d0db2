package io.glauber.learn;

import io.glauber.kernel.BatchGibbs;
import io.glauber.kernel.Blas;
import io.glauber.kernel.Team;
import java.util.Arrays;

/**
 * The statistics of one update of a binary RBM as one product, with the learner's change applied
 * where it is formed: the one home of the gradient statistics, which every {@link NegativePhase}
 * fills and which the batched engine, the layer actors' supervisor and its actor-free twin all call.
 * With the n₊ positive rows V₊ (data) and their P₊ = p(h|V₊), and the n₋ negative rows V₋ (chains)
 * and their P₋, stacked:
 *
 * <pre>
 *   ΔW = [V₊; V₋]ᵀ·[P₊/n₊; −P₋/n₋] = ⟨v hᵀ⟩₊ − ⟨v hᵀ⟩₋
 *   Δa = ⟨v⟩₊ − ⟨v⟩₋,   Δb = ⟨p(h|v)⟩₊ − ⟨p(h|v)⟩₋    (weighted column sums of the stacks)
 *   hiddenClamped = ⟨p(h|v)⟩₊                         (for the learner's sparsity term)
 * </pre>
 *
 * The hidden units are summed out analytically on both sides (P, not sampled H). When the product is
 * large enough to split ({@link BatchGibbs#splitsProduct}), each thread of the team forms the rows of
 * ΔW of its block of visible units and applies {@link Learner#applyWeightDifferences} to the same
 * rows of W at once, while they are still in its core's cache; the biases follow on the caller.
 *
 * <p>Fill the stacks with {@link #positive} and {@link #negative} (or write them directly through
 * {@link #visibleStack} and {@link #hiddenStack}), then call {@link #differences} once. Buffers grow
 * to the largest shape seen and are reused; an update allocates nothing after the first.
 */
public final class StackedGradient {
  private final int nv;
  private final int nh;
  private final BatchGibbs gibbs;
  private final Team.Body rowsBody = this::rows;
  private int positiveRows;
  private int negativeRows;
  private float[] vStack = new float[0]; // [V₊; V₋], then nv floats of slack (see visibleStack)
  private float[] pStack = new float[0]; // [P₊; P₋], weighted in place by differences()
  private float[] rowWeight = new float[0]; // 1/n₊ for positive rows, −1/n₋ for negative rows
  private float[] ones = new float[0];
  private int weightedPositive; // the n₊ that rowWeight was made for
  private int positiveTotal;    // the divisors N₊, N₋ of a shard's sums (normalisers), 0 for the stacks' own rows
  private int negativeTotal;
  private int weightedPositiveTotal = -1; // the N₊, N₋ that rowWeight was made for
  private int weightedNegativeTotal = -1;
  // the pending split product, read by the team's body
  private float[] pendingDW;
  private float[] pendingW;
  private float[] pendingWNext;
  private Learner pendingLearner;

  /** For an RBM of {@code nVisible}×{@code nHidden}; products split over {@code gibbs}'s team. */
  public StackedGradient(int nVisible, int nHidden, BatchGibbs gibbs) {
    this.nv = nVisible;
    this.nh = nHidden;
    this.gibbs = gibbs;
  }

  /**
   * The visible stack for n₊ positive and n₋ negative rows, to be filled by the caller: rows
   * [0, n₊) are V₊, rows [n₊, n₊ + n₋) are V₋. (It has nv floats of slack at the end: the split
   * product reads a block of its columns, and netlib's bounds check counts whole rows past the
   * block's offset.)
   */
  public float[] visibleStack(int positive, int negative) {
    if (positive < 1 || negative < 1) {
      throw new IllegalArgumentException(positive + " positive and " + negative + " negative rows (expected at least one of each)");
    }
    positiveRows = positive;
    negativeRows = negative;
    int rows = positive + negative;
    if (vStack.length < rows * nv + nv) {
      vStack = Arrays.copyOf(vStack, rows * nv + nv);
      pStack = Arrays.copyOf(pStack, rows * nh);
      ones = new float[rows];
      Arrays.fill(ones, 1f);
    }
    if (rowWeight.length != rows || weightedPositive != positive || weightedPositiveTotal != positiveTotal
        || weightedNegativeTotal != negativeTotal) {
      weightedPositive = positive;
      weightedPositiveTotal = positiveTotal;
      weightedNegativeTotal = negativeTotal;
      int np = positiveTotal > 0 ? positiveTotal : positive;
      int nn = negativeTotal > 0 ? negativeTotal : negative;
      rowWeight = new float[rows];
      for (int r = 0; r < rows; r++) rowWeight[r] = r < positive ? 1f / np : -1f / nn;
    }
    return vStack;
  }

  /**
   * Makes this gradient a shard's part of a larger step: the positive rows are weighted 1/N₊ and
   * the negative rows −1/N₋ instead of by their own counts, so that the shards' results, added,
   * are the statistics of all N₊ positive and N₋ negative rows,
   *
   * <pre>
   *   ΔW = Σ_shards ([V₊; V₋]ᵀ·[P₊/N₊; −P₋/N₋])     (the biases and ⟨P₊⟩ alike)
   * </pre>
   *
   * up to the order of summation. {@code (0, 0)} restores the default (the stacks are the whole step).
   */
  public void normalisers(int positiveRows, int negativeRows) {
    if (positiveRows < 0 || negativeRows < 0 || (positiveRows == 0) != (negativeRows == 0)) {
      throw new IllegalArgumentException("normalisers " + positiveRows + " and " + negativeRows + " (expected both ≥ 1, or both 0)");
    }
    positiveTotal = positiveRows;
    negativeTotal = negativeRows;
  }

  /** The hidden stack [P₊; P₋] of the shape last given to {@link #visibleStack}, to be filled by the caller. */
  public float[] hiddenStack() {
    return pStack;
  }

  /** V₊ and P₊ = p(h|V₊) of {@code rows} data vectors, for an update with {@code negativeRows} chains. */
  public void positive(float[] v, float[] p, int rows, int negativeRows) {
    System.arraycopy(v, 0, visibleStack(rows, negativeRows), 0, rows * nv);
    System.arraycopy(p, 0, pStack, 0, rows * nh);
  }

  /** V₋ and P₋ = p(h|V₋) of the chains: as many rows as {@link #positive} announced. */
  public void negative(float[] v, float[] p, int rows) {
    if (rows != negativeRows) throw new IllegalArgumentException(rows + " negative rows (expected " + negativeRows + ")");
    System.arraycopy(v, 0, vStack, positiveRows * nv, negativeRows * nv);
    System.arraycopy(p, 0, pStack, positiveRows * nh, negativeRows * nh);
  }

  /**
   * ΔW into {@code dW} (nv×nh), [Δa, Δb] into {@code dBias} and ⟨P₊⟩ into {@code hiddenClamped}
   * (when not null) from the filled stacks; with a {@code learner}, its change applied to {@code w}
   * and {@code bias} ([a | b]) in place as well. Overwrites the hidden stack with its weighted rows.
   */
  public void differences(float[] dW, float[] dBias, float[] hiddenClamped, Learner learner, float[] w, float[] bias) {
    differences(dW, dBias, hiddenClamped, learner, w, w, bias);
  }

  /**
   * {@link #differences(float[], float[], float[], Learner, float[], float[])} with the changed
   * weights written to {@code wNext} ({@code w} only read; see
   * {@link Learner#applyWeightDifferences(float[], float[], float[], int, int)}).
   */
  public void differences(float[] dW, float[] dBias, float[] hiddenClamped, Learner learner, float[] w, float[] wNext,
      float[] bias) {
    int rows = positiveRows + negativeRows;
    for (int r = 0; r < rows; r++) {
      float s = rowWeight[r];
      int o = r * nh;
      for (int j = 0; j < nh; j++) pStack[o + j] *= s;
    }
    pendingDW = dW;
    pendingW = w;
    pendingWNext = wNext;
    pendingLearner = learner;
    if (gibbs.splitsProduct((long) nv * nh * rows)) {
      gibbs.team().run(nv, rowsBody);
    } else {
      rows(0, nv, 0);
    }
    Blas.gemm(false, false, 1, nv, rows, 1f, rowWeight, 0, vStack, 0, 0f, dBias, 0);
    Blas.gemm(false, false, 1, nh, rows, 1f, ones, 0, pStack, 0, 0f, dBias, nv);
    if (hiddenClamped != null) Blas.gemm(false, false, 1, nh, positiveRows, 1f, ones, 0, pStack, 0, 0f, hiddenClamped, 0);
    if (learner != null) learner.applyBiasDifferences(bias, dBias, hiddenClamped);
    pendingDW = null;
    pendingW = null;
    pendingWNext = null;
    pendingLearner = null;
  }

  /** Rows [from, to) of ΔW (visible units from..to), and their weight change when learning. */
  private void rows(int from, int to, int part) {
    if (to <= from) return;
    int rows = positiveRows + negativeRows;
    Blas.gemm(true, false, to - from, nh, rows, 1f, vStack, from, nv, pStack, 0, nh, 0f, pendingDW, from * nh, nh);
    if (pendingLearner != null) pendingLearner.applyWeightDifferences(pendingW, pendingDW, pendingWNext, from * nh, to * nh);
  }
}
