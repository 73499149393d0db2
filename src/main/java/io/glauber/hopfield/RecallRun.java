package io.glauber.hopfield;

import io.glauber.engine.actor.Dynamics;
import io.glauber.engine.actor.Granularity;
import io.glauber.engine.actor.cluster.ClusterNetwork;
import io.glauber.engine.actor.cluster.MemberSettings;
import io.glauber.engine.actor.cluster.Membership;
import io.glauber.engine.actor.neuron.ActorRelaxation;
import io.glauber.hopfield.RecallSettings.Engine;
import io.glauber.hopfield.RecallSettings.Update;
import io.glauber.model.BoltzmannMachine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * Recall from many probes on the engine and by the dynamics that {@link RecallSettings} name, each
 * final state scored against the stored patterns: the library side of {@code glauber recall}.
 *
 * <p>Batch engine: {@code async}, {@code stochastic} and {@code anneal} run vectorised across
 * probes ({@link HopfieldBatchRecall}, fields carried along flip by flip); {@code sync} one probe at
 * a time ({@link HopfieldRecall}), probe k on the k-th split of {@code new SplittableRandom(seed)}. Actor
 * engine: one neuron actor per unit ({@link ActorRelaxation}) at T = 0 ({@code async}) or at the
 * temperature ({@code stochastic}), with a snapshot, and so an energy, after every sweep; at T = 0 a
 * run ends at its first fixed point, as on the batch engine. On a cluster ({@link #onCluster}) the
 * same actors are placed over the members (the same specs, seeds and schedule, so exact mode gives
 * the states of the one-JVM run at the same seed).
 */
public final class RecallRun {
  private RecallRun() {}

  /**
   * Relaxes every probe and, when the model's stored patterns are known, scores it.
   *
   * @throws IllegalArgumentException if a probe does not fit the network, or probes have targets
   *     but the model has no patterns
   */
  public static RecallReport run(HopfieldModel model, RecallProbes probes, RecallSettings s) {
    return run(model, probes, s, ActorRelaxation::relax);
  }

  /** How the actor engine relaxes the probes: {@link ActorRelaxation} in this JVM, or its networks placed over a cluster. */
  @FunctionalInterface
  public interface Actors {
    List<double[][]> relax(BoltzmannMachine machine, List<double[]> starts, Dynamics dynamics, int sweeps, long seed, Predicate<double[]> done,
        Granularity granularity);
  }

  /** As {@link #run(HopfieldModel, RecallProbes, RecallSettings)}, the actor engine's probes relaxed by {@code actors}. */
  public static RecallReport run(HopfieldModel model, RecallProbes probes, RecallSettings s, Actors actors) {
    BoltzmannMachine net = model.network();
    int[][] stored = model.patterns();
    if (probes.targets() != null && stored == null) throw new IllegalArgumentException("probes with targets but no stored patterns");
    requireActorUpdate(s);
    long t0 = System.nanoTime();
    List<RecallResult> results = s.engine() == Engine.ACTOR ? withActors(net, probes.states(), s, actors) : batched(net, probes.states(), s);
    double seconds = (System.nanoTime() - t0) / 1e9;
    List<RecallReport.Score> scores = new ArrayList<>();
    for (int k = 0; stored != null && k < results.size(); k++) {
      scores.add(RecallReport.score(results.get(k), stored, probes.targets() == null ? -1 : probes.targets()[k]));
    }
    return new RecallReport(results, scores, seconds, s);
  }

  /**
   * {@code recall --engine actor --join HOST:PORT --members N}: joins the cluster as a member
   * ({@code member}), waits until {@code members} members are Up (a one-line error after the join
   * timeout), relaxes the probes on neuron or patch actors placed over them ({@link ClusterNetwork}),
   * and leaves — also when the run fails (a lost member: its one-line reason is thrown). Only a
   * Hopfield network on the actor engine: anything else is refused with one line, before joining.
   */
  public static RecallReport onCluster(MemberSettings member, int members, AssociativeMemory memory, RecallProbes probes, RecallSettings s) {
    if (!(memory instanceof HopfieldModel model)) {
      throw new IllegalArgumentException("--join with a modern memory (cluster mode places the neuron or patch actors of a Hopfield network)");
    }
    if (s.engine() != Engine.ACTOR) throw new IllegalArgumentException("--join with --engine batch (cluster mode places actors: --engine actor)");
    if (members < 1) throw new IllegalArgumentException("--members " + members + " (expected ≥ 1)");
    requireActorUpdate(s);
    try (Membership m = Membership.start(member)) {
      m.startHost();
      m.awaitMembers(members);
      ActorRelaxation.Networks placed = ClusterNetwork.networks(m, members);
      return run(model, probes, s, (net, starts, dynamics, sweeps, seed, done, g) ->
          ActorRelaxation.relax(m.system(), placed, net, starts, dynamics, sweeps, seed, done, g));
    }
  }

  private static void requireActorUpdate(RecallSettings s) {
    if (s.engine() == Engine.ACTOR && s.update() != Update.ASYNC && s.update() != Update.STOCHASTIC) {
      throw new IllegalArgumentException("update " + s.update() + " of a Hopfield network on the actor engine (expected async or stochastic)");
    }
  }

  private static List<RecallResult> batched(BoltzmannMachine net, double[][] probes, RecallSettings s) {
    if (s.update() == Update.ASYNC) return new HopfieldBatchRecall(net, s.threads()).asynchronous(probes, s.maxSweeps(), s.seed());
    if (s.update() == Update.ANNEAL) return new HopfieldBatchRecall(net, s.threads()).anneal(probes, s.schedule(), s.maxSweeps(), s.seed());
    if (s.update() == Update.STOCHASTIC) return new HopfieldBatchRecall(net, s.threads()).stochastic(probes, s.temperature(), s.maxSweeps(), s.seed());
    SplittableRandom rng = new SplittableRandom(s.seed());
    List<RecallResult> out = new ArrayList<>();
    for (double[] p : probes) out.add(HopfieldRecall.synchronous(net, p, s.maxSweeps(), rng.split()));
    return out;
  }

  private static List<RecallResult> withActors(BoltzmannMachine net, double[][] probes, RecallSettings s, Actors actors) {
    double t = s.update() == Update.STOCHASTIC ? s.temperature() : 0.0;
    Dynamics dynamics = Dynamics.of(s.mode(), Duration.ZERO, Duration.ZERO);
    List<double[][]> runs = actors.relax(net.withTemperature(t), Arrays.asList(probes), dynamics, s.maxSweeps(), s.seed(),
        state -> t == 0 && HopfieldRecall.isFixedPoint(net, state), s.granularity());
    List<RecallResult> out = new ArrayList<>();
    for (int k = 0; k < runs.size(); k++) {
      double[][] states = runs.get(k);
      double[] energies = new double[states.length + 1];
      energies[0] = net.energy(probes[k]);
      for (int sweep = 0; sweep < states.length; sweep++) energies[sweep + 1] = net.energy(states[sweep]);
      double[] last = states[states.length - 1];
      out.add(new RecallResult(last, states.length, t == 0 && HopfieldRecall.isFixedPoint(net, last), false, energies));
    }
    return out;
  }
}
