/**
 * The RBM layer-actor engine: one Akka Typed actor per layer, a supervisor that learns with CD-k
 * or PCD-k through them, and akka-stream plumbing for data, samples and metrics.
 *
 * <p>{@link io.glauber.engine.actor.layer.VisibleLayer} and
 * {@link io.glauber.engine.actor.layer.HiddenLayer} each own their bias and hold a batch of chains'
 * states; on receiving the other layer's states they update the whole layer as a block with the
 * kernel's conditionals ({@link io.glauber.kernel.RbmKernel}):
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
 * (clamped), negative (free, k sweeps), weight update — forms the differences
 * ⟨v h⟩₊ − ⟨v h⟩₋, ⟨v⟩₊ − ⟨v⟩₋, ⟨h⟩₊ − ⟨h⟩₋ with {@link io.glauber.kernel.Blas#gemm} and hands
 * them to the shared {@link io.glauber.learn.Learner}, the only place a weight change is
 * computed. {@link io.glauber.engine.actor.layer.LayerEngine} is the public entry point.
 *
 * <p>Messages are records in sealed interfaces nested in the actor that receives them; float
 * batches ({@link io.glauber.engine.actor.layer.LayerMessage.Binary}) go through this package's own
 * {@link io.glauber.engine.actor.layer.LayerSerializer} (identifier 7412, built on the root's
 * {@link io.glauber.engine.actor.CompactSerializer}), the rest through Jackson CBOR (bindings in
 * {@code glauber-serialization.conf}). The serializer, like the whole package, may use the actor
 * engine's root {@code engine.actor} but never the neuron part {@code engine.actor.neuron}.
 *
 * <p>Depends on {@code model}, {@code kernel}, {@code learn}, {@code exact} (per-epoch exact
 * log-likelihood) and {@code data}; never on another engine.
 */
package io.glauber.engine.actor.layer;
