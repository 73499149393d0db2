package io.glauber.engine.actor.memory;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.AskPattern;
import io.glauber.engine.actor.ActorConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Recall in the softmax memory on actors: one actor system, one {@link FeatureLayer} with its
 * {@link MemoryUnit}s (spawned once), probes recalled one after another. Every step is the
 * synchronous update ξ ← Xᵀ softmax(β X ξ), bit for bit as {@link io.glauber.model.SoftmaxMemory#update}.
 */
public final class MemoryRecall {
  private MemoryRecall() {}

  /** Longest wait for one probe's recall. */
  static final Duration TIMEOUT = Duration.ofMinutes(10);

  /**
   * @param patterns the K stored patterns x_μ, rows of N reals
   * @param beta β &gt; 0
   * @param probes start states of N units
   * @param maxSteps at most this many updates per probe, ≥ 0
   * @param tolerance a probe stops at the first update that moves no unit by more than this
   * @return per probe, its states: the probe, then the state after each update
   */
  public static List<double[][]> relax(double[][] patterns, double beta, List<double[]> probes, int maxSteps, double tolerance) {
    if (patterns.length == 0) throw new IllegalArgumentException("no patterns (expected K ≥ 1)");
    if (!(beta > 0) || Double.isInfinite(beta)) throw new IllegalArgumentException("beta " + beta + " (expected finite β > 0)");
    if (maxSteps < 0) throw new IllegalArgumentException("max steps " + maxSteps + " (expected ≥ 0)");
    int n = patterns[0].length;
    for (int k = 0; k < probes.size(); k++) {
      if (probes.get(k).length != n) throw new IllegalArgumentException("probe " + k + " has " + probes.get(k).length + " units (expected N = " + n + ")");
    }
    ActorSystem<FeatureLayer.Command> system = ActorSystem.create(FeatureLayer.create(patterns, beta), "glauber-memory", ActorConfig.config());
    try {
      List<double[][]> out = new ArrayList<>(probes.size());
      for (double[] probe : probes) {
        FeatureLayer.Trajectory t = AskPattern.<FeatureLayer.Command, FeatureLayer.Trajectory>ask(system,
            replyTo -> new FeatureLayer.Recall(probe, maxSteps, tolerance, replyTo), TIMEOUT, system.scheduler()).toCompletableFuture().join();
        out.add(t.states().toArray(new double[0][]));
      }
      return out;
    } finally {
      system.terminate();
      system.getWhenTerminated().toCompletableFuture().join();
    }
  }
}
