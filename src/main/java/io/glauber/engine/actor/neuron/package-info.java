/**
 * Neuron actors: one actor per unit of a Boltzmann machine (dense or sparse — a 2D Ising lattice is
 * a model like any other), the {@link io.glauber.engine.actor.neuron.Network} coordinator that runs
 * one copy of the machine in exact (colour barrier) or async (Poisson clocks, delays) mode, the
 * short-lived {@link io.glauber.engine.actor.neuron.Snapshot} aggregator, the wall-clock
 * {@link io.glauber.engine.actor.neuron.Annealer}, and the
 * {@link io.glauber.engine.actor.neuron.BoltzmannSupervisor} that runs the clamped and free phases
 * of learning. The Glauber rule is {@link io.glauber.model.Glauber#update}, the learning rule
 * {@link io.glauber.learn.Learner}: called, never copied.
 */
package io.glauber.engine.actor.neuron;
