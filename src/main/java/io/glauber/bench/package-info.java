/**
 * Benchmarks and experiment harnesses: what {@code bin/glauber bench} runs, the Hopfield
 * experiments that {@code bin/glauber train} runs from {@code config/hopfield-*.conf}, and the
 * asynchrony study (run by its {@code main}). The benchmarks return their results as JSON-ready
 * maps for the command line to print; the experiments return records, and write their CSV files
 * and plots when asked.
 *
 * <ul>
 *   <li>Engine benchmarks: {@link io.glauber.bench.RbmBench} (batched RBM training beside the sgemm
 *       bound and the Python peers), {@link io.glauber.bench.LayerBench} (layer actors against their
 *       actor-free twin and the batched engine, each in JVMs of its own), {@link
 *       io.glauber.bench.ActorBench} (neuron actors on an Ising lattice against a ping-pong ceiling),
 *       {@link io.glauber.bench.ClusterBench} (the same lattice in one JVM and over cluster members),
 *       {@link io.glauber.bench.HopfieldBenchmark} (batched Hopfield recall).
 *   <li>Experiments: {@link io.glauber.bench.CapacityExperiment} and {@link
 *       io.glauber.bench.CapacityPlot}, {@link io.glauber.bench.DenseCapacityExperiment}, {@link
 *       io.glauber.bench.RandomRecallExperiment}, {@link io.glauber.bench.SpuriousStatesExperiment}
 *       (Hopfield storage and recall), {@link io.glauber.bench.ThermodynamicsExperiment} (Hopfield
 *       m(T), retrieval boundary and mixtures against mean field), {@link
 *       io.glauber.bench.ModernMemoryExperiment} (a modern memory stored and checked) and {@link
 *       io.glauber.bench.ModernCapacityExperiment} (capacity against N of the modern memories), all
 *       run block by block by {@link io.glauber.bench.HopfieldExperiments}; {@link
 *       io.glauber.bench.AsynchronyStudy} (what asynchrony does to the actors' sampling: {@code study
 *       asynchrony}), {@link io.glauber.bench.CoupledTrajectories} (an asynchronous chain against a
 *       sequential one driven by the same random numbers), {@link
 *       io.glauber.bench.ClassificationExperiment} (classification by clamping with a joint RBM of
 *       images and labels, run by {@code train} for {@code model.type = rbm-labels}), {@link
 *       io.glauber.bench.BmClassificationExperiment} (the same with a general Boltzmann machine,
 *       {@code model.type = bm-labels}) and {@link io.glauber.bench.ConditionalPictures} (the
 *       conditional-generation grids on either engine: {@code sample --pictures}).
 *   <li>{@link io.glauber.bench.jmh}: JMH benchmarks of the kernels.
 * </ul>
 *
 * <p>Figures and the history of how they were measured belong in docs/BENCHMARKS*.md, not here:
 * the javadoc says what a benchmark measures and why it measures it that way.
 *
 * <p>May depend on every package of ours but {@code cli}; only {@code cli} depends on it.
 */
package io.glauber.bench;
