/**
 * The modern Hopfield memories on actors, in Krotov and Hopfield's (2020) two-layer form: one actor
 * per hidden memory neuron (owning its stored pattern) and a feature-layer actor for the feature
 * neurons, which coordinates the steps.
 *
 * <p>Softmax: {@link io.glauber.engine.actor.memory.MemoryUnit} and
 * {@link io.glauber.engine.actor.memory.FeatureLayer}; a step is the synchronous update
 * ξ ← Xᵀ softmax(β X ξ), computed from the pieces of {@link io.glauber.model.SoftmaxMemory} in the
 * same order as its {@code update}, so the actor form agrees with it to the last bit.
 *
 * <p>Dense kinds, E = −Σ_μ F(ξ^μ·σ) with F = xⁿ or e^{βx} ({@link io.glauber.model.Interaction}):
 * {@link io.glauber.engine.actor.memory.DenseMemoryUnit} (keeps its current h_μ = ξ^μ·σ from the
 * flips it is told, answers the two candidate currents of the unit being updated) and
 * {@link io.glauber.engine.actor.memory.DenseFeatureLayer} (forms the gap, applies the Glauber rule,
 * one unit after another): single-flip dynamics, to the last bit as
 * {@code hopfield.DenseAssociativeMemory}.
 *
 * <p>{@link io.glauber.engine.actor.memory.MemoryRecall} runs probes through one network of either.
 *
 * <p>Dependencies (ArchitectureTest, its own layer): the {@code engine.actor} root
 * ({@link io.glauber.engine.actor.ActorConfig}, {@link io.glauber.engine.actor.JsonMessage}),
 * {@code model}, {@code data}, {@code kernel}, {@code exact}, {@code learn}, {@code io}; never the
 * other actor packages ({@code neuron}, {@code layer}, {@code patch}) or another engine. Only
 * {@code hopfield} and {@code bench} use it.
 */
package io.glauber.engine.actor.memory;
