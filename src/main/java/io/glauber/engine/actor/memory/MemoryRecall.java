package io.glauber.engine.actor.memory;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.AskPattern;
import io.glauber.engine.actor.ActorConfig;
import io.glauber.model.Interaction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Recall in the modern memories on actors: one actor system, one feature layer with its memory
 * units (spawned once), probes recalled one after another. Softmax ({@link #relax}): a
 * {@link FeatureLayer} and {@link MemoryUnit}s, every step the synchronous update
 * ξ ← Xᵀ softmax(β X ξ), bit for bit as {@link io.glauber.model.SoftmaxMemory#update}. Dense kinds,
 * F = xⁿ or e^{βx} ({@link #relaxDense}): a {@link DenseFeatureLayer} and {@link DenseMemoryUnit}s,
 * single-flip Glauber dynamics, bit for bit as {@code hopfield.DenseAssociativeMemory}.
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

  /**
   * @param patterns the K stored ±1 patterns ξ^μ, rows of N
   * @param f the interaction function F of E(σ) = −Σ_μ F(ξ^μ·σ)
   * @param probes ±1 start states of N units
   * @param temperature T ≥ 0
   * @param maxSweeps sweeps per probe (at most, when {@code stopAtFixedPoint}), ≥ 0
   * @param stopAtFixedPoint end a probe after its first sweep that lowers nothing (T = 0 recall)
   * @param seeds one seed per probe, split in two for the unit orders and the draws
   * @return per probe, its end ({@link DenseFeatureLayer.Done})
   */
  public static List<DenseFeatureLayer.Done> relaxDense(double[][] patterns, Interaction f, List<double[]> probes, double temperature,
      int maxSweeps, boolean stopAtFixedPoint, long[] seeds) {
    if (patterns.length == 0) throw new IllegalArgumentException("no patterns (expected K ≥ 1)");
    if (f == null) throw new IllegalArgumentException("interaction function missing (expected Power or Exponential)");
    if (!(temperature >= 0) || Double.isInfinite(temperature)) throw new IllegalArgumentException("temperature " + temperature + " (expected 0 ≤ T < ∞)");
    if (maxSweeps < 0) throw new IllegalArgumentException("max sweeps " + maxSweeps + " (expected ≥ 0)");
    if (seeds.length != probes.size()) throw new IllegalArgumentException(seeds.length + " seeds for " + probes.size() + " probes (expected one each)");
    int n = patterns[0].length;
    for (int k = 0; k < probes.size(); k++) {
      double[] probe = probes.get(k);
      if (probe.length != n) throw new IllegalArgumentException("probe " + k + " has " + probe.length + " units (expected N = " + n + ")");
      for (int i = 0; i < n; i++) {
        if (probe[i] != 1.0 && probe[i] != -1.0) throw new IllegalArgumentException("probe " + k + ", unit " + i + " = " + probe[i] + " (expected -1 or +1)");
      }
    }
    ActorSystem<DenseFeatureLayer.Command> system = ActorSystem.create(DenseFeatureLayer.create(patterns, f), "glauber-dense-memory", ActorConfig.config());
    try {
      List<DenseFeatureLayer.Done> out = new ArrayList<>(probes.size());
      for (int k = 0; k < probes.size(); k++) {
        double[] probe = probes.get(k);
        long seed = seeds[k];
        out.add(AskPattern.<DenseFeatureLayer.Command, DenseFeatureLayer.Done>ask(system,
            replyTo -> new DenseFeatureLayer.Recall(probe, temperature, maxSweeps, stopAtFixedPoint, seed, replyTo), TIMEOUT, system.scheduler())
            .toCompletableFuture().join());
      }
      return out;
    } finally {
      system.terminate();
      system.getWhenTerminated().toCompletableFuture().join();
    }
  }
}
