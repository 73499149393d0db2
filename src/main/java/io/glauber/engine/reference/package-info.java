/**
 * The reference sampler: a plain single-chain sequential Gibbs sampler written for clarity, the
 * baseline that tests hold the engines to.
 *
 * <p>Depends on {@code model} only.
 */
package io.glauber.engine.reference;
