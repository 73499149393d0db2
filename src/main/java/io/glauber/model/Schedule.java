package io.glauber.model;

import java.util.ArrayList;
import java.util.List;

/**
 * An annealing schedule: a list of (temperature, duration) steps, as in Ackley, Hinton and
 * Sejnowski's "2@20, 2@15, 2@12, 4@10" (duration@temperature). Duration counts sweeps for the
 * sequential samplers and time units for the asynchronous ones.
 *
 * @param steps the steps in order; at least one
 */
public record Schedule(List<Step> steps) {

  /** One step: hold temperature T for the given duration. */
  public record Step(double temperature, long duration) {
    public Step {
      if (!(temperature >= 0) || Double.isNaN(temperature)) {
        throw new IllegalArgumentException("schedule temperature " + temperature + " (expected T ≥ 0)");
      }
      if (duration < 0) {
        throw new IllegalArgumentException("schedule duration " + duration + " (expected ≥ 0)");
      }
    }
  }

  public Schedule {
    if (steps == null || steps.isEmpty()) throw new IllegalArgumentException("empty schedule (expected at least one step)");
    steps = List.copyOf(steps);
  }

  /** A single step at constant temperature. */
  public static Schedule constant(double temperature, long duration) {
    return new Schedule(List.of(new Step(temperature, duration)));
  }

  /**
   * Parses "duration@T, duration@T, ..." (the 1985 notation, e.g. "2@20,2@15,2@12,4@10").
   */
  public static Schedule parse(String text) {
    List<Step> out = new ArrayList<>();
    for (String part : text.split(",")) {
      String p = part.trim();
      int at = p.indexOf('@');
      if (at < 0) throw new IllegalArgumentException("schedule step '" + p + "' (expected DURATION@TEMPERATURE)");
      try {
        out.add(new Step(Double.parseDouble(p.substring(at + 1).trim()), Long.parseLong(p.substring(0, at).trim())));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("schedule step '" + p + "' (expected DURATION@TEMPERATURE, e.g. 2@20)");
      }
    }
    return new Schedule(out);
  }

  /** Total duration of all steps. */
  public long totalDuration() {
    return steps.stream().mapToLong(Step::duration).sum();
  }

  /** The temperature at time t (the last step's temperature after the end). */
  public double temperatureAt(long t) {
    long end = 0;
    for (Step s : steps) {
      end += s.duration();
      if (t < end) return s.temperature();
    }
    return steps.get(steps.size() - 1).temperature();
  }
}
