package io.glauber.learn;

/**
 * CD-k (Hinton 2002): the negative chains start at the mini-batch and run k block-Gibbs sweeps,
 *
 * <pre>
 *   P₀ = p(h|V₀), H₀ ~ P₀;   for s = 1..k:  V_s ~ p(v|H_{s−1}),  P_s = p(h|V_s),  H_s ~ P_s
 *   ⟨v hᵀ⟩₊ − ⟨v hᵀ⟩₋ = V₀ᵀP₀/n − V_kᵀP_k/n      (the biases alike; {@link StackedGradient})
 * </pre>
 *
 * with the hidden units summed out analytically (P, not H) on both sides. The result's chains are
 * the reconstructions (V_k, H_k); nothing persists from one step to the next. Buffers follow the
 * batch's rows (a smaller last mini-batch reallocates them), so a run of equal batches allocates
 * them once.
 */
public final class ContrastiveDivergence extends GibbsStep {

  /** CD-{@code k} for an RBM of {@code nVisible}×{@code nHidden} on {@code passes}, statistics into {@code gradient}. */
  public ContrastiveDivergence(int k, int nVisible, int nHidden, HalfSteps passes, StackedGradient gradient) {
    super("CD", k, nVisible, nHidden, passes, gradient);
  }

  @Override
  public Result step(Start s) {
    int n = s.rows();
    buffers(n, n, true);
    passes.parameters(s.w(), s.bias());
    passes.hidden(s.batch(), n, ph0, h0);
    gradient.positive(s.batch(), ph0, n, n);
    for (int sweep = 0; sweep < k; sweep++) {
      passes.visible(h0, n, pv, v);
      passes.hidden(v, n, ph, h0);
    }
    gradient.negative(v, ph, n);
    return new Result(gradient, new Chains(1, n, v, h0));
  }
}
