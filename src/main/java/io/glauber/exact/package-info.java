/**
 * Exact answers by enumeration: partition functions, distributions, marginals, correlations and
 * log-likelihoods of small models, the ground truth every sampler is tested against.
 *
 * <p>Depends on {@code model} and {@code learn} (its statistics record) only.
 */
package io.glauber.exact;
