package io.glauber.model;

/** Any model this project describes: a general Boltzmann machine (incl. Hopfield) or an RBM. */
public sealed interface Model permits BoltzmannMachine, Rbm {

  /** Number of visible units. */
  int nVisible();

  /** The sampling temperature T. */
  double temperature();
}
