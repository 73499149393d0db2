package io.glauber.engine.actor.layer;

import io.glauber.kernel.RbmKernel;
import io.glauber.model.Rbm;
import java.util.Arrays;

/**
 * An immutable float snapshot of an RBM's parameters, as the layer actors receive it in
 * {@code UpdateWeights}: W (nVisible×nHidden, row-major), a, b and the temperature T of
 * p(v, h) ∝ e^{−E(v,h)/T}, E = −a·v − b·h − vᵀWh (see {@link Rbm}). Nobody writes into a snapshot
 * while anybody may read it, so both layers may read the same W: the supervisor reuses an array of
 * W only after both layers have acknowledged a newer version, and gives clients copies.
 *
 * @param nVisible number of visible units
 * @param nHidden number of hidden units
 * @param w nVisible×nHidden weights, row-major
 * @param visibleBias a
 * @param hiddenBias b
 * @param temperature T &gt; 0
 */
public record LayerParameters(int nVisible, int nHidden, float[] w, float[] visibleBias, float[] hiddenBias, float temperature) {

  public LayerParameters {
    if (nVisible < 1 || nHidden < 1) {
      throw new IllegalArgumentException("RBM shape " + nVisible + "×" + nHidden + " (expected at least one unit per layer)");
    }
    if (w.length != nVisible * nHidden) throw new IllegalArgumentException("W has " + w.length + " entries (expected " + nVisible * nHidden + ")");
    if (visibleBias.length != nVisible) throw new IllegalArgumentException("vbias has " + visibleBias.length + " entries (expected " + nVisible + ")");
    if (hiddenBias.length != nHidden) throw new IllegalArgumentException("hbias has " + hiddenBias.length + " entries (expected " + nHidden + ")");
    if (!(temperature > 0) || Float.isInfinite(temperature)) throw new IllegalArgumentException("temperature " + temperature + " (expected 0 < T < ∞)");
  }

  /** The float snapshot of an RBM. */
  public static LayerParameters of(Rbm rbm) {
    return new LayerParameters(rbm.nVisible(), rbm.nHidden(), RbmKernel.toFloat(rbm.w()),
        RbmKernel.toFloat(rbm.visibleBias()), RbmKernel.toFloat(rbm.hiddenBias()), (float) rbm.temperature());
  }

  /**
   * Parameters over a learner's arrays: {@code w} itself (not copied: the caller must not write into
   * it while a layer may read it), a and b copied out of {@code bias} = [a | b].
   */
  public static LayerParameters of(int nVisible, int nHidden, float[] w, float[] bias, float temperature) {
    return new LayerParameters(nVisible, nHidden, w, java.util.Arrays.copyOfRange(bias, 0, nVisible),
        java.util.Arrays.copyOfRange(bias, nVisible, nVisible + nHidden), temperature);
  }

  /** The RBM these parameters describe. */
  public Rbm toRbm() {
    return new Rbm(nVisible, nHidden, RbmKernel.toDouble(w), RbmKernel.toDouble(visibleBias), RbmKernel.toDouble(hiddenBias), temperature);
  }

  /** The same parameters at another temperature. */
  public LayerParameters withTemperature(float t) {
    return new LayerParameters(nVisible, nHidden, w, visibleBias, hiddenBias, t);
  }

  /** Equal values: same shape and temperature, the same numbers in W, a and b (records compare arrays by reference). */
  @Override
  public boolean equals(Object o) {
    return o instanceof LayerParameters p && p.nVisible == nVisible && p.nHidden == nHidden
        && Float.compare(p.temperature, temperature) == 0 && Arrays.deepEquals(p.arrays(), arrays());
  }

  @Override
  public int hashCode() {
    return Arrays.deepHashCode(arrays());
  }

  private Object[] arrays() {
    return new Object[] {w, visibleBias, hiddenBias};
  }

  @Override
  public String toString() {
    return "LayerParameters[" + nVisible + "×" + nHidden + ", T=" + temperature + "]";
  }
}
