package io.glauber.bench;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Behaviors;
import io.glauber.data.Dataset;
import io.glauber.engine.actor.ActorConfig;
import io.glauber.engine.actor.Dynamics;
import io.glauber.engine.actor.Granularity;
import io.glauber.engine.actor.neuron.ActorConditionalSamples;
import io.glauber.engine.batch.BoltzmannSampler;
import io.glauber.engine.batch.ConditionalSamples;
import io.glauber.io.AtomicFiles;
import io.glauber.io.ConditionalGrids;
import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Clamp;
import io.glauber.model.Model;
import io.glauber.model.Rbm;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The picture grids of conditional generation ({@link ConditionalGrids}: samples-per-label.png and
 * completions.png) drawn by either engine — what {@code sample --pictures} writes. On the batched
 * engine an RBM uses {@link ConditionalSamples} (block Gibbs) and a Boltzmann machine
 * {@link BoltzmannSampler} (colour sweeps), one chain per tile; on the actor engine every tile is the
 * last state of its own network of neuron (or patch) actors ({@link ActorConditionalSamples}), exact
 * mode by default. Either way the clamp is folded into the free units' biases ({@link Clamp#reduce}).
 */
public final class ConditionalPictures {
  private ConditionalPictures() {}

  /** The least step timeout of the actor engine's picture networks. */
  static final Duration STEP_TIMEOUT = Duration.ofMinutes(5);

  /**
   * Writes both grids of {@code model} (its last {@code classes} visible units the labels, the first
   * {@code images.cols()} the image) into {@code dir}, every tile after {@code burnIn} sweeps.
   *
   * @param engine batch or actor
   * @param dynamics the actor engine's mode and knobs (ignored by the batched engine)
   * @param granularity the actor engine's neuron or patch actors (ignored by the batched engine)
   */
  public static void write(Model model, String engine, Dynamics dynamics, Granularity granularity, int classes, Dataset images, Path dir,
      int burnIn, boolean force, long seed) {
    if (images.cols() + classes > model.nVisible()) {
      throw new IllegalArgumentException(images.name() + ": images of " + images.cols() + " units and " + classes + " label units, but the model has "
          + model.nVisible() + " visible units (expected image units first, label units last)");
    }
    AtomicFiles.checkWritable(dir.resolve("samples-per-label.png"), force);
    AtomicFiles.checkWritable(dir.resolve("completions.png"), force);
    try {
      java.nio.file.Files.createDirectories(dir);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
    }
    if (engine.equals("batch")) {
      ConditionalGrids.write(batchSampler(model), model.nVisible(), classes, images, dir, burnIn, force, seed);
      return;
    }
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "glauber-pictures", ActorConfig.config());
    try {
      // a row's networks run side by side, so one ask waits for all of them: on a loaded machine the
      // default step timeout (30 s) is too short for a network of hundreds of densely linked neurons
      Duration wait = dynamics.stepTimeout().compareTo(STEP_TIMEOUT) < 0 ? STEP_TIMEOUT : dynamics.stepTimeout();
      Dynamics patient = new Dynamics(dynamics.mode(), dynamics.meanInterval(), dynamics.delay(), dynamics.sweepTimeIfUnclocked(), wait, dynamics.timing());
      ConditionalGrids.write(ActorConditionalSamples.sampler(system, model, patient, granularity), model.nVisible(), classes, images, dir, burnIn,
          force, seed);
    } finally {
      system.terminate();
      system.getWhenTerminated().toCompletableFuture().join();
    }
  }

  private static ConditionalGrids.Sampler batchSampler(Model model) {
    if (model instanceof Rbm rbm) return ConditionalSamples.sampler(rbm);
    BoltzmannMachine full = (BoltzmannMachine) model;
    return (clamp, count, burnIn, seed) -> {
      BoltzmannMachine reduced = (BoltzmannMachine) clamp.reduce(full);
      float[][] out = new float[count][];
      int[] k = {0};
      var fill = clamp.filler(full);
      new BoltzmannSampler(reduced, count, seed).run(Math.max(burnIn, 1) - 1, count, 1, row -> {
        int[] v = fill.apply(row);
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) f[i] = v[i];
        out[k[0]++] = f;
      });
      return out;
    };
  }
}
