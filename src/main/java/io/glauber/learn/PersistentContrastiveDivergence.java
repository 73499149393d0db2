package io.glauber.learn;

/**
 * PCD-k (Tieleman 2008): the negative chains persist from step to step; each step advances them k
 * block-Gibbs sweeps from their hidden states H,
 *
 * <pre>
 *   for s = 1..k:  V ~ p(v|H),  P = p(h|V),  H ~ P
 *   ⟨v hᵀ⟩₊ − ⟨v hᵀ⟩₋ = V₀ᵀP₀/n − VᵀP/m      (m chains, independent of the n rows of the batch)
 * </pre>
 *
 * with P₀ = p(h|V₀). Two orders of the same passes, one per engine:
 * <ul>
 *   <li>{@link #stacked}: the positive phase and the chains' last hidden half-step are one pass
 *       over the stacked rows [V₀; V] (one product instead of two, which is what the batched
 *       engine's throughput rests on); the chains must be given (the batched engine starts them
 *       at random data rows) and only their H is kept;</li>
 *   <li>{@link #positiveFirst}: P₀ and H₀ first, as the layer actors' protocol runs them (the
 *       hidden layer answers the positive phase before the chains move), and the first mini-batch
 *       starts the chains at (V₀, H₀) when none are given.</li>
 * </ul>
 * The two draw their random numbers in a different order, so each engine's runs repeat exactly,
 * but the two are not the same sample path.
 */
public final class PersistentContrastiveDivergence extends GibbsStep {
  private final boolean stacked;
  private float[] hStack = new float[0]; // stacked: the sampled H of [V₀; V]

  private PersistentContrastiveDivergence(int k, int nVisible, int nHidden, HalfSteps passes, StackedGradient gradient, boolean stacked) {
    super("PCD", k, nVisible, nHidden, passes, gradient);
    this.stacked = stacked;
  }

  /** PCD-{@code k} with the positive phase stacked onto the chains' last hidden half-step (the batched engine). */
  public static PersistentContrastiveDivergence stacked(int k, int nVisible, int nHidden, HalfSteps passes, StackedGradient gradient) {
    return new PersistentContrastiveDivergence(k, nVisible, nHidden, passes, gradient, true);
  }

  /** PCD-{@code k} with the positive phase first and chains started by the first batch (the layer actors' order). */
  public static PersistentContrastiveDivergence positiveFirst(int k, int nVisible, int nHidden, HalfSteps passes, StackedGradient gradient) {
    return new PersistentContrastiveDivergence(k, nVisible, nHidden, passes, gradient, false);
  }

  @Override
  public Result step(Start s) {
    passes.parameters(s.w(), s.bias());
    return stacked ? stackedStep(s) : positiveFirstStep(s);
  }

  private Result stackedStep(Start s) {
    Chains chains = s.chains();
    if (chains == null || chains.replicas() != 1) throw new IllegalArgumentException("stacked PCD needs one replica of chains to start from");
    int n = s.rows();
    int m = chains.rows();
    float[] h = chains.hidden();
    if (hStack.length != (n + m) * nh) hStack = new float[(n + m) * nh];
    buffers(n, m, false);
    for (int sweep = 0; sweep < k; sweep++) {
      passes.visible(h, m, pv, v);
      if (sweep + 1 < k) passes.hidden(v, m, ph, h);
    }
    // the last sweep's hidden half-step and the positive phase share one product over [V₀; V]
    float[] vStack = gradient.visibleStack(n, m);
    System.arraycopy(s.batch(), 0, vStack, 0, n * nv);
    System.arraycopy(v, 0, vStack, n * nv, m * nv);
    passes.hidden(vStack, n + m, gradient.hiddenStack(), hStack);
    System.arraycopy(hStack, n * nh, h, 0, m * nh);
    return new Result(gradient, chains);
  }

  private Result positiveFirstStep(Start s) {
    int n = s.rows();
    Chains chains = s.chains();
    buffers(n, chains == null ? n : chains.rows(), true);
    passes.hidden(s.batch(), n, ph0, h0);
    if (NegativePhase.chainsStartAtBatch(true, chains)) {
      chains = new Chains(1, n, java.util.Arrays.copyOf(s.batch(), n * nv), h0.clone());
    }
    int m = chains.rows();
    gradient.positive(s.batch(), ph0, n, m);
    float[] vc = chains.visible();
    float[] hc = chains.hidden();
    for (int sweep = 0; sweep < k; sweep++) {
      passes.visible(hc, m, pv, vc);
      passes.hidden(vc, m, ph, hc);
    }
    gradient.negative(vc, ph, m);
    return new Result(gradient, chains);
  }
}
