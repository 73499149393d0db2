/**
 * Immutable descriptions of energy-based networks and the one home of their formulas.
 *
 * <p>Holds the unit conventions ({@link io.glauber.model.Units}), the Glauber conditional
 * ({@link io.glauber.model.Glauber}), the general Boltzmann machine with dense or sparse symmetric
 * couplings ({@link io.glauber.model.BoltzmannMachine}), the restricted Boltzmann machine
 * ({@link io.glauber.model.Rbm}) and annealing schedules. Energy, local field, conditional
 * probabilities and the RBM free energy are computed here and nowhere else.
 *
 * <p>Depends on nothing of ours.
 */
package io.glauber.model;
