package io.glauber.engine.batch;

import io.glauber.model.Rbm;
import java.nio.file.Path;
import java.util.Map;

/**
 * A training run that the command line can drive from a configuration: run epochs, report metrics
 * after each, hand out the model, and save or resume its state.
 */
public interface Trainer extends AutoCloseable {
  /** Receives the metrics of each finished epoch (keys and values ready for one JSON line). */
  @FunctionalInterface
  interface EpochListener {
    void epochDone(int epoch, Map<String, Object> metrics);
  }

  /** Runs the remaining epochs of the configuration, calling {@code listener} after each. */
  void train(EpochListener listener);

  /** The current model (a double-precision copy). */
  Rbm rbm();

  /** Epochs completed. */
  int epoch();

  /** Updates (mini-batch steps) completed. */
  long step();

  /** Writes a checkpoint into {@code dir} (atomically) and returns its path. */
  Path checkpoint(Path dir);

  @Override
  void close();
}
