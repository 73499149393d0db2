package io.glauber.engine.actor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.stream.javadsl.Sink;
import io.glauber.engine.actor.neuron.ActorSampler;
import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Units;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The barrier (exact mode) takes message delays like the clocked modes — its state changes and
 * their acks are delivered late — and stays the same exact chain: a colour step only ends once
 * every change of the step has been delivered and acknowledged, and the draws come from each unit's
 * own generator in the same order, so with any delay distribution the samples are those of the run
 * without delays, draw for draw (every message serialised and read back on the way).
 */
class ExactModeDelaysTest {
  static final ActorTestKit kit = ActorTestKit.create("exact-delays", ActorConfig.serializeEverything());

  @AfterAll
  static void stop() {
    kit.shutdownTestKit();
  }

  private static List<int[]> sample(BoltzmannMachine m, Dynamics d) {
    return ActorSampler.source(kit.system(), m, new ActorSampler.Settings(d, null, null, 7, 2, 12, 1))
        .runWith(Sink.seq(), kit.system()).toCompletableFuture().join();
  }

  @Test
  void delayedBarrierStepsGiveTheSameChainAsUndelayedOnes() {
    BoltzmannMachine m = Fixtures.randomMachine(9, Units.SPIN, 0.6, 1.0, 9, 31);
    List<int[]> plain = sample(m, Dynamics.exact());
    Duration delay = Duration.ofMillis(1);
    List<Timing> shapes = List.of(Timing.DEFAULT, Timing.parseDelayShape("exponential"), Timing.parseDelayShape("log-normal:1/edge"));
    for (Timing t : shapes) {
      Dynamics d = new Dynamics(Mode.EXACT, Duration.ZERO, delay, Duration.ofMillis(1), Duration.ofSeconds(30), t);
      List<int[]> delayed = sample(m, d);
      assertEquals(plain.size(), delayed.size());
      for (int k = 0; k < plain.size(); k++) assertArrayEquals(plain.get(k), delayed.get(k), "sample " + k + " with " + t.delayName() + " delays");
    }
  }

  @Test
  void delayShapesParseFromTheirShortSpec() {
    assertEquals(Timing.DEFAULT, Timing.parseDelayShape("fixed"));
    Timing t = Timing.parseDelayShape("log-normal:0.5/edge");
    assertEquals(Timing.Delay.LOG_NORMAL, t.delay());
    assertEquals(0.5, t.delaySigma());
    assertEquals(true, t.perEdge());
    assertEquals(1.0, Timing.parseDelayShape("lognormal").delaySigma());
    assertEquals("exponential/edge", Timing.parseDelayShape("exponential/edge").delayName());
    assertThrows(IllegalArgumentException.class, () -> Timing.parseDelayShape("fixed:2"));
    assertThrows(IllegalArgumentException.class, () -> Timing.parseDelayShape("log-normal:x"));
    assertThrows(IllegalArgumentException.class, () -> Timing.parseDelayShape("gamma"));
  }
}
