/**
 * Cluster mode of the actor engine on Akka Cluster (Artery TCP): {@link
 * io.glauber.engine.actor.cluster.Membership} (this process as a member: start, join a seed, wait
 * until N members are Up, leave gracefully; Split Brain Resolver downing, keep-majority) with its
 * {@link io.glauber.engine.actor.cluster.MemberSettings}, and the cluster settings in
 * {@code glauber-cluster.conf}. Java serialization stays off; every message that crosses members
 * has an explicit serializer ({@code glauber-serialization.conf}). See docs/CLUSTER.md.
 *
 * <p>Dependencies (enforced by {@code ArchitectureTest}): this package may use the actor engine's
 * root {@code engine.actor}, its neuron part {@code engine.actor.neuron}, {@code model},
 * {@code data}, {@code kernel}, {@code exact}, {@code learn} and {@code io}. Why the neuron part:
 * each member hosts patch and neuron actors, and the run's coordinator is the neuron part's
 * {@code PatchNetwork}/{@code Network}; the hosts here spawn those actors from their specs, so
 * they must know their behaviours and protocol. The neuron part never uses this package (no
 * cycle): the same actor code runs in one JVM and in many. Never the layer part, another engine,
 * {@code evaluate}, {@code hopfield}, {@code bench} or {@code cli}.
 */
package io.glauber.engine.actor.cluster;
