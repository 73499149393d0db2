/**
 * The batched engine: RBM training ({@link io.glauber.engine.batch.RbmTrainer}: CD-k, PCD-k,
 * parallel tempering as {@code learn}'s {@link io.glauber.learn.NegativePhase} steps; schedules;
 * checkpoints and resume through {@link io.glauber.engine.batch.TrainingCheckpoint}) and sampling
 * ({@link io.glauber.engine.batch.RbmSampler}: burn-in, thinning, temperature, clamping;
 * {@link io.glauber.engine.batch.BoltzmannSampler} for general Boltzmann machines;
 * {@link io.glauber.engine.batch.ConditionalSamples}: the pictures of a joint RBM with label units,
 * samples per label and image completions), over many
 * chains at once with the block arithmetic of {@code kernel}. Data parallelism: a training step
 * splits into shards ({@link io.glauber.engine.batch.ShardSpec}: rows of the mini-batch and a
 * share of the chains, every row on the random stream of its key), each computed by a
 * {@link io.glauber.engine.batch.ShardWorker}; a {@link io.glauber.engine.batch.StepStatistics}
 * sums them ({@link io.glauber.engine.batch.LocalShards} in this process; the cluster transport is
 * {@code engine.batch.cluster}, which this package never uses). Statistics go to the shared
 * {@code learn.Learner}; nothing here computes a weight change. Configuration:
 * {@link io.glauber.engine.batch.TrainConfig} (HOCON).
 *
 * <p>References: Hinton, "Training products of experts by minimizing contrastive divergence" (2002);
 * Tieleman, "Training restricted Boltzmann machines using approximations to the likelihood
 * gradient" (ICML 2008); Desjardins et al., "Tempered Markov chain Monte Carlo for training of
 * restricted Boltzmann machines" (AISTATS 2010); Fischer &amp; Igel, "An introduction to restricted
 * Boltzmann machines" (2012); Hinton, "A practical guide to training restricted Boltzmann machines"
 * (UTML TR 2010-003).
 *
 * <p>Depends on {@code model}, {@code data}, {@code kernel}, {@code exact}, {@code learn} and
 * {@code io}; never on another engine (the actor engine and its parts, {@code engine.reference}),
 * on {@code evaluate} (per-epoch evaluation is passed in as a function), {@code hopfield},
 * {@code bench} or {@code cli}.
 */
package io.glauber.engine.batch;
