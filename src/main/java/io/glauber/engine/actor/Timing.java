package io.glauber.engine.actor;

import com.typesafe.config.Config;
import java.time.Duration;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The shapes of message delays and update clocks around the means that {@link Dynamics} sets
 * (its {@code delay} and {@code meanInterval}): which distribution a delay is drawn from and whether
 * once per synapse or once per message, and how the waiting time between two updates of a unit is
 * drawn. A record of the engine.actor root so that every kind of actor (neurons, patches) reads
 * the same settings.
 *
 * <p>Delays (mean d): {@code FIXED} d; {@code EXPONENTIAL} −d·ln(1−U); {@code LOG_NORMAL}
 * d·exp(σZ − σ²/2), Z standard normal, so that the mean stays d whatever σ. With {@code perEdge}
 * a delay is drawn once per directed synapse when the clocks start (an axonal delay: every message
 * on that synapse takes the same time, different synapses differ); otherwise once per message.
 *
 * <p>Clocks (mean interval τ, refractory period r &lt; τ): {@code POISSON} r + Exp(τ − r) — a
 * Poisson clock shifted by the refractory period, mean τ; {@code PERIODIC} τ·(1 + j·(2U − 1)),
 * at least r — a period τ with uniform jitter of relative half-width j. With r = 0 and the Poisson
 * shape this is the memoryless clock of continuous-time Glauber dynamics (Glauber 1963).
 *
 * <p>{@code eventDriven}: a unit also updates when it hears that a neighbour changed, besides its
 * clock (which then only needs to be slow: a background clock so that isolated units still mix).
 * Whether a unit updates then depends on the states, so the stationary distribution is no longer
 * Boltzmann's in general: states that provoke updates are left sooner; how much depends on how
 * fast the wake-ups are served against the background clock (docs/ACTORS.md).
 *
 * <p>{@code redrawWhileChanging}: the deliberately state-dependent variant that the tests keep as a
 * test of the test (exclusive mode only): a unit whose draw changed its state draws again at once,
 * still holding its forks, until a draw leaves it unchanged. The final value is the first to be
 * drawn twice in a row, which favours the likelier value: with the neighbours held fixed and a
 * conditional probability p of the high value, the site's value after such an update stays high
 * with probability A = p/(1 − pq) and turns high from low with pA (q = 1 − p), so it is high with
 * stationary probability p²/(p² + q²) (0.69 for p = 0.6) instead of p.
 *
 * @param delay shape of the message delays
 * @param delaySigma σ of the log-normal delay (ignored for the other shapes), ≥ 0
 * @param perEdge whether a delay is drawn once per synapse instead of once per message
 * @param clock shape of the update clock
 * @param jitter relative half-width j of the periodic clock's jitter, in [0, 1]
 * @param refractory shortest time between two updates of a unit, ≥ 0 (and below the mean interval)
 * @param eventDriven whether a unit also updates on hearing a change (state-dependent, biased)
 * @param redrawWhileChanging the deliberately biased variant (tests): redraw at once after a change
 */
