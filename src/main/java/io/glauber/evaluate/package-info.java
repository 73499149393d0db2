/**
 * Evaluation of RBMs on data: exact log-likelihood (through {@code exact}), annealed importance
 * sampling of log Z ({@link io.glauber.evaluate.Ais}, Salakhutdinov &amp; Murray 2008),
 * pseudo-log-likelihood over all units, reconstruction error, the free-energy gap between training
 * and held-out rows (Hinton 2010), and the features-for-a-classifier experiment
 * ({@link io.glauber.evaluate.FeaturesAccuracy}, softmax regression by Adam), and the singular values
 * and modes of W ({@link io.glauber.evaluate.WeightSpectrum}, W = UΣVᵀ by EJML), and classification
 * by clamping with a joint RBM of features and label units ({@link io.glauber.evaluate.LabelClassification}:
 * clamped Gibbs sampling, the exact p(y | x) from free energies, the softmax-regression baseline)
 * or with a general Boltzmann machine ({@link io.glauber.evaluate.BmLabelClassification}: clamped
 * heat-bath sweeps through the kernel).
 * {@link io.glauber.evaluate.Evaluation} names them for the command line, beside the exact
 * log-likelihood of a general Boltzmann machine; {@link io.glauber.evaluate.TrainingCurves} draws
 * them against the epoch.
 *
 * <p>The free energy over a batch and the reconstruction error are the kernel's
 * ({@link io.glauber.kernel.RbmKernel#freeEnergySum},
 * {@link io.glauber.kernel.BatchGibbs#squaredReconstructionError}); this package averages them.
 *
 * <p>May depend on {@code model}, {@code data}, {@code kernel}, {@code exact}, {@code learn} and
 * {@code io} (the curves' charts), as ArchitectureTest enforces; never on an engine, {@code hopfield},
 * {@code bench} or {@code cli}: engines take evaluation as a function.
 */
package io.glauber.evaluate;
