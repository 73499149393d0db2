/**
 * Block arithmetic over batches, shared by both engines: layer conditionals, Bernoulli sampling
 * and the large products, in float32 through the BLAS backend of {@link io.glauber.kernel.Blas}.
 *
 * <p>{@link io.glauber.kernel.RbmKernel} holds the plain static layer conditionals and the RBM's
 * energies and free energies over a batch;
 * {@link io.glauber.kernel.BatchGibbs} the fast block-Gibbs passes (BLAS products, then σ and
 * Bernoulli draws split over a {@link io.glauber.kernel.Team} of two threads, nothing allocated per
 * call) and the reconstruction error; {@link io.glauber.kernel.FastMath} the float e^x, σ and softplus (Cephes polynomials,
 * Vector API lanes when {@code jdk.incubator.vector} is present); {@link io.glauber.kernel.Rng} a
 * generator whose state is one long, derived per (seed, step, stream) so that runs repeat and
 * resume exactly (its Gaussian draws are {@link io.glauber.model.Gaussian}'s);
 * {@link io.glauber.kernel.ColourGibbs} Gibbs sweeps of general Boltzmann machines over many chains
 * (colour classes in turn, each unit vectorised across chains; sparse or dense couplings; p(on)
 * looked up in a small per-temperature table for units whose fields take few values, computed by σ
 * otherwise).
 *
 * <p>Every kernel computes a formula whose one home is in {@code model} (e.g. the RBM conditionals
 * of {@link io.glauber.model.Rbm}, {@link io.glauber.model.Glauber#sigmoid}); kernels are tested
 * against those reference methods.
 *
 * <p>Depends on {@code model} only; never on {@code data}, {@code learn} or anything above.
 */
package io.glauber.kernel;
