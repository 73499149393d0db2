/**
 * The softmax (modern) Hopfield memory on actors, in Krotov and Hopfield's (2020) two-layer form:
 * one {@link io.glauber.engine.actor.memory.MemoryUnit} actor per hidden memory neuron (owning its
 * stored pattern x_μ) and a {@link io.glauber.engine.actor.memory.FeatureLayer} actor for the feature
 * neurons, which coordinates the steps. A step is the synchronous update ξ ← Xᵀ softmax(β X ξ),
 * computed from the pieces of {@link io.glauber.model.SoftmaxMemory} in the same order as its
 * {@code update}, so the actor form agrees with it to the last bit.
 * {@link io.glauber.engine.actor.memory.MemoryRecall} runs probes through one network.
 *
 * <p>Dependencies (ArchitectureTest, its own layer): the {@code engine.actor} root
 * ({@link io.glauber.engine.actor.ActorConfig}, {@link io.glauber.engine.actor.JsonMessage}),
 * {@code model}, {@code data}, {@code kernel}, {@code exact}, {@code learn}, {@code io}; never the
 * other actor packages ({@code neuron}, {@code layer}, {@code patch}) or another engine. Only
 * {@code hopfield} and {@code bench} use it.
 */
package io.glauber.engine.actor.memory;
