package io.glauber.learn;

/**
 * One step of RBM learning as one function, in the shape of Jenetics' {@code Evolution}: from a
 * {@link Start} (a mini-batch of data, the current parameters, the state of the negative chains) to
 * a {@link Result} (the gradient statistics ⟨·⟩₊ − ⟨·⟩₋ of the step in a {@link StackedGradient},
 * the chains' new state). The implementations differ only in where the negative rows come from:
 * <ul>
 *   <li>{@link ContrastiveDivergence}: CD-k, chains started at the batch, k block-Gibbs sweeps
 *       (Hinton 2002);</li>
 *   <li>{@link PersistentContrastiveDivergence}: PCD-k, chains carried from step to step (Tieleman
 *       2008);</li>
 *   <li>{@link ParallelTempering}: replicas at several temperatures with swaps (Desjardins et al.
 *       2010).</li>
 * </ul>
 * Every step runs the kernel's block conditionals (through {@link HalfSteps}, or
 * {@link io.glauber.kernel.BatchGibbs} for the tempered replicas) and forms its statistics in the
 * one {@link StackedGradient}; the caller applies them with its {@link Learner}.
 *
 * <p>On the hot path nothing is copied or allocated per step beyond a few small records: a step's
 * arrays are buffers, owned by the step or by its caller, that the step advances in place. A start
 * is read-only for the step except for its chains, which the result hands back advanced; a result
 * is valid until the next step.
 */
public interface NegativePhase {

  /** Runs one step: the statistics of {@code start}'s mini-batch against the negative chains. */
  Result step(Start start);

  /**
   * Whether a step's negative chains start at its mini-batch (V₀ and the H₀ sampled in the positive
   * phase): always under CD; under PCD only while no chains are held yet, so that the first
   * mini-batch starts them (the layer actors' rule: {@link PersistentContrastiveDivergence#positiveFirst}
   * and the actors' supervisor both follow it).
   */
  static boolean chainsStartAtBatch(boolean persistent, Object heldChains) {
    return !persistent || heldChains == null;
  }

  /**
   * The start of a step.
   *
   * @param batch the mini-batch V₀, rows×nVisible, row-major, values in [0, 1]
   * @param rows its rows, ≥ 1
   * @param w the current W (nVisible×nHidden, row-major)
   * @param bias the current biases [a | b] (the {@link Learner}'s layout)
   * @param chains the negative chains' state, or null where the step starts them itself (CD, and
   *     the first step of PCD in the layer actors' order)
   */
  record Start(float[] batch, int rows, float[] w, float[] bias, Chains chains) {
    public Start {
      if (batch == null || w == null || bias == null) throw new IllegalArgumentException("a step's start needs a batch, W and the biases");
      if (rows < 1 || batch.length < rows) {
        throw new IllegalArgumentException("mini-batch of " + rows + " rows in " + batch.length + " values (expected ≥ 1 row)");
      }
    }
  }

  /**
   * The result of a step.
   *
   * @param statistics the filled stacks: {@link StackedGradient#differences} forms ΔW, Δa, Δb from them
   * @param chains the negative chains after the step (for CD, the batch's reconstructions V_k, H_k)
   */
  record Result(StackedGradient statistics, Chains chains) {}

  /**
   * The state of a step's negative chains: {@code replicas} blocks of {@code rows} chains, visible
   * states replicas×rows×nVisible and hidden states replicas×rows×nHidden, row-major, the first
   * replica at T = 1. {@code visible} is empty where the step keeps only H between steps (the
   * batched engine's PCD recomputes V from it). Arrays are buffers, advanced in place by the step.
   *
   * @param replicas temperature replicas (1 but for parallel tempering)
   * @param rows chains per replica
   * @param visible V of every replica, or an empty array
   * @param hidden H of every replica
   */
  record Chains(int replicas, int rows, float[] visible, float[] hidden) {
    public Chains {
      if (replicas < 1 || rows < 1) throw new IllegalArgumentException(replicas + " replicas of " + rows + " chains (expected ≥ 1 each)");
      if (visible == null || hidden == null) throw new IllegalArgumentException("chain states missing (expected arrays, visible may be empty)");
    }
  }
}
