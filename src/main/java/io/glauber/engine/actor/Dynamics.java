package io.glauber.engine.actor;

import java.time.Duration;

/**
 * The scheduling knobs of a network of neuron actors.
 *
 * <p>In {@link Mode#ASYNC} each neuron's updates form a Poisson process of mean interval
 * {@code meanInterval} (zero: as fast as possible, each update re-sends a self-message), and every
 * state change reaches the neighbours {@code delay} later (zero: at once). The staleness ratio is
 * delay ÷ meanInterval. A "sweep" of asynchronous dynamics is {@link #sweepTime()} of wall-clock
 * time: {@code meanInterval} when it is positive (each unit updates once on average), else
 * {@code sweepTimeIfUnclocked}. In {@link Mode#EXACT} a sweep is one round over all colour classes,
 * the clock is ignored, and the delay (shaped by {@code timing}) applies to the barrier's messages
 * between neighbours — state changes and their acks — so that a colour step lasts until its slowest
 * change has been delivered and acknowledged. {@link Mode#EXCLUSIVE} uses the clock and the delay as async mode
 * does (a tick makes a unit hungry; every fork and request takes the delay), and its sweep is the
 * same wall-clock time. {@code timing} shapes the clocks and delays around these means.
 *
 * @param mode exact or async
 * @param meanInterval mean of the exponential waiting time between two updates of one neuron, ≥ 0
 * @param delay added delivery delay of every state-change message, ≥ 0
 * @param sweepTimeIfUnclocked wall time counted as one sweep when meanInterval is zero, &gt; 0
 * @param stepTimeout longest wait for any barrier step, snapshot or phase before a run fails
 * @param timing distributions of the delays and clocks around their means
 */
public record Dynamics(Mode mode, Duration meanInterval, Duration delay, Duration sweepTimeIfUnclocked, Duration stepTimeout, Timing timing) {

  public Dynamics {
    if (mode == null) throw new IllegalArgumentException("mode missing (expected EXACT or ASYNC)");
    if (meanInterval == null || meanInterval.isNegative()) {
      throw new IllegalArgumentException("mean update interval " + meanInterval + " (expected ≥ 0)");
    }
    if (delay == null || delay.isNegative()) throw new IllegalArgumentException("message delay " + delay + " (expected ≥ 0)");
    if (sweepTimeIfUnclocked == null || sweepTimeIfUnclocked.isNegative() || sweepTimeIfUnclocked.isZero()) {
      throw new IllegalArgumentException("sweep time " + sweepTimeIfUnclocked + " (expected > 0)");
    }
    if (stepTimeout == null || stepTimeout.isNegative() || stepTimeout.isZero()) {
      throw new IllegalArgumentException("step timeout " + stepTimeout + " (expected > 0)");
    }
    if (timing == null) throw new IllegalArgumentException("timing missing (expected Timing.DEFAULT or another)");
    if (!timing.refractory().isZero() && meanInterval.compareTo(timing.refractory()) <= 0) {
      throw new IllegalArgumentException("refractory period " + timing.refractory() + " with mean interval " + meanInterval
          + " (expected a refractory period below the mean interval)");
    }
  }

  /** Fixed delays and Poisson clocks ({@link Timing#DEFAULT}). */
  public Dynamics(Mode mode, Duration meanInterval, Duration delay, Duration sweepTimeIfUnclocked, Duration stepTimeout) {
    this(mode, meanInterval, delay, sweepTimeIfUnclocked, stepTimeout, Timing.DEFAULT);
  }

  /** Exact mode with a 30 s step timeout. */
  public static Dynamics exact() {
    return new Dynamics(Mode.EXACT, Duration.ZERO, Duration.ZERO, Duration.ofMillis(1), Duration.ofSeconds(30));
  }

  /**
   * The defaults of a mode: {@link #exact()} (which takes neither clock nor delay), or the clocked
   * mode with this mean interval and message delay (sweep = 1 ms when unclocked, 30 s step timeout).
   */
  public static Dynamics of(Mode mode, Duration meanInterval, Duration delay) {
    return mode == Mode.EXACT ? exact() : new Dynamics(mode, meanInterval, delay, Duration.ofMillis(1), Duration.ofSeconds(30));
  }

  /** Async mode with the given mean interval and delay (sweep = 1 ms when unclocked). */
  public static Dynamics async(Duration meanInterval, Duration delay) {
    return new Dynamics(Mode.ASYNC, meanInterval, delay, Duration.ofMillis(1), Duration.ofSeconds(30));
  }

  /**
   * Exclusive mode (local mutual exclusion, {@link Mode#EXCLUSIVE}) with the given mean interval
   * between two hungers of a unit (0: hungry again at once) and message delay (sweep = 1 ms when
   * unclocked).
   */
  public static Dynamics exclusive(Duration meanInterval, Duration delay) {
    return new Dynamics(Mode.EXCLUSIVE, meanInterval, delay, Duration.ofMillis(1), Duration.ofSeconds(30));
  }

  /** The same knobs with another wall time per sweep for unclocked async runs. */
  public Dynamics withSweepTime(Duration t) {
    return new Dynamics(mode, meanInterval, delay, t, stepTimeout, timing);
  }

  /** The same knobs with another step timeout. */
  public Dynamics withStepTimeout(Duration t) {
    return new Dynamics(mode, meanInterval, delay, sweepTimeIfUnclocked, t, timing);
  }

  /** The same knobs with other delay and clock shapes. */
  public Dynamics withTiming(Timing t) {
    return new Dynamics(mode, meanInterval, delay, sweepTimeIfUnclocked, stepTimeout, t);
  }

  /** Whether neurons run on their own clocks (async and exclusive modes) rather than barrier steps. */
  public boolean clocked() {
    return mode != Mode.EXACT;
  }

  /**
   * Async mode without a clock: each neuron updates again as soon as its turn comes round, so
   * every neuron is always runnable (what {@link ActorConfig#neuronProps(Dynamics)} looks at).
   */
  public boolean freeRunning() {
    return mode == Mode.ASYNC && meanInterval.isZero();
  }

  /** Wall-clock time of one asynchronous sweep. */
  public Duration sweepTime() {
    return meanInterval.isZero() ? sweepTimeIfUnclocked : meanInterval;
  }

  /** delay ÷ meanInterval (∞ when unclocked with a delay, 0 without delay). */
  public double stalenessRatio() {
    if (delay.isZero()) return 0;
    if (meanInterval.isZero()) return Double.POSITIVE_INFINITY;
    return (double) delay.toNanos() / meanInterval.toNanos();
  }
}
