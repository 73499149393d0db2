/**
 * Statistics, the learning rule and the one step of RBM learning: the interface between sampling
 * and learning.
 *
 * <p>Whatever the engine, a phase produces a {@link io.glauber.model.Statistics} of first and
 * second moments (or, for RBMs, the stacked rows of {@link io.glauber.learn.StackedGradient}, the
 * one home of the gradient statistics); {@link io.glauber.learn.Learner} turns clamped minus free
 * moments into a parameter change under a {@link io.glauber.learn.LearningRule}, scheduled per epoch
 * by {@link io.glauber.learn.RuleSchedule}. Nothing else in the project computes a weight change.
 *
 * <p>{@link io.glauber.learn.NegativePhase} is one step of RBM learning, from a start (mini-batch,
 * parameters, chains) to a result (statistics, chains), with CD-k
 * ({@link io.glauber.learn.ContrastiveDivergence}), PCD-k
 * ({@link io.glauber.learn.PersistentContrastiveDivergence}) and parallel tempering
 * ({@link io.glauber.learn.ParallelTempering}) as its implementations, over the kernel's block
 * conditionals ({@link io.glauber.learn.HalfSteps}); the batched engine and the layer actors'
 * actor-free twin both call it, and the layer actors' supervisor uses its statistics and chain rule.
 * {@link io.glauber.learn.Initialisation} is the one home of Hinton's starting RBM.
 *
 * <p>The two-phase algorithm of Ackley, Hinton and Sejnowski (1985) for Boltzmann machines with
 * hidden units (seed 003, "Training the Boltzmann Machine") has one home here, whatever the engine:
 * {@link io.glauber.learn.TwoPhaseSettings} (annealing schedule, measurement window, restarted or
 * persistent free chains, {@link io.glauber.learn.NoisyClamping}, the {@link io.glauber.learn.Update}
 * kind — ηβ(p⁺ − p⁻) or the paper's ±η — and the chains per phase), the interface an engine
 * implements to measure the two phases ({@link io.glauber.learn.PhaseSampler}), and the learning
 * loop that applies the shared {@link io.glauber.learn.Learner} to them
 * ({@link io.glauber.learn.TwoPhaseLearning}); {@link io.glauber.learn.StartingMachine} reads the
 * starting machine and its {@link io.glauber.model.Topology} from a configuration.
 *
 * <p>Depends on {@code model} and {@code kernel} only (and reads HOCON through Typesafe Config);
 * never on {@code data}, {@code io}, {@code exact}, an engine, {@code evaluate} or anything above.
 */
package io.glauber.learn;
