/**
 * Cluster mode of the actor engine on Akka Cluster (Artery TCP). {@link
 * io.glauber.engine.actor.cluster.Membership} is this process as a member (start, join a seed,
 * wait until N members are Up, leave gracefully; Split Brain Resolver downing, keep-majority),
 * with its {@link io.glauber.engine.actor.cluster.MemberSettings}; {@link
 * io.glauber.engine.actor.cluster.Node} a member that serves until SIGTERM. Placement: every member
 * runs a {@link io.glauber.engine.actor.cluster.Host} (receptionist key {@code glauber-host}) that
 * spawns its block of a run's patch or neuron actors from a {@link
 * io.glauber.engine.actor.cluster.RunPlan}; {@link io.glauber.engine.actor.cluster.ClusterNetwork}
 * places them, checks the placement's in-flight bound ({@link
 * io.glauber.engine.actor.cluster.FlowBound}) against Artery's outbound queue, runs the one-JVM
 * coordinator on the placed refs, and stops the run with one line when a hosting member is lost;
 * {@link io.glauber.engine.actor.cluster.ClusterSampler} is {@code ActorSampler} over it, and
 * {@link io.glauber.engine.actor.cluster.ClusterPhases} the two-phase learning's {@code NeuronPhases}
 * with every network placed so ({@code train --join} for Boltzmann machines on neuron actors);
 * {@link io.glauber.engine.actor.cluster.ClusterNetwork#networks} places the networks of a
 * relaxation ({@code recall --join}), and {@link io.glauber.engine.actor.cluster.ClusterLayers} an
 * RBM's two layer actors ({@code train --join} on layer actors). The
 * placement protocol ({@link io.glauber.engine.actor.cluster.ClusterMessage}) has its own compact
 * {@link io.glauber.engine.actor.cluster.ClusterSerializer} (identifier 7414); settings in
 * {@code glauber-cluster.conf}. Java serialization stays off. See docs/CLUSTER.md.
 *
 * <p>Dependencies (enforced by {@code ArchitectureTest}): this package may use the actor engine's
 * root {@code engine.actor}, its neuron part {@code engine.actor.neuron}, its layer part
 * {@code engine.actor.layer}, {@code model},
 * {@code data}, {@code kernel}, {@code exact}, {@code learn} and {@code io}. Why the neuron part:
 * each member hosts patch and neuron actors, and the run's coordinator is the neuron part's
 * {@code PatchNetwork}/{@code Network}; the hosts here spawn those actors from their specs, so
 * they must know their behaviours and protocol. Why the layer part: the hosts spawn an RBM's
 * layer actors for a supervisor on another member ({@code RbmSupervisor.Layers}). Neither part
 * uses this package (no cycle): the same actor code runs in one JVM and in many. Never another engine,
 * {@code evaluate}, {@code hopfield}, {@code bench} or {@code cli}.
 */
package io.glauber.engine.actor.cluster;
