package io.glauber.engine.actor.neuron;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.Props;
import akka.actor.typed.javadsl.AskPattern;
import akka.actor.typed.javadsl.Behaviors;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import io.glauber.engine.actor.ActorConfig;
import io.glauber.engine.actor.Dynamics;
import io.glauber.engine.actor.Mode;
import io.glauber.learn.PhaseSampler;
import io.glauber.learn.TwoPhaseSettings;
import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Phase;
import io.glauber.model.Statistics;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The neuron actors' phases of the two-phase learning algorithm (Ackley, Hinton and Sejnowski 1985;
 * {@link TwoPhaseSettings}): a {@link PhaseSampler} that hands each phase to a {@link
 * PhaseSupervisor} and waits for its statistics.
 *
 * <ul>
 *   <li>clamped phase: {@code clampedChains} chains per training vector, each with the visible units
 *       clamped to its own noisy copy of the vector ({@code NoisyClamping}, drawn here from the
 *       run's seed), the hidden units started at random and annealed; with {@code noise-redraw =
 *       time-unit} (exact mode) a fresh copy before every sweep, as the batched engine does;</li>
 *   <li>free phase: {@code freeChains} chains, one network each, all units free, started at random
 *       or, when persistent, where the last free phase left them.</li>
 * </ul>
 *
 * In exact mode one time unit is one sweep (every free unit updated once, colour class by colour
 * class, behind barriers): a valid Gibbs sampler, so as chains and window grow the moments converge to
 * the exact clamped and free expectations at the schedule's last temperature, the contract of
 * {@link PhaseSampler}. In async mode a time unit is one mean update interval of the neurons' own
 * Poisson clocks (the paper's "each unit probed once on average"), annealed in wall-clock time by
 * the {@link Annealer}: asynchronous, hence exact only as far as delay and staleness are small
 * (docs/ASYNCHRONY.md). The engine's neurons and the learning rule are those of the rest of the
 * package ({@link Neuron}: {@code Glauber.update}; the step: {@code learn.Learner} through
 * {@code TwoPhaseLearning}).
 *
 * <p>HOCON, beside the {@code learning} section of {@link TwoPhaseSettings} ({@link #options}):
 *
 * <pre>
 * actor {
 *   mode = exact           # exact (colour barriers; one time unit = one sweep) | async
 *   networks = 4           # clamping networks: the clamped phase's chains run this many at once
 *   phase-timeout-s = 120  # deadline of one phase
 *   mean-interval-us = 1000  # async: each neuron's mean update interval, one time unit
 *   delay-us = 0           # async: added delivery delay of state changes
 * }
 * </pre>
 *
 * <p>Actor systems: a sampler built by {@link #factory} runs on one actor system shared by every
 * run of the JVM (daemon threads, created at first use), so that the many short runs of an encoder
 * experiment do not each start a system; each run has its own supervisor and networks, stopped by
 * {@link #close()}. Calls come from one thread, as {@link PhaseSampler} says.
 */
public final class NeuronPhases implements PhaseSampler {

  /**
   * The actor engine's own knobs for the two-phase algorithm.
   *
   * @param dynamics the networks' dynamics (exact or async mode)
   * @param networks clamping networks ≥ 1
   * @param phaseTimeout deadline of one phase
   */
  public record Options(Dynamics dynamics, int networks, Duration phaseTimeout) {
    public Options {
      if (dynamics == null) throw new IllegalArgumentException("dynamics missing");
      if (networks < 1) throw new IllegalArgumentException("actor.networks = " + networks + " (expected ≥ 1)");
      if (phaseTimeout == null || phaseTimeout.isNegative() || phaseTimeout.isZero()) {
        throw new IllegalArgumentException("actor.phase-timeout-s = " + phaseTimeout + " (expected > 0)");
      }
    }

    /** Exact mode, 4 clamping networks, a phase timeout of 120 s. */
    public static final Options DEFAULT = new Options(Dynamics.exact(), 4, Duration.ofSeconds(120));
  }

  private static final Config DEFAULTS = ConfigFactory.parseString(
      "actor { mode = exact, networks = 4, phase-timeout-s = 120, mean-interval-us = 1000, delay-us = 0 }");

  /** The {@code actor} section of {@code c} (defaults for missing keys; unknown keys refused). */
  public static Options options(Config c) {
    Config a = c.withFallback(DEFAULTS).getConfig("actor");
    try {
      for (String key : a.root().keySet()) {
        if (!DEFAULTS.getConfig("actor").hasPath(key)) {
          throw new IllegalArgumentException("config: unknown key actor." + key + " (expected one of " + DEFAULTS.getConfig("actor").root().keySet() + ")");
        }
      }
      double timeout = a.getDouble("phase-timeout-s");
      if (!(timeout > 0) || Double.isInfinite(timeout)) {
        throw new IllegalArgumentException("config: actor.phase-timeout-s = " + timeout + " (expected a finite number of seconds > 0)");
      }
      Duration phaseTimeout = Duration.ofMillis((long) Math.ceil(timeout * 1000));
      String mode = a.getString("mode");
      return switch (mode) {
        case "exact" -> new Options(Dynamics.exact(), a.getInt("networks"), phaseTimeout);
        case "async" -> {
          long interval = a.getLong("mean-interval-us");
          long delay = a.getLong("delay-us");
          if (interval <= 0) throw new IllegalArgumentException("config: actor.mean-interval-us = " + interval + " (expected > 0: a time unit is one mean update interval)");
          if (delay < 0) throw new IllegalArgumentException("config: actor.delay-us = " + delay + " (expected ≥ 0)");
          yield new Options(Dynamics.async(Duration.ofNanos(interval * 1000), Duration.ofNanos(delay * 1000)), a.getInt("networks"), phaseTimeout);
        }
        default -> throw new IllegalArgumentException("config: actor.mode = " + mode + " (expected exact or async)");
      };
    } catch (ConfigException e) {
      throw new IllegalArgumentException("config: " + e.getMessage());
    }
  }

  /** The engine's {@link PhaseSampler.Factory} with these options, on the JVM's shared actor system. */
  public static PhaseSampler.Factory factory(Options options) {
    return (initial, settings, seed) -> new NeuronPhases(Shared.SYSTEM, initial, settings, seed, options);
  }

  /** Holds the shared actor system, created at first use. */
  private static final class Shared {
    static final ActorSystem<Void> SYSTEM = ActorSystem.create(Behaviors.empty(), "glauber-phases",
        ConfigFactory.parseString("akka.daemonic = on").withFallback(ActorConfig.config()));
  }

  private static final AtomicLong RUNS = new AtomicLong();

  private final ActorSystem<?> system;
  private final ActorRef<PhaseSupervisor.Command> supervisor;
  private final TwoPhaseSettings settings;
  private final Options options;
  private final SplittableRandom noise;
  private final int n;
  private final int nVisible;
  private final int pairCount;
  /** Sweeps of a clamped chain: the restart's coin-flip sweep, the schedule and the window. */
  private final int clampedSweeps;

  /**
   * A sampler of one run on {@code system}.
   *
   * @param system the actor system the run's supervisor and networks live on
   * @param initial the run's starting model (fixes the graph)
   * @param settings the run's settings
   * @param seed the run's seed: the networks' neurons and the noise of noisy clamping
   * @param options the actor engine's knobs
   */
  public NeuronPhases(ActorSystem<?> system, BoltzmannMachine initial, TwoPhaseSettings settings, long seed, Options options) {
    this(system, initial, settings, seed, options, PhaseSupervisor.Networks.LOCAL);
  }

  /**
   * The same with the supervisor's networks built by {@code networks} — e.g. neuron actors placed
   * over the members of a cluster, whose actor system {@code system} is then.
   */
  public NeuronPhases(ActorSystem<?> system, BoltzmannMachine initial, TwoPhaseSettings settings, long seed, Options options,
      PhaseSupervisor.Networks networks) {
    if (system == null || initial == null || settings == null || options == null || networks == null) {
      throw new IllegalArgumentException("system, model, settings, options and networks are required");
    }
    if (settings.noise().everyTimeUnit() && options.dynamics().mode() != Mode.EXACT) {
      // a time unit between two clamps is a sweep, which only exact mode has
      throw new IllegalArgumentException("learning.noise-redraw = time-unit on neuron actors needs actor.mode = exact (or noise-redraw = annealing)");
    }
    this.system = system;
    this.settings = settings;
    this.options = options;
    SplittableRandom root = new SplittableRandom(seed);
    long networkSeed = root.split().nextLong();
    this.noise = root.split();
    this.n = initial.size();
    this.nVisible = initial.nVisible();
    this.pairCount = initial.couplings().pairCount();
    this.clampedSweeps = Math.toIntExact(PhaseSupervisor.restarting(settings.schedule()).totalDuration()) + settings.window();
    PhaseSupervisor.Settings s = new PhaseSupervisor.Settings(settings, options.dynamics(), options.networks(), options.phaseTimeout());
    this.supervisor = system.systemActorOf(PhaseSupervisor.create(initial.withTemperature(settings.temperature()), s, networkSeed, networks),
        "phases-" + RUNS.incrementAndGet(), Props.empty());
  }

  @Override
  public Statistics clamped(BoltzmannMachine model, double[][] data) {
    check(model);
    if (data == null || data.length == 0) throw new IllegalArgumentException("no training vectors to clamp (expected ≥ 1)");
    int per = settings.clampedChains();
    double[][] clamps = new double[Math.multiplyExact(data.length, per)][nVisible];
    double[][][] redraws = settings.noise().everyTimeUnit() ? new double[clamps.length][clampedSweeps - 1][nVisible] : null;
    for (int c = 0; c < clamps.length; c++) {
      double[] v = data[c / per];
      if (v.length != nVisible) throw new IllegalArgumentException("training vector of length " + v.length + " (expected " + nVisible + " visible units)");
      settings.noise().apply(v, model.units(), noise, clamps[c]);
      if (redraws != null) for (double[] r : redraws[c]) settings.noise().apply(v, model.units(), noise, r);
    }
    return ask(model, clamps, redraws, Phase.CLAMPED);
  }

  @Override
  public Statistics free(BoltzmannMachine model) {
    check(model);
    return ask(model, null, null, Phase.FREE);
  }

  private Statistics ask(BoltzmannMachine model, double[][] clamps, double[][][] redraws, Phase phase) {
    Duration timeout = options.phaseTimeout().multipliedBy(2);
    PhaseSupervisor.Reply reply;
    try {
      reply = AskPattern.<PhaseSupervisor.Command, PhaseSupervisor.Reply>ask(supervisor,
              r -> new PhaseSupervisor.Measure(model.couplings().pairWeights(), model.bias(), clamps, redraws, r), timeout, system.scheduler())
          .toCompletableFuture().get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during the " + phase.name().toLowerCase(java.util.Locale.ROOT) + " phase", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the neuron actors' " + phase.name().toLowerCase(java.util.Locale.ROOT) + " phase did not answer within " + timeout, e);
    }
    if (reply instanceof PhaseSupervisor.Measured m) return m.statistics();
    throw new IllegalStateException("neuron actors: " + ((PhaseSupervisor.Failed) reply).reason());
  }

  private void check(BoltzmannMachine model) {
    if (model.size() != n || model.nVisible() != nVisible || model.couplings().pairCount() != pairCount) {
      throw new IllegalArgumentException("model " + model + " with " + model.couplings().pairCount() + " pairs (expected the run's graph: n = " + n
          + ", " + nVisible + " visible, " + pairCount + " pairs)");
    }
  }

  /** Stops the run's supervisor and its networks (the actor system stays). */
  @Override
  public void close() {
    supervisor.tell(new PhaseSupervisor.Stop());
  }
}
