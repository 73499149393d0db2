package io.glauber.learn;

import io.glauber.model.Units;
import java.util.SplittableRandom;

/**
 * Noisy clamping (Ackley, Hinton and Sejnowski 1985): in the clamped phase a visible unit that the
 * training vector sets on is clamped off with probability {@code onToOff}, and one it sets off is
 * clamped on with probability {@code offToOn} (the paper: 0.15 and 0.05), a fresh draw for every
 * chain and every learning cycle. The clamped statistics then never say that two units are
 * certainly together or certainly apart, so p_ij⁺ stays inside (0, 1) and no weight is driven
 * without bound to make a free-phase probability exactly 0 or 1.
 *
 * <p>When the noise is drawn ({@link Redraw}) the paper leaves open ("These noisy vectors are then
 * clamped on the visible units", p. 156): once per annealing (one noisy vector held through the
 * annealing and its window) or afresh before every time unit. The expectation of the clamped
 * statistics is the same; their spread is not: drawn once per annealing, a rare flip (off → on)
 * lasts a whole window, so the estimate of a rare co-occurrence is 0 in most cycles and large in a
 * few, and the fixed-step rule, which follows the sign of the estimated difference (its median,
 * not its mean), then drives weights without bound (docs/BOLTZMANN.md).
 *
 * @param onToOff p(on → off), in [0, 1)
 * @param offToOn p(off → on), in [0, 1)
 * @param redraw when a fresh noisy vector is drawn
 */
public record NoisyClamping(double onToOff, double offToOn, Redraw redraw) {

  /** When the engines draw a fresh noisy copy of a training vector in the clamped phase. */
  public enum Redraw {
    /** Once per annealing: the copy is held through the schedule and the measurement window. */
    ANNEALING,
    /** Before every time unit of the schedule and of the window (the hidden units follow it). */
    TIME_UNIT;

    /** The redraw named {@code name} (annealing or time-unit), or a one-line error. */
    public static Redraw parse(String name) {
      for (Redraw r : values()) if (r.name().replace('_', '-').equalsIgnoreCase(name == null ? "" : name.trim())) return r;
      throw new IllegalArgumentException("learning.noise-redraw = " + name + " (expected annealing or time-unit)");
    }
  }

  /** Exact clamping. */
  public static final NoisyClamping NONE = new NoisyClamping(0, 0);
  /** The paper's noise: on → off 0.15, off → on 0.05. */
  public static final NoisyClamping PAPER = new NoisyClamping(0.15, 0.05);

  public NoisyClamping {
    if (!(onToOff >= 0 && onToOff < 1)) throw new IllegalArgumentException("noisy clamping on→off " + onToOff + " (expected 0 ≤ p < 1)");
    if (!(offToOn >= 0 && offToOn < 1)) throw new IllegalArgumentException("noisy clamping off→on " + offToOn + " (expected 0 ≤ p < 1)");
    if (redraw == null) throw new IllegalArgumentException("noisy clamping redraw missing (expected ANNEALING or TIME_UNIT)");
  }

  /** Noise drawn once per annealing. */
  public NoisyClamping(double onToOff, double offToOn) {
    this(onToOff, offToOn, Redraw.ANNEALING);
  }

  /** Whether a fresh noisy copy is drawn before every time unit (and not only once per annealing). */
  public boolean everyTimeUnit() {
    return redraw == Redraw.TIME_UNIT && noisy();
  }

  /** Whether any noise is added. */
  public boolean noisy() {
    return onToOff > 0 || offToOn > 0;
  }

  /**
   * Writes into {@code out} the visible values to clamp for training vector {@code v} (values of
   * {@code units}): each flipped with its probability, drawn from {@code random}. Without noise a
   * plain copy (and no draws).
   */
  public void apply(double[] v, Units units, SplittableRandom random, double[] out) {
    if (out.length < v.length) throw new IllegalArgumentException("output of length " + out.length + " for a vector of length " + v.length);
    for (int i = 0; i < v.length; i++) {
      boolean on = v[i] == units.high();
      double p = on ? onToOff : offToOn;
      boolean flip = p > 0 && random.nextDouble() < p;
      out[i] = units.value(on != flip);
    }
  }
}
