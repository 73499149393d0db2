package io.glauber.engine.batch;

import java.nio.file.Path;

/**
 * A training run with checkpoints, started in its own JVM by {@link CheckpointTest} so that it can
 * be killed with SIGKILL. Arguments: the checkpoint directory.
 */
public final class CheckpointedRun {
  private CheckpointedRun() {}

  static final String CONFIG = "seed = 3, model.hidden = 32, train { method = pcd, k = 1, epochs = 60, batch-size = 20,"
      + " chains = 50, learning-rate = 0.05, momentum.switch-epoch = 3, sparsity { target = 0.1, cost = 0.01 },"
      + " checkpoint-every = 40, monitor-rows = 0 }";
  static final int ROWS = 1000, COLS = 64;

  static float[] data() {
    io.glauber.kernel.Rng r = new io.glauber.kernel.Rng(17);
    float[] x = new float[ROWS * COLS];
    for (int n = 0; n < ROWS; n++) {
      int proto = n % 4;
      for (int i = 0; i < COLS; i++) x[n * COLS + i] = ((i / 16 == proto) ^ (r.nextDouble() < 0.1)) ? 1f : 0f;
    }
    return x;
  }

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    try (RbmTrainer t = RbmTrainer.resumeOrStart(TrainConfig.parse(CONFIG), data(), ROWS, COLS, dir, System.err::println)) {
      t.train((e, m) -> System.out.println("epoch " + e + " step " + m.get("step")), dir);
    }
  }
}
