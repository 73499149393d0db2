/**
 * Evaluation of RBMs on data: exact log-likelihood (through {@code exact}), annealed importance
 * sampling of log Z ({@link io.glauber.evaluate.Ais}, Salakhutdinov &amp; Murray 2008),
 * pseudo-log-likelihood over all units, reconstruction error, the free-energy gap between training
 * and held-out rows (Hinton 2010), and the features-for-a-classifier experiment
 * ({@link io.glauber.evaluate.FeaturesAccuracy}, softmax regression by Adam).
 * {@link io.glauber.evaluate.Evaluation} names them for the command line.
 *
 * <p>Depends on {@code model}, {@code kernel}, {@code exact} and {@code data}; never on an engine.
 */
package io.glauber.evaluate;
