package io.glauber.engine.actor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The delay and clock shapes keep their means: every sample mean within 5 standard errors
 * (σ/√n, σ the shape's own standard deviation) of the configured mean; the refractory period and the
 * periodic clock's jitter bound every draw; bad settings are refused with the value named.
 */
class TimingTest {
  static final int N = 200_000;

  static double mean(java.util.function.LongSupplier draw) {
    double s = 0;
    for (int k = 0; k < N; k++) s += draw.getAsLong();
    return s / N;
  }

  @Test
  void delayShapesKeepTheirMean() {
    long mean = 1_000_000;
    SplittableRandom r = new SplittableRandom(1);
    assertEquals(mean, Timing.DEFAULT.drawDelayNanos(mean, r));
    Timing exp = Timing.DEFAULT.withDelay(Timing.Delay.EXPONENTIAL, 0, false);
    assertEquals(mean, mean(() -> exp.drawDelayNanos(mean, r)), 5 * mean / Math.sqrt(N));
    double sigma = 0.5;
    Timing logNormal = Timing.DEFAULT.withDelay(Timing.Delay.LOG_NORMAL, sigma, true);
    double sd = mean * Math.sqrt(Math.exp(sigma * sigma) - 1);
    assertEquals(mean, mean(() -> logNormal.drawDelayNanos(mean, r)), 5 * sd / Math.sqrt(N));
    assertEquals(0, exp.drawDelayNanos(0, r), "no delay stays no delay");
  }

  @Test
  void clocksKeepTheirMeanAndBounds() {
    long mean = 2_000_000;
    long refractory = 500_000;
    SplittableRandom r = new SplittableRandom(2);
    Timing poisson = Timing.DEFAULT.withClock(Timing.Clock.POISSON, 0, Duration.ofNanos(refractory));
    long min = Long.MAX_VALUE;
    double s = 0;
    for (int k = 0; k < N; k++) {
      long x = poisson.drawIntervalNanos(mean, r);
      min = Math.min(min, x);
      s += x;
    }
    assertTrue(min >= refractory, "shortest wait " + min + " (expected ≥ the refractory period " + refractory + ")");
    assertEquals(mean, s / N, 5 * (mean - refractory) / Math.sqrt(N));
    Timing periodic = Timing.DEFAULT.withClock(Timing.Clock.PERIODIC, 0.5, Duration.ZERO);
    for (int k = 0; k < 1000; k++) {
      long x = periodic.drawIntervalNanos(mean, r);
      assertTrue(x >= mean / 2 && x <= mean * 3 / 2, "periodic wait " + x);
    }
    assertEquals(mean, mean(() -> periodic.drawIntervalNanos(mean, r)), 5 * (mean * 0.5 / Math.sqrt(3)) / Math.sqrt(N));
  }

  @Test
  void configsAreReadAndBadValuesRefused() {
    Timing t = Timing.from(ConfigFactory.parseString(
        "delay-distribution = log-normal, delay-sigma = 0.7, delay-per-edge = true, clock = periodic, jitter = 0.2, refractory = 1ms"));
    assertEquals(new Timing(Timing.Delay.LOG_NORMAL, 0.7, true, Timing.Clock.PERIODIC, 0.2, Duration.ofMillis(1), false, false), t);
    assertEquals("log-normal(0.7)/edge", t.delayName());
    assertEquals(Timing.DEFAULT, Timing.from(ConfigFactory.empty()));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Timing.parseDelay("gamma")).getMessage().contains("'gamma'"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Timing.DEFAULT.withClock(Timing.Clock.PERIODIC, 1.5, Duration.ZERO))
        .getMessage().contains("jitter 1.5"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> Dynamics.exclusive(Duration.ofMillis(1), Duration.ZERO).withTiming(Timing.DEFAULT.withClock(Timing.Clock.POISSON, 0, Duration.ofMillis(2))))
        .getMessage().contains("refractory period PT0.002S with mean interval PT0.001S"));
    assertEquals(Mode.EXCLUSIVE, Mode.parse("Exclusive"));
  }
}
