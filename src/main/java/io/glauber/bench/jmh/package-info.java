/**
 * JMH benchmarks of the kernels both engines spend their time in: the sgemm products of a CD/PCD
 * step ({@link io.glauber.bench.jmh.BlasBenchmark}), the batched engine's fused half-steps
 * ({@link io.glauber.bench.jmh.BatchGibbsBenchmark}), the σ, softplus and Bernoulli kernels
 * ({@link io.glauber.bench.jmh.ElementwiseBenchmark}) and one Glauber update as a neuron makes it
 * ({@link io.glauber.bench.jmh.GlauberBenchmark}). In the style of EJML's benchmarks: sizes as
 * {@code @Param}, a seeded setup, outputs allocated before the timed part, one method per kernel;
 * the state is per thread, so that JMH's {@code -t} runs independent copies.
 * {@link io.glauber.bench.jmh.KernelBenchmarks} runs them ({@code bin/glauber bench jmh}); JMH's
 * annotation processor generates the harness into {@code jmh_generated} and lists the benchmarks in
 * the jar's {@code META-INF/BenchmarkList}.
 *
 * <p>Part of {@code bench}: may depend on every package of ours but {@code cli}.
 */
package io.glauber.bench.jmh;
