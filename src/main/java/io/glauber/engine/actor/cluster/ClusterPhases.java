package io.glauber.engine.actor.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.glauber.engine.actor.Granularity;
import io.glauber.engine.actor.layer.RbmSupervisor;
import io.glauber.engine.actor.neuron.NeuronPhases;
import io.glauber.engine.actor.neuron.PhaseSupervisor;
import io.glauber.io.ModelFiles;
import io.glauber.learn.PhaseSampler;
import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Statistics;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A training run's membership of a cluster ({@code train --join}): for an RBM on layer actors,
 * the layers placed over the members ({@link #layers}); and above all
 * the two-phase learning of Ackley, Hinton and Sejnowski (1985; {@link NeuronPhases}) with every
 * network's neuron actors placed over the members of a cluster: the phase supervisor lives on this
 * member, each of its networks is a {@link ClusterNetwork} of neuron actors (neuron i of n on host
 * ⌊i·H/n⌋), whose coordinator is the one-JVM {@code Network} given the placed refs. The neurons
 * get the specs and random sources of the one-JVM run, so exact mode gives the very statistics —
 * and the very trained model — of a one-JVM run at the same seed.
 *
 * <p>A member that holds part of a network and is lost mid-run fails the phase in progress with
 * {@link ClusterNetwork}'s one-line reason (the sampler then throws it), never a hang. With a model
 * file ({@link #factory(NeuronPhases.Options, Path, boolean)}) the sampler first saves the last
 * consistent model there — the one it was handed for the failed cycle, which is the model after
 * the last completed cycle (the starting model when the first cycle fails) — and says so in the line.
 *
 * <p>Configuration (HOCON; the keys {@code train --join HOST:PORT --members N} sets, those of the
 * batched engine's data-parallel training):
 *
 * <pre>
 * cluster {
 *   join = "127.0.0.1:2552"   # a member to join
 *   members = 3               # members to wait for and place the neurons on, this one included
 *   port = 0                  # this process's port (0: any free one)
 *   join-timeout = 60s        # how long to wait for the members (and each network's placement)
 * }
 * </pre>
 */
public final class ClusterPhases implements AutoCloseable {
  private final Membership member;
  private final int members;
  private final boolean owned;

  private ClusterPhases(Membership member, int members, boolean owned) {
    this.member = member;
    this.members = members;
    this.owned = owned;
  }

  /**
   * Joins the cluster of {@code c}'s {@code cluster} keys and waits until {@code cluster.members}
   * members are Up (a one-line error after the join timeout); null when {@code cluster.join} is
   * not set. {@link #close} leaves the cluster.
   */
  public static ClusterPhases fromConfig(Config c) {
    if (!c.hasPath("cluster.join")) return null;
    MemberSettings settings;
    int members;
    try {
      Config k = c.getConfig("cluster");
      if (!k.hasPath("members")) throw new IllegalArgumentException("cluster.join without cluster.members (expected --members N with --join)");
      members = k.getInt("members");
      Duration join = k.hasPath("join-timeout") ? k.getDuration("join-timeout") : MemberSettings.DEFAULT_JOIN_TIMEOUT;
      settings = MemberSettings.of(k.hasPath("port") ? k.getInt("port") : 0, k.getString("join")).withJoinTimeout(join);
    } catch (ConfigException e) {
      throw new IllegalArgumentException("config: " + e.getMessage());
    }
    return join(settings, members);
  }

  /** Starts a member with {@code settings} and its host, and waits until {@code members} members are Up. */
  public static ClusterPhases join(MemberSettings settings, int members) {
    if (members < 1) throw new IllegalArgumentException("--members " + members + " (expected ≥ 1)");
    Membership m = Membership.start(settings);
    try {
      m.startHost();
      m.awaitMembers(members);
      return new ClusterPhases(m, members, true);
    } catch (RuntimeException e) {
      m.leave(Duration.ofSeconds(10));
      throw e;
    }
  }

  /**
   * Phases on an existing member (its host started here if it is not yet), placing over
   * {@code members} members; {@link #close} leaves the member as it was.
   */
  public static ClusterPhases on(Membership member, int members) {
    if (members < 1) throw new IllegalArgumentException("--members " + members + " (expected ≥ 1)");
    member.startHost();
    return new ClusterPhases(member, members, false);
  }

  /** The networks of a phase supervisor: neuron actors placed over the members (waiting at most the join timeout each). */
  public PhaseSupervisor.Networks networks() {
    return (machine, dynamics, schedule, seed) ->
        ClusterNetwork.create(members, member.joinTimeout(), machine, Granularity.NEURON, dynamics, schedule, null, seed);
  }

  /** The two-phase sampler factory of the actor engine with {@code options}, its networks placed over the members. */
  public PhaseSampler.Factory factory(NeuronPhases.Options options) {
    return (initial, settings, seed) -> new NeuronPhases(member.system(), initial, settings, seed, options, networks());
  }

  /**
   * As {@link #factory(NeuronPhases.Options)}, but a phase that fails (a member lost mid-run, a
   * phase timeout) first writes the last consistent model to {@code modelFile} (atomically,
   * {@link ModelFiles#write}; replacing a file only with {@code force}), then throws an
   * {@link IllegalStateException} whose one-line message ends {@code "; saved the last consistent
   * model (cycle k) to FILE"}. A bad argument (an {@link IllegalArgumentException}) saves nothing.
   */
  public PhaseSampler.Factory factory(NeuronPhases.Options options, Path modelFile, boolean force) {
    PhaseSampler.Factory placed = factory(options);
    return (initial, settings, seed) -> new SavingOnFailure(placed.create(initial, settings, seed), modelFile, force);
  }

  /**
   * A sampler that remembers the model of the cycle in progress — each cycle hands the model after
   * the one before to {@link #clamped} first (TwoPhaseLearning's order: clamped, free, step) — and
   * saves it when a phase fails.
   */
  private static final class SavingOnFailure implements PhaseSampler {
    private final PhaseSampler inner;
    private final Path modelFile;
    private final boolean force;
    private BoltzmannMachine current;
    private long completed = -1;

    SavingOnFailure(PhaseSampler inner, Path modelFile, boolean force) {
      this.inner = inner;
      this.modelFile = modelFile;
      this.force = force;
    }

    @Override
    public Statistics clamped(BoltzmannMachine model, double[][] data) {
      current = model;
      completed++;
      try {
        return inner.clamped(model, data);
      } catch (IllegalStateException e) {
        throw saved(e);
      }
    }

    @Override
    public Statistics free(BoltzmannMachine model) {
      try {
        return inner.free(model);
      } catch (IllegalStateException e) {
        throw saved(e);
      }
    }

    private IllegalStateException saved(IllegalStateException e) {
      if (current == null) return e;
      return ModelFiles.savedAfter(e, modelFile, current, "cycle " + completed + (completed == 0 ? ", the starting model" : ""), force);
    }

    @Override
    public void close() {
      inner.close();
    }
  }

  /**
   * An RBM's layer actors placed over the members ({@link ClusterLayers}), for a supervisor in
   * {@link #system()}: {@code train --join} with {@code model.type = rbm} on the actor engine.
   */
  public RbmSupervisor.Layers layers() {
    return ClusterLayers.placed(member, members);
  }

  /** This member's actor system, where a run's supervisor lives. */
  public akka.actor.typed.ActorSystem<?> system() {
    return member.system();
  }

  /** Leaves the cluster, when {@link #fromConfig} or {@link #join} joined it. */
  @Override
  public void close() {
    if (owned) member.leave(Duration.ofSeconds(10));
  }
}
