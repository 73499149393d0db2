package io.glauber.learn;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import io.glauber.model.Schedule;

/**
 * The settings of the two-phase learning algorithm of Ackley, Hinton and Sejnowski (1985), seed
 * 003's "Training the Boltzmann Machine", as every engine runs it ({@link PhaseSampler}) and
 * {@link TwoPhaseLearning} applies it. One learning cycle:
 *
 * <ol>
 *   <li>clamped phase: for every training vector, {@code clampedChains} chains with the visible units
 *       clamped to it (through {@code noise}) and the hidden units started at random, annealed along
 *       {@code schedule}, then ⟨s_i⟩₊ and ⟨s_i s_j⟩₊ measured over {@code window} time units at the
 *       schedule's last temperature T;</li>
 *   <li>free phase: {@code freeChains} chains with every unit free, started at random (or, when
 *       {@code persistent}, from where they were at the end of the last cycle), annealed the same
 *       way, then ⟨·⟩₋ measured over the same window;</li>
 *   <li>one step of the shared {@link Learner}: v ← μv + η(g − λw), w ← w + v, with g = β(⟨·⟩₊ −
 *       ⟨·⟩₋), β = 1/T (seed 003's ηβ factor), or g = sign(⟨·⟩₊ − ⟨·⟩₋), the paper's fixed step
 *       ({@link Update}).</li>
 * </ol>
 *
 * <p>A time unit is one sweep on the batched engine (every unit updated once) and, on neuron
 * actors, the time in which each unit makes on average one update (the paper's "each unit probed
 * once on average"). The learned model's temperature is T, the measurement temperature.
 *
 * <p>Read from HOCON by {@link #from(Config)}; every key has a default ({@link #DEFAULTS}):
 *
 * <pre>
 * learning {
 *   schedule = "2@20,2@15,2@12,4@10"   # DURATION@T, ...: the annealing of each phase
 *   window = 10              # time units measured at the last temperature
 *   persistent = false       # free chains: false = restart from random states, true = persistent
 *   noise-on-off = 0.15      # noisy clamping: p(clamped on → off)
 *   noise-off-on = 0.05      #                 p(clamped off → on)
 *   noise-redraw = annealing # a fresh noisy copy per annealing | per time-unit ({@link NoisyClamping.Redraw})
 *   update = sign            # sign (fixed step ±η) | gradient (ηβ(p⁺ − p⁻))
 *   learning-rate = 2        # η
 *   momentum = 0             # μ
 *   weight-decay = 0         # λ
 *   clamped-chains = 1       # chains per training vector in the clamped phase
 *   free-chains = 4          # chains in the free phase
 * }
 * </pre>
 *
 * @param schedule the annealing of each phase; its last temperature T &gt; 0 (finite) is the one
 *     measured at
 * @param window time units measured at T, ≥ 1
 * @param persistent whether free chains persist across cycles (else they restart from random states)
 * @param noise noisy clamping of the clamped phase
 * @param update gradient (ηβ) or sign (fixed step)
 * @param rule η, momentum μ, weight decay λ (and the sparsity options of the shared rule)
 * @param clampedChains chains per training vector in the clamped phase, ≥ 1
 * @param freeChains chains in the free phase, ≥ 1
 */
