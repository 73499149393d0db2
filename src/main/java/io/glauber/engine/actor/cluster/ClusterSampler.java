package io.glauber.engine.actor.cluster;

import akka.NotUsed;
import akka.japi.function.Procedure;
import akka.stream.javadsl.Sink;
import akka.stream.javadsl.Source;
import io.glauber.engine.actor.layer.LayerEngine;
import io.glauber.engine.actor.neuron.ActorSampler;
import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Rbm;

/**
 * Samples a Boltzmann machine with neuron or patch actors placed over the members of a cluster
 * (or an RBM with its two layer actors on other members, {@link #runLayers}):
 * {@link ActorSampler}'s stream (one ask per sample, backpressured) on a {@link ClusterNetwork}
 * instead of a network in one JVM. Exact mode stays an exact Gibbs sampler — the same coordinator
 * and actor code, whose messages now cross members — and a run with a seed gives the same samples
 * as in one JVM.
 */
public final class ClusterSampler {
  private ClusterSampler() {}

  /**
   * The samples of {@code machine} on the hosts of at least {@code members} members of
   * {@code member}'s cluster (this member's own host among them, started here if it is not yet),
   * placement waiting at most the member's join timeout.
   */
  public static Source<int[], NotUsed> source(Membership member, int members, BoltzmannMachine machine, ActorSampler.Settings s) {
    member.startHost();
    return ActorSampler.source(member.system(), s, () -> ClusterNetwork.create(members, member.joinTimeout(), machine, s.granularity(),
        s.dynamics(), s.schedule(), s.initial(), s.seed()));
  }

  /**
   * A whole cluster run from a command line: joins as a member ({@code settings}), waits until
   * {@code members} members are Up, places and runs the sampler, hands each sample to
   * {@code sink} (backpressured: a slow sink slows the run), and leaves the cluster — also when the
   * run fails, whose one-line reason is then thrown.
   */
  public static void run(MemberSettings settings, int members, BoltzmannMachine machine, ActorSampler.Settings s, Procedure<int[]> sink)
      throws Exception {
    run(settings, members, member -> source(member, members, machine, s), sink);
  }

  /**
   * An RBM sampled by its two layer actors placed on other members ({@link ClusterLayers#placed}),
   * the supervisor here: joins as a member, waits until {@code members} are Up, hands each visible
   * sample to {@code sink} and leaves — also when the run fails (a lost layer member), whose
   * one-line reason is then thrown. The supervisor draws every random number, so the samples are
   * those of one JVM at the same seed.
   */
  public static void runLayers(MemberSettings settings, int members, Rbm rbm, int chains, int burnIn, int samples, int thin, double temperature,
      long seed, Procedure<int[]> sink) throws Exception {
    run(settings, members, member -> LayerEngine.sampleVisible(rbm, chains, burnIn, samples, thin, temperature, seed, ClusterLayers.placed(member, members)),
        sink);
  }

  /** Joins, waits for the members, runs {@code samples} into {@code sink} and leaves; a failed run's cause is thrown. */
  private static void run(MemberSettings settings, int members, java.util.function.Function<Membership, Source<int[], ?>> samples,
      Procedure<int[]> sink) throws Exception {
    try (Membership member = Membership.start(settings)) {
      member.startHost();
      member.awaitMembers(members);
      samples.apply(member).runWith(Sink.foreach(sink), member.system()).toCompletableFuture().get();
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof Exception x ? x : e;
    }
  }
}
