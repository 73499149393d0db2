/**
 * Data-parallel training of the batched engine on Akka Cluster: every member hosts a
 * {@link io.glauber.engine.batch.cluster.ShardHost} (started by the
 * {@link io.glauber.engine.batch.cluster.ShardHosting} extension, which {@code glauber-cluster.conf}
 * loads on every member) that computes shards of training steps with the batched engine's
 * {@link io.glauber.engine.batch.ShardWorker}; the training process's
 * {@link io.glauber.engine.batch.cluster.ClusterShards} splits each step over the members, sums
 * their statistics in shard order and hands the sum to the trainer, which applies the shared
 * learning rule. Hosts keep no state between steps (parameters, batch rows and chains travel with
 * each request), so a member lost mid-run costs at most the step in flight: the run stops with a
 * one-line error and its last consistent state, or redoes the step on the remaining members.
 * Messages that cross members use {@link io.glauber.engine.batch.cluster.ShardSerializer}. See
 * docs/CLUSTER.md, "Data-parallel training".
 *
 * <p>Dependencies (enforced by {@code ArchitectureTest}): this package may use the batched engine
 * ({@code engine.batch}), the cluster membership API ({@code engine.actor.cluster}), the actor
 * engine's root (its {@code CompactSerializer}), {@code model}, {@code data}, {@code kernel},
 * {@code exact}, {@code learn} and {@code io}; {@code engine.batch} never uses it (the batched
 * engine knows nothing of Akka), nor does any engine; only {@code bench} and {@code cli} may.
 */
package io.glauber.engine.batch.cluster;
