/**
 * The RBM layer-actor engine: one Akka Typed actor per layer, a supervisor that learns with CD-k
 * or PCD-k through them, and akka-stream plumbing for data, samples and metrics.
 *
 * <p>{@link io.glauber.engine.actor.layer.VisibleLayer} and
 * {@link io.glauber.engine.actor.layer.HiddenLayer} each own their bias and hold a batch of chains'
 * states; on receiving the other layer's states they update the whole layer as a block with the
 * kernel's block-Gibbs passes ({@link io.glauber.kernel.BatchGibbs}, the batched engine's kernel):
 *
 * <pre>
 *   P_H = σ((V·W + 1·bᵀ)/T),  H ~ Bernoulli(P_H)        P_V = σ((H·Wᵀ + 1·aᵀ)/T),  V ~ Bernoulli(P_V)
 * </pre>
 *
 * and pass their new states on. Since each layer only answers the other, the layers alternate and
 * the chain is a valid block Gibbs sampler of p(v, h) ∝ e^{−E(v,h)/T}, E = −a·v − b·h − vᵀWh
 * (the {@code exact} mode; an RBM's layers have no {@code async} mode here — see docs/ACTORS-layer.md).
 *
 * <p>{@link io.glauber.engine.actor.layer.RbmSupervisor} runs one behaviour per phase — positive
 * (clamped), negative (free, k sweeps), weight update — and forms the statistics of the step with
 * {@code learn}'s {@link io.glauber.learn.StackedGradient}, following the chain rule of
 * {@link io.glauber.learn.NegativePhase}; the shared {@link io.glauber.learn.Learner} computes the
 * weight change. {@link io.glauber.engine.actor.layer.DirectTrainer}, the actors' actor-free twin,
 * runs the same step as a {@link io.glauber.learn.NegativePhase} on the same half-steps and equals
 * an actor run bit for bit. {@link io.glauber.engine.actor.layer.LayerEngine} is the public entry
 * point; {@link io.glauber.engine.actor.layer.LayerTrainConfig} reads a run from HOCON.
 *
 * <p>Where the two layer actors run is the supervisor's one placement hook,
 * {@link io.glauber.engine.actor.layer.RbmSupervisor.Layers}: as its children in one JVM, or on
 * other members of a cluster (engine.actor.cluster, which uses this package; this package never
 * uses it) — the same actors and messages either way.
 *
 * <p>Messages are records in sealed interfaces nested in the actor that receives them; float
 * batches ({@link io.glauber.engine.actor.layer.LayerMessage.Binary}) go through this package's own
 * {@link io.glauber.engine.actor.layer.LayerSerializer} (identifier 7412, built on the root's
 * {@link io.glauber.engine.actor.CompactSerializer}), the rest through Jackson CBOR (bindings in
 * {@code glauber-serialization.conf}). The serializer, like the whole package, may use the actor
 * engine's root {@code engine.actor} but never the neuron part {@code engine.actor.neuron}.
 *
 * <p>Depends on the actor engine's root ({@code engine.actor}), {@code model}, {@code data},
 * {@code kernel}, {@code exact} (per-epoch exact log-likelihood), {@code learn} and {@code io};
 * never on another engine (the batched engine, the neuron actors, {@code engine.reference}), on
 * {@code evaluate}, {@code hopfield}, {@code bench} or {@code cli}.
 */
package io.glauber.engine.actor.layer;
