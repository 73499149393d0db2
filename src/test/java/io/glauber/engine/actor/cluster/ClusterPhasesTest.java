package io.glauber.engine.actor.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glauber.data.DataSpecs;
import io.glauber.engine.actor.Dynamics;
import io.glauber.engine.actor.neuron.NeuronPhases;
import io.glauber.learn.LearningRule;
import io.glauber.learn.NoisyClamping;
import io.glauber.learn.PhaseSampler;
import io.glauber.learn.TwoPhaseLearning;
import io.glauber.learn.TwoPhaseSettings;
import io.glauber.learn.Update;
import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Schedule;
import io.glauber.model.Statistics;
import io.glauber.model.Topology;
import io.glauber.model.Units;
import io.glauber.io.ModelFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two-phase Boltzmann learning with every network's neuron actors placed over three members in one
 * JVM ({@link ClusterPhases}): exact mode is deterministic given the seed (the placed neurons get
 * the one-JVM run's specs and random sources, and the supervisor pools the chains' integer sums
 * exactly, whatever order they answer in), so the trained machine equals the one-JVM run's to the
 * last bit; and a member lost mid-training stops the run with one line naming it, having saved the
 * model of the last completed cycle (the one-JVM run's model at that cycle, bit for bit).
 */
class ClusterPhasesTest {
  private static final double[][] DATA = DataSpecs.load("bas:2x2").rowsAsDouble();
  private static final BoltzmannMachine INITIAL = Topology.full(6).machine(Units.BINARY, 4, 1.0, 0.01, new SplittableRandom(3));
  private static final TwoPhaseSettings SETTINGS = new TwoPhaseSettings(Schedule.parse("2@1"), 4, true, NoisyClamping.NONE,
      Update.Kind.GRADIENT, LearningRule.plain(0.1), 1, 4);
  private static final NeuronPhases.Options OPTIONS = new NeuronPhases.Options(Dynamics.exact(), 2, Duration.ofSeconds(30));

  private static BoltzmannMachine train(PhaseSampler.Factory factory, long cycles) {
    try (PhaseSampler sampler = factory.create(INITIAL, SETTINGS, 21)) {
      return new TwoPhaseLearning(INITIAL, SETTINGS, sampler).train(DATA, cycles, 0.01, c -> true);
    }
  }

  @Test
  void placedNeuronsTrainTheMachineOfTheOneJvmRunAtTheSameSeed() {
    BoltzmannMachine local = train(NeuronPhases.factory(OPTIONS), 8);
    List<Membership> members = ClusterTesting.cluster(3);
    try (ClusterPhases phases = ClusterPhases.on(members.get(0), 3)) {
      for (Membership m : members) m.startHost();
      BoltzmannMachine spread = train(phases.factory(OPTIONS), 8);
      assertTrue(!java.util.Arrays.equals(local.couplings().pairWeights(), INITIAL.couplings().pairWeights()), "the weights moved");
      assertArrayEquals(local.couplings().pairWeights(), spread.couplings().pairWeights(), 0.0, "pair weights");
      assertArrayEquals(local.bias(), spread.bias(), 0.0, "biases");
    } finally {
      ClusterTesting.leaveAll(members);
    }
  }

  /**
   * Async mode over three members: the neurons run on their own clocks and their messages cross
   * members in no common order (a neighbour's first change, credit or fork may overtake the
   * coordinator's wiring). What holds at any timing (docs/BOLTZMANN.md, "Async mode: what a test can
   * assert at any timing"): every phase answers with chains × window snapshots, the clamped visible
   * units average exactly to the data, every moment of binary units lies in [0, 1], and the model
   * stays finite. A lost or misapplied early message shows as a phase that never answers (the
   * phase timeout) or a clamped mean off the data.
   */
  @Test
  void asyncTrainingOverThreeMembersEndsWithAFiniteModelAndItsMomentsInRange() {
    NeuronPhases.Options async = new NeuronPhases.Options(Dynamics.async(Duration.ofMillis(1), Duration.ZERO), 2, Duration.ofSeconds(60));
    double[] dataMeans = new double[4];
    for (double[] v : DATA) for (int i = 0; i < 4; i++) dataMeans[i] += v[i] / DATA.length;
    List<Membership> members = ClusterTesting.cluster(3);
    try (ClusterPhases phases = ClusterPhases.on(members.get(0), 3)) {
      for (Membership m : members) m.startHost();
      long[] cycles = {0};
      BoltzmannMachine model;
      try (PhaseSampler sampler = phases.factory(async).create(INITIAL, SETTINGS, 23)) {
        model = new TwoPhaseLearning(INITIAL, SETTINGS, sampler).train(DATA, 4, 0.01, c -> {
          cycles[0] = c.number();
          for (Statistics st : List.of(c.clamped(), c.free())) {
            assertEquals((long) (st == c.clamped() ? DATA.length * SETTINGS.clampedChains() : SETTINGS.freeChains()) * SETTINGS.window(),
                st.samples(), st.phase() + " snapshots");
            for (double x : st.unitMeans()) assertTrue(x >= 0 && x <= 1, st.phase() + " unit mean " + x);
            for (double x : st.pairMeans()) assertTrue(x >= 0 && x <= 1, st.phase() + " pair mean " + x);
          }
          for (int i = 0; i < 4; i++) assertEquals(dataMeans[i], c.clamped().unitMeans()[i], 1e-12, "clamped ⟨s_" + i + "⟩");
          return true;
        });
      }
      assertEquals(4, cycles[0], "every cycle ran");
      for (double w : model.couplings().pairWeights()) assertTrue(Double.isFinite(w), "weight " + w);
      for (double b : model.bias()) assertTrue(Double.isFinite(b), "bias " + b);
    } finally {
      ClusterTesting.leaveAll(members);
    }
  }

  @Test
  void aMemberLostMidTrainingStopsWithOneLineAndSavesTheModelOfTheLastCompletedCycle(@TempDir Path dir) throws Exception {
    Path saved = dir.resolve("model.npz");
    List<Membership> members = ClusterTesting.cluster(3);
    String reason;
    long seen;
    try {
      for (Membership m : members) m.startHost();
      AtomicLong cycles = new AtomicLong();
      PhaseSampler.Factory factory = ClusterPhases.on(members.get(0), 3).factory(OPTIONS, saved, false);
      CompletableFuture<BoltzmannMachine> run = CompletableFuture.supplyAsync(() -> {
        try (PhaseSampler sampler = factory.create(INITIAL, SETTINGS, 22)) {
          return new TwoPhaseLearning(INITIAL, SETTINGS, sampler).train(DATA, 1_000_000, 0.01, c -> cycles.incrementAndGet() > 0);
        }
      });
      while (cycles.get() < 3) {
        assertTrue(!run.isDone(), "the run ended before a member stopped: " + run);
        Thread.sleep(10);
      }
      Membership lost = members.get(2);
      lost.system().terminate();
      ExecutionException e = assertThrows(ExecutionException.class, () -> run.get(60, TimeUnit.SECONDS));
      reason = e.getCause().getMessage();
      seen = cycles.get();
      assertTrue(reason.contains("cluster member " + lost.address() + " ") && reason.contains("mid-run (it held 2 of 6 neuron actors)")
          && reason.contains("; the run stopped; saved the last consistent model (cycle ") && reason.endsWith(") to " + saved)
          && !reason.contains("\n"), reason);
      System.out.println("cluster phases fault: " + reason + " after " + seen + " cycles");
    } finally {
      ClusterTesting.leaveAll(members.subList(0, 2));
      members.get(2).awaitTermination();
    }
    // the saved model is the one the run had after its last whole cycle: the one-JVM run at the same seed cut there
    java.util.regex.Matcher k = java.util.regex.Pattern.compile("model \\(cycle (\\d+)\\)").matcher(reason);
    assertTrue(k.find(), reason);
    long completed = Long.parseLong(k.group(1));
    assertTrue(completed >= 3 && completed <= seen, "saved cycle " + completed + " of " + seen + " listened to");
    BoltzmannMachine expected;
    try (PhaseSampler sampler = NeuronPhases.factory(OPTIONS).create(INITIAL, SETTINGS, 22)) {
      expected = new TwoPhaseLearning(INITIAL, SETTINGS, sampler).train(DATA, 1_000_000, 0.01, c -> c.number() < completed);
    }
    BoltzmannMachine model = ModelFiles.readMachine(saved);
    assertArrayEquals(expected.couplings().pairWeights(), model.couplings().pairWeights(), 0.0, "pair weights");
    assertArrayEquals(expected.bias(), model.bias(), 0.0, "biases");
  }
}
