/**
 * Hopfield networks: classic associative memory and its modern (dense) descendants.
 *
 * <p>Holds the storage rules that turn ±1 patterns into a spin {@link io.glauber.model.BoltzmannMachine}
 * (Hebb, Storkey, pseudo-inverse), recall by asynchronous, synchronous, stochastic and annealed
 * Glauber dynamics on one probe ({@link io.glauber.hopfield.HopfieldRecall}) or on a block of probes
 * at once ({@link io.glauber.hopfield.HopfieldBatchRecall}), overlaps, dense associative memories
 * (F(x) = xⁿ, eˣ) and the continuous softmax (Ramsauer) network, and pattern-completion pictures.
 * A recall run from many probes on either engine, scored against the stored patterns, is
 * {@link io.glauber.hopfield.RecallRun} (the library side of {@code glauber recall}); a network and
 * its patterns as one model file is {@link io.glauber.hopfield.HopfieldModel}; the equilibrium
 * theory at temperature (m = tanh(m/T), the AGS equations, T_M(α), the mixtures' T_n) is
 * {@link io.glauber.hopfield.MeanField}. A modern memory (softmax, xⁿ or eˣ) and its patterns as one
 * file is {@link io.glauber.hopfield.ModernMemory}, recalled by {@link io.glauber.hopfield.ModernRecall}
 * (batched, or on the memory actors of {@code engine.actor.memory}); {@code glauber recall} reads
 * either kind of file as an {@link io.glauber.hopfield.AssociativeMemory}. Capacity formulas are in
 * {@link io.glauber.hopfield.CapacityTheory}; the softmax memory's formulas in
 * {@link io.glauber.model.SoftmaxMemory}. Seed 003 is the
 * specification; seed 000 gives the stochastic rule. The capacity, spurious-state and thermodynamics experiments
 * that use this package live in {@code bench}.
 *
 * <p>Every update goes through {@link io.glauber.model.Glauber}; energy and field come from
 * {@link io.glauber.model.BoltzmannMachine} or, on vectorised paths, compute the same formula and
 * are tested against it.
 *
 * <p>May depend on everything below {@code bench} and {@code cli}, as ArchitectureTest enforces:
 * {@code model}, {@code data}, {@code kernel}, {@code exact}, {@code learn}, {@code io}, the
 * engines (the actor path of a recall run uses {@code engine.actor.neuron}) and {@code evaluate};
 * only {@code bench} and {@code cli} use it. Outside the JDK it uses EJML, XChart, commons-math and
 * Typesafe Config.
 */
package io.glauber.hopfield;
