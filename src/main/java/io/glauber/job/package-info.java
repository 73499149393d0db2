/**
 * What a command runs, without the command line: the training jobs of {@code glauber train}
 * ({@link io.glauber.job.TrainRun} picks a {@link io.glauber.job.TrainJob} by the configuration's
 * {@code model.type} and {@code engine}), the samplers of {@code glauber sample}
 * ({@link io.glauber.job.Samplers}), HOCON configurations with {@code --set} overrides
 * ({@link io.glauber.job.Configs}) and the progress bar. Each job reads and validates its settings
 * before its first write.
 *
 * <p>Just below {@code cli} in the dependency picture, as ArchitectureTest enforces: it may use
 * every package but {@code cli} (it is where the engines meet, so that {@code cli} only parses,
 * validates and prints), and only {@code cli} uses it.
 */
package io.glauber.job;
