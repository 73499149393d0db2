package io.glauber.engine.actor;

/** How the neuron actors of a network are scheduled. */
public enum Mode {
  /**
   * Colour classes of the graph ({@link io.glauber.model.Couplings#colours()}) update in turn
   * behind a barrier: units of one colour are never coupled, so a round over all colours is one
   * systematic-scan Gibbs sweep and the stationary distribution is exactly Boltzmann.
   */
  EXACT,
  /**
   * Every neuron updates on its own Poisson clock with whatever it last heard (Hogwild regime);
   * state changes may be delivered late by an added delay.
   */
  ASYNC;

  /** Parses "exact" or "async" (case-insensitive). */
  public static Mode parse(String text) {
    for (Mode m : values()) if (m.name().equalsIgnoreCase(text.trim())) return m;
    throw new IllegalArgumentException("mode '" + text + "' (expected exact or async)");
  }
}
