package io.glauber.model;

/** Which phase a statistic comes from: clamped to data (positive) or free-running (negative). */
public enum Phase {
  /** Visible units clamped to data: the ⟨·⟩₊ of the learning rule. */
  CLAMPED,
  /** All units free: the ⟨·⟩₋ of the learning rule. */
  FREE
}