public record Timing(Delay delay, double delaySigma, boolean perEdge, Clock clock, double jitter, Duration refractory,
    boolean eventDriven, boolean redrawWhileChanging) {

  /** Distribution of a message delay. */
  public enum Delay { FIXED, EXPONENTIAL, LOG_NORMAL }

  /** Distribution of the waiting time between two updates of one unit. */
  public enum Clock { POISSON, PERIODIC }

  /** Fixed delays, Poisson clocks, no refractory period, no event-driven updates: what the engine always did. */
  public static final Timing DEFAULT = new Timing(Delay.FIXED, 0, false, Clock.POISSON, 0, Duration.ZERO, false, false);

  public Timing {
    if (delay == null) throw new IllegalArgumentException("delay shape missing (expected fixed, exponential or log-normal)");
    if (clock == null) throw new IllegalArgumentException("clock shape missing (expected poisson or periodic)");
    if (!(delaySigma >= 0) || Double.isInfinite(delaySigma)) throw new IllegalArgumentException("log-normal delay sigma " + delaySigma + " (expected finite ≥ 0)");
    if (!(jitter >= 0 && jitter <= 1)) throw new IllegalArgumentException("clock jitter " + jitter + " (expected in [0, 1])");
    if (refractory == null || refractory.isNegative()) throw new IllegalArgumentException("refractory period " + refractory + " (expected ≥ 0)");
  }

  /** Parses a delay shape: fixed, exponential, log-normal (or lognormal). */
  public static Delay parseDelay(String s) {
    String t = s.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    return switch (t) {
      case "fixed" -> Delay.FIXED;
      case "exponential" -> Delay.EXPONENTIAL;
      case "lognormal" -> Delay.LOG_NORMAL;
      default -> throw new IllegalArgumentException("delay distribution '" + s + "' (expected fixed, exponential or log-normal)");
    };
  }

  /**
   * The delay shape of a short spec: {@code fixed}, {@code exponential} or {@code log-normal[:σ]}
   * (σ = 1 when not given), followed by {@code /edge} for a delay drawn once per synapse — e.g.
   * {@code log-normal:1/edge}. The clock shapes stay {@link #DEFAULT}'s.
   */
  public static Timing parseDelayShape(String spec) {
    String t = spec.trim();
    boolean edge = t.endsWith("/edge");
    if (edge) t = t.substring(0, t.length() - "/edge".length());
    double sigma = 0;
    int colon = t.indexOf(':');
    if (colon >= 0) {
      try {
        sigma = Double.parseDouble(t.substring(colon + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("delay shape '" + spec + "' (expected a number after ':', e.g. log-normal:1)");
      }
      t = t.substring(0, colon);
    }
    Delay d = parseDelay(t);
    if (d == Delay.LOG_NORMAL && colon < 0) sigma = 1;
    if (d != Delay.LOG_NORMAL && colon >= 0) throw new IllegalArgumentException("delay shape '" + spec + "' (only log-normal takes a σ)");
    return DEFAULT.withDelay(d, sigma, edge);
  }

  /** Parses a clock shape: poisson or periodic. */
  public static Clock parseClock(String s) {
    return switch (s.trim().toLowerCase(Locale.ROOT)) {
      case "poisson" -> Clock.POISSON;
      case "periodic" -> Clock.PERIODIC;
      default -> throw new IllegalArgumentException("clock '" + s + "' (expected poisson or periodic)");
    };
  }

  /**
   * Reads the keys {@code delay-distribution}, {@code delay-sigma}, {@code delay-per-edge},
   * {@code clock}, {@code jitter}, {@code refractory}, {@code event-driven} of {@code c}, each
   * optional (defaults: {@link #DEFAULT}).
   */
  public static Timing from(Config c) {
    return new Timing(
        c.hasPath("delay-distribution") ? parseDelay(c.getString("delay-distribution")) : Delay.FIXED,
        c.hasPath("delay-sigma") ? c.getDouble("delay-sigma") : 0,
        c.hasPath("delay-per-edge") && c.getBoolean("delay-per-edge"),
        c.hasPath("clock") ? parseClock(c.getString("clock")) : Clock.POISSON,
        c.hasPath("jitter") ? c.getDouble("jitter") : 0,
        c.hasPath("refractory") ? c.getDuration("refractory") : Duration.ZERO,
        c.hasPath("event-driven") && c.getBoolean("event-driven"), false);
  }

  /** The same shapes with another delay distribution. */
  public Timing withDelay(Delay d, double sigma, boolean edge) {
    return new Timing(d, sigma, edge, clock, jitter, refractory, eventDriven, redrawWhileChanging);
  }

  /** The same shapes with another clock. */
  public Timing withClock(Clock c, double j, Duration r) {
    return new Timing(delay, delaySigma, perEdge, c, j, r, eventDriven, redrawWhileChanging);
  }

  /** The same shapes, event-driven or not. */
  public Timing withEventDriven(boolean e) {
    return new Timing(delay, delaySigma, perEdge, clock, jitter, refractory, e, redrawWhileChanging);
  }

  /** The same shapes with the deliberately biased redraw-while-changing variant on or off (tests). */
  public Timing withRedrawWhileChanging(boolean r) {
    return new Timing(delay, delaySigma, perEdge, clock, jitter, refractory, eventDriven, r);
  }

  /** A short name of the delay shape: "fixed", "exponential", "log-normal(σ)", with "/edge" when drawn per synapse. */
  public String delayName() {
    String base = switch (delay) {
      case FIXED -> "fixed";
      case EXPONENTIAL -> "exponential";
      case LOG_NORMAL -> "log-normal(" + delaySigma + ")";
    };
    return perEdge ? base + "/edge" : base;
  }

  /** One delay of mean {@code meanNanos} (ns) from this distribution. */
  public long drawDelayNanos(long meanNanos, SplittableRandom r) {
    if (meanNanos == 0) return 0;
    return switch (delay) {
      case FIXED -> meanNanos;
      case EXPONENTIAL -> (long) (-Math.log(1 - r.nextDouble()) * meanNanos);
      case LOG_NORMAL -> (long) (meanNanos * Math.exp(delaySigma * io.glauber.model.Gaussian.standard(r) - delaySigma * delaySigma / 2));
    };
  }

  /** One waiting time (ns) between two updates of a unit whose mean interval is {@code meanNanos} &gt; 0. */
  public long drawIntervalNanos(long meanNanos, SplittableRandom r) {
    long ref = refractory.toNanos();
    return switch (clock) {
      case POISSON -> ref + (long) (-Math.log(1 - r.nextDouble()) * Math.max(0, meanNanos - ref));
      case PERIODIC -> Math.max(ref, (long) (meanNanos * (1 + jitter * (2 * r.nextDouble() - 1))));
    };
  }
}
