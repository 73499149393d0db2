package io.glauber.engine.actor.layer;

import io.glauber.kernel.BatchGibbs;
import io.glauber.kernel.Team;
import io.glauber.learn.HalfSteps;

/**
 * The two half-steps of block Gibbs sampling in an RBM, as the layer actors and their actor-free
 * twin both run them (their statistics are {@link io.glauber.learn.StackedGradient}'s). Nothing
 * here computes a conditional itself: each layer's {@link Sampler} calls the kernel's
 * {@link BatchGibbs} (products split over the cores, vectorised σ and Bernoulli draws), the same
 * kernel the batched engine's steps run; a {@link Pair} of samplers is the {@link HalfSteps} of a
 * {@link io.glauber.learn.NegativePhase} step.
 *
 * <pre>
 *   hidden half-step:  P_H = σ((V·W + 1·bᵀ)/T),  H ~ Bernoulli(P_H)
 *   visible half-step: P_V = σ((H·Wᵀ + 1·aᵀ)/T), V ~ Bernoulli(P_V)
 * </pre>
 */
final class BlockGibbs {
  private BlockGibbs() {}

  /**
   * One layer's half-steps: a {@link BatchGibbs} on the JVM's shared team of threads
   * ({@link Team#shared()}: one per core; layers that happen to update at once take turns, which
   * costs nothing when, as in a pair, they alternate), its random streams derived from (seed,
   * number of half-steps taken), so that an actor and the actor-free path given the same seed draw
   * the same numbers. Owns no threads, so there is nothing to close.
   */
  static final class Sampler {
    private final BatchGibbs gibbs = new BatchGibbs(Team.shared());
    private final long seed;
    private long halfSteps;
    private float[] scaledBias = new float[0];

    Sampler(long seed) {
      this.seed = seed;
    }

    /** P_H ← p(h=1|V) and H ~ Bernoulli(P_H) for {@code rows} chains; {@code ph}, {@code h} overwritten. */
    void hidden(LayerParameters p, float[] v, int rows, float[] ph, float[] h) {
      gibbs.reseed(seed, halfSteps++);
      float beta = 1f / p.temperature();
      gibbs.hidden(v, rows, p.w(), p.nVisible(), p.nHidden(), beta, scaled(p.hiddenBias(), beta), ph, h);
    }

    /** P_V ← p(v=1|H) and V ~ Bernoulli(P_V) for {@code rows} chains; {@code pv}, {@code v} overwritten. */
    void visible(LayerParameters p, float[] h, int rows, float[] pv, float[] v) {
      gibbs.reseed(seed, halfSteps++);
      float beta = 1f / p.temperature();
      gibbs.visible(h, rows, p.w(), p.nVisible(), p.nHidden(), beta, scaled(p.visibleBias(), beta), pv, v);
    }

    /** β·bias, BatchGibbs's offset c of σ(β·x + c). */
    private float[] scaled(float[] bias, float beta) {
      if (scaledBias.length != bias.length) scaledBias = new float[bias.length];
      for (int i = 0; i < bias.length; i++) scaledBias[i] = beta * bias[i];
      return scaledBias;
    }
  }

  /**
   * The half-steps of the two layers as one {@link HalfSteps}: hidden half-steps on the hidden
   * layer's sampler, visible ones on the visible layer's, with the parameters of each step as the
   * snapshot the layers would receive. What the actor-free twin runs in place of the actors.
   */
  static final class Pair implements HalfSteps {
    private final Sampler visible;
    private final Sampler hidden;
    private final int nv;
    private final int nh;
    private final float temperature;
    private LayerParameters p;

    Pair(Sampler visible, Sampler hidden, int nVisible, int nHidden, float temperature) {
      this.visible = visible;
      this.hidden = hidden;
      this.nv = nVisible;
      this.nh = nHidden;
      this.temperature = temperature;
    }

    /** The parameters' snapshot: W as given (not copied), the biases split out of [a | b]. */
    LayerParameters snapshot(float[] w, float[] bias) {
      return LayerParameters.of(nv, nh, w, bias, temperature);
    }

    @Override
    public void parameters(float[] w, float[] bias) {
      p = snapshot(w, bias);
    }

    @Override
    public void hidden(float[] v, int rows, float[] ph, float[] h) {
      hidden.hidden(p, v, rows, ph, h);
    }

    @Override
    public void visible(float[] h, int rows, float[] pv, float[] v) {
      visible.visible(p, h, rows, pv, v);
    }
  }
}
