package io.glauber.engine.actor.neuron;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.ManualTime;
import akka.actor.testkit.typed.javadsl.TestProbe;
import io.glauber.engine.actor.ActorConfig;
import io.glauber.model.Schedule;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A timed annealing schedule under {@link ManualTime}: the test moves the clock, so a schedule of
 * seconds runs in microseconds and every step boundary is checked exactly.
 */
class AnnealerManualTimeTest {
  static final ActorTestKit kit = ActorTestKit.create("annealing", ManualTime.config().withFallback(ActorConfig.serializeEverything()));
  static final ManualTime time = ManualTime.get(kit.system());

  @AfterAll
  static void stop() {
    kit.shutdownTestKit();
  }

  @Test
  void temperatureStepsArriveExactlyAtScheduleBoundaries() {
    TestProbe<Neuron.Command> a = kit.createTestProbe();
    TestProbe<Neuron.Command> b = kit.createTestProbe();
    // Ackley–Hinton–Sejnowski notation: 2 units at T=20, 2 at 15, 4 at 10; one unit = 1 s
    kit.spawn(Annealer.create(Schedule.parse("2@20,2@15,4@10"), Duration.ofSeconds(1), List.of(a.getRef(), b.getRef())));
    time.expectNoMessageFor(Duration.ofMillis(1999), a, b);
    time.timePasses(Duration.ofMillis(1));
    a.expectMessage(new Neuron.SetTemperature(15));
    b.expectMessage(new Neuron.SetTemperature(15));
    time.expectNoMessageFor(Duration.ofMillis(1999), a, b);
    time.timePasses(Duration.ofMillis(1));
    a.expectMessage(new Neuron.SetTemperature(10));
    b.expectMessage(new Neuron.SetTemperature(10));
    time.expectNoMessageFor(Duration.ofSeconds(10), a, b);
  }
}
