package io.glauber.model;

/**
 * The two unit conventions.
 *
 * <ul>
 *   <li>{@link #BINARY}: s ∈ {0, 1}; p(s_i = 1 | rest) = σ(h_i / T) (seeds 001, 002).
 *   <li>{@link #SPIN}: s ∈ {−1, +1}; p(s_i = +1 | rest) = σ(2 h_i / T) (seeds 000, 003), because
 *       flipping a spin changes the energy by 2 h_i.
 * </ul>
 *
 * Both follow from p(s) ∝ exp(−E(s)/T) with E(s) = −Σ_{i&lt;j} w_ij s_i s_j − Σ_i b_i s_i.
 */
public enum Units {
  BINARY(0.0),
  SPIN(-1.0);

  private final double low;

  Units(double low) {
    this.low = low;
  }

  /** The "off" value: 0 for binary units, −1 for spins. */
  public double low() {
    return low;
  }

  /** The "on" value: 1 for both conventions. */
  public double high() {
    return 1.0;
  }

  /** The energy difference E(off) − E(on) for a unit with local field h: h (binary) or 2h (spin). */
  public double gap(double field) {
    return (1.0 - low) * field;
  }

  /** Whether {@code value} is one of this convention's two values. */
  public boolean admits(double value) {
    return value == low || value == 1.0;
  }

  /** The value for "on" ({@code true}) or "off". */
  public double value(boolean on) {
    return on ? 1.0 : low;
  }

  /** The code used in model files: 0 for binary, 1 for spin. */
  public int code() {
    return this == BINARY ? 0 : 1;
  }

  /** Inverse of {@link #code()}. */
  public static Units ofCode(long code) {
    if (code == 0) return BINARY;
    if (code == 1) return SPIN;
    throw new IllegalArgumentException("spin flag " + code + " (expected 0 for {0,1} or 1 for {-1,+1})");
  }
}
