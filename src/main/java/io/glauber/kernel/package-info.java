/**
 * Block arithmetic over batches, shared by both engines: layer conditionals, Bernoulli sampling
 * and the large products, in float32 through the BLAS backend of {@link io.glauber.kernel.Blas}.
 *
 * <p>Every kernel computes a formula whose one home is in {@code model} (e.g. the RBM conditionals
 * of {@link io.glauber.model.Rbm}); kernels are tested against those reference methods.
 *
 * <p>Depends on {@code model} only.
 */
package io.glauber.kernel;
