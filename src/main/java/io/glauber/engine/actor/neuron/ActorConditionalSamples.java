package io.glauber.engine.actor.neuron;

import akka.actor.typed.ActorSystem;
import akka.stream.javadsl.Sink;
import io.glauber.engine.actor.Dynamics;
import io.glauber.engine.actor.Granularity;
import io.glauber.io.ConditionalGrids;
import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Clamp;
import io.glauber.model.Model;
import io.glauber.model.Rbm;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

/**
 * Conditional generation on neuron (or patch) actors (seed 002): some visible units clamped, the
 * rest sampled from p(v_free | v_clamped). The clamp is folded into the biases of the free units
 * ({@link Clamp#reduce}, exact: the free units of the full machine follow the Boltzmann
 * distribution of the reduced one), an RBM becomes the Boltzmann machine on its bipartite graph,
 * and each sample is the last state of its own network of actors after the burn-in
 * ({@link ActorSampler}), the networks running side by side in one actor system. In
 * {@code Mode.EXACT} each network is a valid Gibbs chain (colour barriers), so the samples are those
 * of the batched engine's {@code ConditionalSamples} in distribution; in async mode they carry the
 * asynchrony's bias. The pictures ({@link ConditionalGrids}) are the same as the batched engine's.
 */
public final class ActorConditionalSamples {
  private ActorConditionalSamples() {}

  /** Sweeps per ask of the burn-in: a long burn-in of a large network must not outlast one ask's timeout. */
  static final int CHUNK = 10;

  /**
   * {@code count} visible states of {@code model} given {@code clamp} (clamped values filled back in),
   * one network per sample, each after {@code max(burnIn, 1)} sweeps at the model's temperature from
   * a random start; network c's seed is the c-th split of {@code seed}.
   */
  public static float[][] sample(ActorSystem<?> system, Model model, Clamp clamp, int count, int burnIn, Dynamics dynamics, Granularity granularity,
      long seed) {
    if (count < 1) throw new IllegalArgumentException("samples " + count + " (expected ≥ 1)");
    Model reduced = clamp.reduce(model);
    BoltzmannMachine bm = reduced instanceof Rbm r ? r.toBoltzmannMachine() : (BoltzmannMachine) reduced;
    int free = reduced.nVisible();
    UnaryOperator<int[]> fill = clamp.filler(model);
    SplittableRandom root = new SplittableRandom(seed);
    List<CompletableFuture<int[]>> chains = new ArrayList<>();
    // the burn-in in asks of CHUNK sweeps (the first up to 2·CHUNK − 1; each ask has its own timeout), the last state kept
    int sweeps = Math.max(burnIn, 1), chunk = Math.min(sweeps, CHUNK), asks = sweeps / chunk;
    for (int c = 0; c < count; c++) {
      // ActorSampler runs burnIn + thin sweeps before its first sample and thin before each next one:
      // (sweeps mod chunk) + chunk · (sweeps div chunk) = sweeps in all
      var s = new ActorSampler.Settings(dynamics, null, null, root.split().nextLong(), sweeps % chunk, asks, chunk, granularity);
      chains.add(ActorSampler.source(system, bm, s).runWith(Sink.last(), system).toCompletableFuture());
    }
    float[][] out = new float[count][];
    for (int c = 0; c < count; c++) {
      int[] full = fill.apply(Arrays.copyOf(chains.get(c).join(), free));
      out[c] = new float[full.length];
      for (int i = 0; i < full.length; i++) out[c][i] = full[i];
    }
    return out;
  }

  /** {@link #sample} as the {@link ConditionalGrids.Sampler} of {@code model} in {@code system}. */
  public static ConditionalGrids.Sampler sampler(ActorSystem<?> system, Model model, Dynamics dynamics, Granularity granularity) {
    return (clamp, count, burnIn, seed) -> sample(system, model, clamp, count, burnIn, dynamics, granularity, seed);
  }
}
