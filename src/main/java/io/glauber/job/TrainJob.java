package io.glauber.job;

import com.typesafe.config.Config;
import java.nio.file.Path;

/** One kind of training run, chosen by the configuration's {@code model.type} and {@code engine}. */
public interface TrainJob {
  /**
   * Runs the job described by {@code config}, writing its outputs into {@code out}. A job reads and
   * validates all its settings before its first write, so that a bad one leaves nothing behind
   * ({@link TrainRun} removes an output directory left holding only the saved configuration).
   *
   * @param force whether existing outputs may be replaced
   * @param resume whether to continue from the checkpoints in {@code out} (jobs without
   *     checkpoints refuse)
   */
  void run(Config config, Path out, boolean force, boolean resume) throws Exception;

  /** Whether the job prints one JSON object with {@code --json} (the others refuse it). */
  default boolean printsJson() {
    return false;
  }

  /** For jobs without checkpoints: {@code --resume} is an error. */
  static void refuseResume(boolean resume) {
    if (resume) throw new IllegalArgumentException("--resume: this job keeps no checkpoints (the batched RBM trainer does)");
  }
}
