package io.glauber.engine.actor.neuron;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.Behaviors;
import io.glauber.model.Schedule;
import java.time.Duration;
import java.util.List;

/**
 * Drives an annealing {@link Schedule} in wall-clock time for asynchronous neurons: at the start of
 * each step k (after Σ_{q&lt;k} duration_q × unit) it tells every target {@link
 * Neuron.SetTemperature}(T_k), then stops after the last step begins. Step 0's temperature is the
 * one the neurons are started with.
 */
public final class Annealer {

  /** Only the annealer's own timer talks to it. */
  public sealed interface Command {}

  /** Step {@code index} of the schedule begins (a timer message). */
  private record StepBegins(int index) implements Command {}

  /** Anneals {@code targets} along {@code schedule}, one duration unit lasting {@code unit}. */
  public static Behavior<Command> create(Schedule schedule, Duration unit, List<ActorRef<Neuron.Command>> targets) {
    return Behaviors.withTimers(timers -> {
      if (schedule.steps().size() < 2) return Behaviors.stopped();
      timers.startSingleTimer(new StepBegins(1), unit.multipliedBy(schedule.steps().get(0).duration()));
      return Behaviors.receive(Command.class)
          .onMessage(StepBegins.class, m -> {
            Schedule.Step step = schedule.steps().get(m.index());
            Neuron.SetTemperature set = new Neuron.SetTemperature(step.temperature());
            for (ActorRef<Neuron.Command> t : targets) t.tell(set);
            if (m.index() + 1 >= schedule.steps().size()) return Behaviors.stopped();
            timers.startSingleTimer(new StepBegins(m.index() + 1), unit.multipliedBy(step.duration()));
            return Behaviors.same();
          })
          .build();
    });
  }
}
