/**
 * Hopfield networks: classic associative memory and its modern (dense) descendants.
 *
 * <p>Holds the storage rules that turn ±1 patterns into a spin {@link io.glauber.model.BoltzmannMachine}
 * (Hebb, Storkey, pseudo-inverse), recall by asynchronous, synchronous, stochastic and annealed
 * Glauber dynamics on one probe ({@link io.glauber.hopfield.HopfieldRecall}) or on a block of probes
 * at once ({@link io.glauber.hopfield.HopfieldBatchRecall}), overlaps, the capacity and spurious-state
 * experiments, dense associative memories (F(x) = xⁿ, eˣ) and the continuous softmax (Ramsauer)
 * network, and pattern-completion pictures. Seed 003 is the specification; seed 000 gives the
 * stochastic rule.
 *
 * <p>Every update goes through {@link io.glauber.model.Glauber}; energy and field come from
 * {@link io.glauber.model.BoltzmannMachine} or, on vectorised paths, compute the same formula and
 * are tested against it. Depends on {@code model}, {@code kernel} (its BLAS products) and {@code io} (atomic writes) only (and on EJML, XChart,
 * commons-math and Typesafe Config).
 */
package io.glauber.hopfield;
