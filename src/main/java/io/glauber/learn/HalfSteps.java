package io.glauber.learn;

import io.glauber.kernel.BatchGibbs;

/**
 * The two block-Gibbs half-steps of an RBM, as a negative phase runs them:
 *
 * <pre>
 *   hidden:  P_H ← σ((V·W + 1·bᵀ)/T),   H ~ Bernoulli(P_H)
 *   visible: P_V ← σ((H·Wᵀ + 1·aᵀ)/T),  V ~ Bernoulli(P_V)
 * </pre>
 *
 * Both engines run them on the kernel's {@link BatchGibbs}; they differ in how the random streams
 * are reseeded (the batched engine once per step, each layer actor once per half-step), which is
 * why a step takes its half-steps from its caller. One call is one pass over a whole batch, so the
 * indirection costs nothing per unit.
 */
public interface HalfSteps {
  /** The parameters of the following half-steps: W (nVisible×nHidden) and [a | b], read, not copied. */
  void parameters(float[] w, float[] bias);

  /** P_H ← p(h=1|V) for {@code rows} rows, and H ~ Bernoulli(P_H) when {@code h} is not null. */
  void hidden(float[] v, int rows, float[] ph, float[] h);

  /** P_V ← p(v=1|H) for {@code rows} rows, and V ~ Bernoulli(P_V) when {@code v} is not null. */
  void visible(float[] h, int rows, float[] pv, float[] v);

  /**
   * The half-steps at T = 1 on {@code gibbs}, whose streams the caller reseeds (the batched engine:
   * once per step, from (seed, step)).
   */
  static HalfSteps of(BatchGibbs gibbs, int nVisible, int nHidden) {
    return new HalfSteps() {
      private final float[] cv = new float[nVisible];
      private final float[] ch = new float[nHidden];
      private float[] w;

      @Override
      public void parameters(float[] weights, float[] bias) {
        w = weights;
        System.arraycopy(bias, 0, cv, 0, nVisible);
        System.arraycopy(bias, nVisible, ch, 0, nHidden);
      }

      @Override
      public void hidden(float[] v, int rows, float[] ph, float[] h) {
        gibbs.hidden(v, rows, w, nVisible, nHidden, 1f, ch, ph, h);
      }

      @Override
      public void visible(float[] h, int rows, float[] pv, float[] v) {
        gibbs.visible(h, rows, w, nVisible, nHidden, 1f, cv, pv, v);
      }
    };
  }
}
