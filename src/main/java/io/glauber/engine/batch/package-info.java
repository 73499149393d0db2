/**
 * The batched engine: RBM training and sampling over many chains at once, with the block
 * arithmetic of {@code kernel} and the weight change of {@code learn}.
 *
 * <p>Depends on {@code model}, {@code kernel}, {@code learn} and {@code exact}; never on the actor engine.
 */
package io.glauber.engine.batch;
