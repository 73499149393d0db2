/**
 * Statistics and the learning rule: the interface between sampling and learning.
 *
 * <p>Whatever the engine, a phase produces a {@link io.glauber.model.Statistics} of first and
 * second moments; {@link io.glauber.learn.Learner} turns clamped minus free moments into a
 * parameter change. Nothing else in the project computes a weight change.
 *
 * <p>Depends on {@code model} only.
 */
package io.glauber.learn;
