/**
 * Immutable descriptions of energy-based networks and the one home of their formulas.
 *
 * <p>Holds the unit conventions ({@link io.glauber.model.Units}), the Glauber conditional
 * ({@link io.glauber.model.Glauber}), the general Boltzmann machine with dense or sparse symmetric
 * couplings ({@link io.glauber.model.BoltzmannMachine}), the restricted Boltzmann machine
 * ({@link io.glauber.model.Rbm}), annealing schedules and {@link io.glauber.model.Topology}, the
 * graph of a machine as groups of units and the group pairs that are coupled. Energy, local field, conditional
 * probabilities and the RBM free energy are defined here; the kernel's block forms over batches are
 * tested against them. {@link io.glauber.model.Clamp} holds visible units fixed and turns a model
 * into the smaller one of its free units (conditional generation and classification by clamping). {@link io.glauber.model.Gaussian} is the one home of the Box–Muller draw.
 *
 * <p>Depends on nothing of ours (it is at the ground with {@code data}, which it does not use).
 */
package io.glauber.model;
