package io.glauber.bench;

import io.glauber.engine.actor.JsonMessage;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.Behaviors;
import java.util.concurrent.atomic.LongAdder;

/**
 * The message-rate ceiling of an actor system: pairs of actors bouncing one ball each as fast as
 * they can, counting hand-offs. Measured on the same system and dispatcher as the neurons, it is
 * the yardstick of {@link ActorBench}'s engine message rate.
 */
final class PingPong {

  /** The protocol. */
  sealed interface Command {}

  /** The ball of pair {@code pair}. */
  record Ball(int pair) implements Command, JsonMessage {}

  /** Tells the player who its partner is and how many balls to serve. */
  record Partner(ActorRef<Command> partner, int serve) implements Command, JsonMessage {}

  /** Stop playing. */
  record Halt() implements Command, JsonMessage {}

  /** A player counting every ball it receives into {@code counter}. */
  static Behavior<Command> create(int pair, LongAdder counter) {
    return waiting(pair, counter);
  }

  private static Behavior<Command> waiting(int pair, LongAdder counter) {
    return Behaviors.receive(Command.class)
        .onMessage(Partner.class, p -> {
          for (int k = 0; k < p.serve(); k++) p.partner().tell(new Ball(pair));
          return playing(p.partner(), new Ball(pair), counter);
        })
        .build();
  }

  private static Behavior<Command> playing(ActorRef<Command> partner, Ball ball, LongAdder counter) {
    return Behaviors.receive(Command.class)
        .onMessage(Ball.class, b -> {
          counter.increment();
          partner.tell(ball);
          return Behaviors.same();
        })
        .onMessage(Halt.class, h -> Behaviors.stopped())
        .build();
  }
}
