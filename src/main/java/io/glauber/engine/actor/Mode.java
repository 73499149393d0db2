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
  ASYNC,
  /**
   * Local mutual exclusion (Chandy and Misra's hygienic dining philosophers, 1984): every edge is
   * a fork held by one of its two units, and a unit updates only while it holds all its forks —
   * neighbours never update at once and every update reads its neighbours' current states (a fork
   * carries its sender's state). With a schedule that does not depend on the states this is an
   * exact Gibbs sampler at any message delay and clock, without a global barrier
   * ({@code engine.actor.neuron.Neuron} argues it).
   */
  EXCLUSIVE;

  /** Parses "exact", "async" or "exclusive" (case-insensitive). */
  public static Mode parse(String text) {
    for (Mode m : values()) if (m.name().equalsIgnoreCase(text.trim())) return m;
    throw new IllegalArgumentException("mode '" + text + "' (expected exact, exclusive or async)");
  }
}
