package io.glauber.job;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Behaviors;
import akka.stream.javadsl.Sink;
import akka.stream.javadsl.Source;
import com.typesafe.config.Config;
import io.glauber.engine.actor.ActorConfig;
import io.glauber.engine.actor.Dynamics;
import io.glauber.engine.actor.Granularity;
import io.glauber.engine.actor.Mode;
import io.glauber.engine.actor.cluster.ClusterSampler;
import io.glauber.engine.actor.cluster.MemberSettings;
import io.glauber.engine.actor.layer.LayerEngine;
import io.glauber.engine.actor.neuron.ActorSampler;
import io.glauber.engine.batch.BoltzmannSampler;
import io.glauber.engine.batch.RbmSampler;
import io.glauber.io.SampleWriter;
import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Model;
import io.glauber.model.Rbm;
import java.util.Arrays;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The samplers of {@code glauber sample}, one per engine and granularity: the batched engine's
 * {@link RbmSampler} (block Gibbs) or {@link BoltzmannSampler} (colour sweeps); on the actor engine
 * an RBM's two layer actors (block Gibbs, exact mode's default for RBMs) or a neuron or patch actor
 * per unit ({@link ActorSampler}; over a cluster's members with {@link ClusterSampler}). Each is
 * built, and so validated, before the output is opened.
 */
public final class Samplers {
  private Samplers() {}

  /**
   * What to sample and how.
   *
   * @param engine batch or actor
   * @param dynamics the actor engine's mode and timing (ignored by the batched engine)
   * @param granularity the actor engine's actors; null for the default (layer actors for an RBM in
   *     exact mode, neuron actors otherwise)
   * @param chains parallel chains (batched engine, layer actors)
   * @param join the member to join with {@code members} members in all, or null for one process
   */
  public record Request(String engine, Dynamics dynamics, Granularity granularity, int chains, int burnIn, long samples, int thin, long seed,
      MemberSettings join, int members) {
    public Request {
      if (!"batch".equals(engine) && !"actor".equals(engine)) throw new IllegalArgumentException("--engine " + engine + " (expected batch or actor)");
      if (samples < 1) throw new IllegalArgumentException("--samples " + samples + " (expected ≥ 1)");
      if (burnIn < 0 || thin < 1) throw new IllegalArgumentException("--burn-in " + burnIn + ", --thin " + thin + " (expected ≥ 0 and ≥ 1)");
      if (join != null && engine.equals("batch")) throw new IllegalArgumentException("--join with --engine batch (cluster mode places neuron or patch actors)");
    }

    boolean layers(Model m) {
      return m instanceof Rbm && dynamics.mode() == Mode.EXACT && (granularity == null || granularity.kind() == Granularity.Kind.LAYER);
    }
  }

  /**
   * The sampler of {@code m}'s visible units at temperature {@code t}; {@code fill} completes each
   * row (the clamped units of a reduced machine).
   */
  public static SampleWriter.Rows rows(Model m, double t, Request r, UnaryOperator<int[]> fill) {
    int n = (int) Math.min(r.chains(), r.samples());
    if (r.engine().equals("batch") && m instanceof Rbm rbm) {
      RbmSampler s = new RbmSampler(rbm, n, t, null, r.seed());
      return w -> {
        try (s) {
          s.run(r.burnIn(), r.samples(), r.thin(), row -> w.write(fill.apply(row)));
        }
      };
    }
    if (r.engine().equals("batch")) {
      BoltzmannSampler s = new BoltzmannSampler(((BoltzmannMachine) m).withTemperature(t), n, r.seed());
      return w -> s.run(r.burnIn(), r.samples(), r.thin(), row -> w.write(fill.apply(row)));
    }
    if (r.layers(m)) { // a layer actor per layer, alternating (block Gibbs); on a cluster, the layers on other members
      if (r.join() != null) {
        return w -> ClusterSampler.runLayers(r.join(), r.members(), (Rbm) m, n, r.burnIn(), (int) r.samples(), r.thin(), t, r.seed(), s -> w.write(fill.apply(s)));
      }
      Source<int[], ?> source = LayerEngine.sampleVisible((Rbm) m, n, r.burnIn(), (int) r.samples(), r.thin(), t, r.seed()).map(fill::apply);
      return w -> drain(LayerEngine.config(), system -> source, w);
    }
    // a neuron (or patch) actor per unit (an RBM as a Boltzmann machine, visible units first)
    BoltzmannMachine bm = (m instanceof Rbm rbm ? rbm.toBoltzmannMachine() : (BoltzmannMachine) m).withTemperature(t);
    var settings = new ActorSampler.Settings(r.dynamics(), null, null, r.seed(), r.burnIn(), r.samples(), r.thin(),
        r.granularity() == null ? Granularity.NEURON : r.granularity());
    UnaryOperator<int[]> visible = s -> fill.apply(Arrays.copyOf(s, bm.nVisible()));
    if (r.join() != null) return w -> ClusterSampler.run(r.join(), r.members(), bm, settings, s -> w.write(visible.apply(s)));
    return w -> drain(ActorConfig.config(), system -> ActorSampler.source(system, bm, settings).map(visible::apply), w);
  }

  /**
   * Runs an actor engine's sample stream in an actor system of its own, with the file writer as its
   * Sink, so that a slow disk slows the simulation instead of filling memory.
   */
  private static void drain(Config config, Function<ActorSystem<Void>, Source<int[], ?>> samples, SampleWriter w) throws Exception {
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "glauber-sample", config);
    try {
      samples.apply(system).runWith(Sink.foreach(w::write), system).toCompletableFuture().get();
    } finally {
      system.terminate();
    }
  }
}
