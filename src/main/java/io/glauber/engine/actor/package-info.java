/**
 * The actor engine's shared root: Glauber dynamics on Akka Typed, each neuron ({@code neuron}) or
 * each layer ({@code layer}) an actor that updates itself from the state messages of its
 * neighbours. This package holds what both parts use: the granularity ({@link
 * io.glauber.engine.actor.Granularity}: neuron, patch or layer actors) and the partition of a
 * network into patches ({@link io.glauber.engine.actor.Partition}); the scheduling knobs ({@link
 * io.glauber.engine.actor.Mode}, {@link io.glauber.engine.actor.Dynamics}, and {@link
 * io.glauber.engine.actor.Timing}: the shapes of message delays and update clocks, for any kind
 * of actor); the configuration
 * ({@code glauber-actor.conf}, {@link io.glauber.engine.actor.ActorConfig}, whose
 * {@code neuronProps(Dynamics)} give neuron actors their dispatcher — a thread pool, or an
 * affinity pool for free-running dynamics with {@link io.glauber.engine.actor.Placement} — and the
 * allocation-free {@link io.glauber.engine.actor.RingMailbox}); and what serialisation shares:
 * {@link io.glauber.engine.actor.JsonMessage} (bound to Jackson CBOR) and {@link
 * io.glauber.engine.actor.CompactSerializer}, the base of each part's own compact serializer
 * ({@code neuron.NeuronSerializer}, {@code layer.LayerSerializer}). Bindings are in
 * {@code glauber-serialization.conf}; Java serialization is off.
 *
 * <p>Dependencies (enforced by {@code ArchitectureTest}): this package may use {@code model},
 * {@code data}, {@code kernel}, {@code exact}, {@code learn} and {@code io}, and nothing else of
 * ours — never its two parts {@code engine.actor.neuron} and {@code engine.actor.layer} (they use
 * it, so it cannot use them without a cycle), never another engine ({@code engine.batch},
 * {@code engine.reference}), {@code evaluate}, {@code hopfield}, {@code bench} or {@code cli}.
 * See docs/ACTORS.md.
 */
package io.glauber.engine.actor;