public record TwoPhaseSettings(
    Schedule schedule, int window, boolean persistent, NoisyClamping noise, Update.Kind update,
    LearningRule rule, int clampedChains, int freeChains) {

  /** Every key of the {@code learning} section with its default (the paper's encoder settings). */
  public static final Config DEFAULTS = ConfigFactory.parseString("""
      learning {
        schedule = "2@20,2@15,2@12,4@10"
        window = 10
        persistent = false
        noise-on-off = 0.15
        noise-off-on = 0.05
        noise-redraw = annealing
        update = sign
        learning-rate = 2
        momentum = 0
        weight-decay = 0
        clamped-chains = 1
        free-chains = 4
      }
      """);

  public TwoPhaseSettings {
    if (schedule == null) throw new IllegalArgumentException("annealing schedule missing (expected DURATION@T, ...)");
    double last = schedule.steps().get(schedule.steps().size() - 1).temperature();
    if (!(last > 0) || Double.isInfinite(last)) {
      throw new IllegalArgumentException("schedule ends at T = " + last + " (expected a finite T > 0 to measure at)");
    }
    for (Schedule.Step s : schedule.steps()) {
      if (Double.isInfinite(s.temperature())) throw new IllegalArgumentException("schedule temperature " + s.temperature() + " (expected finite T ≥ 0)");
    }
    if (window < 1) throw new IllegalArgumentException("measurement window " + window + " time units (expected ≥ 1)");
    if (noise == null) throw new IllegalArgumentException("noisy clamping missing (expected NoisyClamping.NONE for none)");
    if (update == null) throw new IllegalArgumentException("update kind missing (expected gradient or sign)");
    if (rule == null) throw new IllegalArgumentException("learning rule missing");
    if (clampedChains < 1) throw new IllegalArgumentException("clamped chains " + clampedChains + " per training vector (expected ≥ 1)");
    if (freeChains < 1) throw new IllegalArgumentException("free chains " + freeChains + " (expected ≥ 1)");
  }

  /** The settings of the {@code learning} section of {@code c} (defaults for missing keys). */
  public static TwoPhaseSettings from(Config c) {
    try {
      Config l = c.withFallback(DEFAULTS).getConfig("learning");
      for (String key : l.root().keySet()) {
        if (!DEFAULTS.getConfig("learning").hasPath(key)) {
          throw new IllegalArgumentException("config: unknown key learning." + key + " (expected one of " + DEFAULTS.getConfig("learning").root().keySet() + ")");
        }
      }
      Schedule schedule;
      try {
        schedule = Schedule.parse(l.getString("schedule"));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("config: learning.schedule: " + e.getMessage());
      }
      LearningRule rule = new LearningRule(l.getDouble("learning-rate"), l.getDouble("momentum"), l.getDouble("weight-decay"), 0, 0, 0);
      return new TwoPhaseSettings(schedule, l.getInt("window"), l.getBoolean("persistent"),
          new NoisyClamping(l.getDouble("noise-on-off"), l.getDouble("noise-off-on"), NoisyClamping.Redraw.parse(l.getString("noise-redraw"))), Update.parseKind(l.getString("update")),
          rule, l.getInt("clamped-chains"), l.getInt("free-chains"));
    } catch (ConfigException e) {
      throw new IllegalArgumentException("config: " + e.getMessage());
    }
  }

  /** T, the schedule's last temperature: the temperature measured at and of the learned model. */
  public double temperature() {
    return schedule.steps().get(schedule.steps().size() - 1).temperature();
  }

  /** The update for moments measured at T (β = 1/T for the gradient). */
  public Update step() {
    return Update.of(update, temperature());
  }

  /** A one-line description for logs and progress bars. */
  public String describe() {
    return "schedule " + format(schedule) + ", window " + window + ", " + (persistent ? "persistent" : "restarted") + " free chains "
        + freeChains + ", clamped chains " + clampedChains + "/vector, " + update.name().toLowerCase(java.util.Locale.ROOT)
        + " η " + rule.learningRate() + (noise.noisy() ? ", noisy clamping " + noise.onToOff() + "/" + noise.offToOn() + (noise.everyTimeUnit() ? " per time unit" : "") : "");
  }

  private static String format(Schedule s) {
    StringBuilder b = new StringBuilder();
    for (Schedule.Step step : s.steps()) {
      if (b.length() > 0) b.append(',');
      b.append(step.duration()).append('@').append(step.temperature() == Math.rint(step.temperature()) ? String.valueOf((long) step.temperature()) : String.valueOf(step.temperature()));
    }
    return b.toString();
  }
}
