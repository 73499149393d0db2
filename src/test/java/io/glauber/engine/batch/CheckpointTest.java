package io.glauber.engine.batch;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {
  @TempDir Path dir;

  private static TrainConfig config() {
    return TrainConfig.parse(CheckpointedRun.CONFIG);
  }

  /**
   * The best-evaluated model is the one of the epoch with the highest metric (epochs without it do
   * not count), each epoch reports it, and a checkpoint carries it to a resumed trainer.
   */
  @Test
  void theBestEvaluatedModelIsKeptWithItsEpochAndSurvivesACheckpoint() {
    float[] data = CheckpointedRun.data();
    TrainConfig cfg = TrainConfig.parse(CheckpointedRun.CONFIG + ", train { epochs = 6, checkpoint-every = 0 }");
    // a made-up metric, evaluated every other epoch, highest at epoch 4
    double[] score = {Double.NaN, 1, Double.NaN, 2, Double.NaN, 1.5};
    List<Object> reported = new ArrayList<>();
    Path ckpt = dir.resolve("best");
    io.glauber.model.Rbm atFour;
    try (RbmTrainer t = new RbmTrainer(cfg, data, CheckpointedRun.ROWS, CheckpointedRun.COLS)) {
      t.withEpochMetrics(rbm -> Double.isNaN(score[t.epoch() - 1]) ? java.util.Map.of() : java.util.Map.of("score", score[t.epoch() - 1]))
          .keepingBest("score");
      io.glauber.model.Rbm[] models = new io.glauber.model.Rbm[6];
      t.train((epoch, m) -> {
        models[epoch - 1] = t.rbm();
        reported.add(m.get("best_epoch"));
      }, ckpt);
      atFour = models[3];
      RbmTrainer.Best best = t.best().orElseThrow();
      assertEquals(4, best.epoch());
      assertEquals(2.0, best.value());
      assertEquals(atFour, best.model());
    }
    assertEquals(java.util.Arrays.asList(null, 2, null, 4, null, 4), reported, "best_epoch on the evaluated epochs");
    try (RbmTrainer resumed = RbmTrainer.resumeOrStart(cfg, data, CheckpointedRun.ROWS, CheckpointedRun.COLS, ckpt, p -> fail(p))) {
      assertEquals(6, resumed.epoch());
      assertEquals(new RbmTrainer.Best(4, 2.0, atFour), resumed.best().orElseThrow());
    }
  }

  @Test
  void killedRunResumesToTheSameModelAsAnUninterruptedRun() throws Exception {
    float[] data = CheckpointedRun.data();
    TrainConfig cfg = config();
    Path ckpt = dir.resolve("ckpt");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "--add-modules=jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
        CheckpointedRun.class.getName(), ckpt.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (TrainingCheckpoint.list(ckpt).size() < 2 && p.isAlive() && System.nanoTime() < deadline) Thread.sleep(5);
      assertTrue(p.isAlive(), "the run ended before it could be killed: " + Files.readString(dir.resolve("child.log")));
      p.destroyForcibly(); // SIGKILL
      assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    } finally {
      p.destroyForcibly();
    }
    List<String> problems = new ArrayList<>();
    TrainingCheckpoint.State killedAt = TrainingCheckpoint.latest(ckpt, problems::add).orElseThrow();
    long total = (long) cfg.epochs() * (CheckpointedRun.ROWS / cfg.batchSize());
    assertTrue(killedAt.step() > 0 && killedAt.step() < total, "killed at step " + killedAt.step() + " of " + total);

    float[] resumedW;
    float[] resumedBias;
    try (RbmTrainer t = RbmTrainer.resumeOrStart(cfg, data, CheckpointedRun.ROWS, CheckpointedRun.COLS, ckpt, problems::add)) {
      assertEquals(killedAt.step(), t.step());
      t.train(null, ckpt);
      assertEquals(total, t.step());
      resumedW = t.snapshot().w();
      resumedBias = t.snapshot().bias();
    }
    try (RbmTrainer t = new RbmTrainer(cfg, data, CheckpointedRun.ROWS, CheckpointedRun.COLS)) {
      t.train(null);
      // same streams from (seed, step), same BLAS shapes and threads: equal up to summation order
      assertArrayEquals(t.snapshot().w(), resumedW, 1e-5f);
      assertArrayEquals(t.snapshot().bias(), resumedBias, 1e-5f);
    }
    assertTrue(problems.isEmpty(), problems.toString());
  }

  @Test
  void corruptOrTruncatedCheckpointIsReportedAndThePreviousGoodOneUsed() throws IOException {
    float[] data = CheckpointedRun.data();
    TrainConfig cfg = config();
    try (RbmTrainer t = new RbmTrainer(cfg, data, CheckpointedRun.ROWS, CheckpointedRun.COLS)) {
      for (int s = 0; s < 3; s++) {
        t.update(java.util.Arrays.copyOf(data, cfg.batchSize() * CheckpointedRun.COLS));
        t.checkpoint(dir);
      }
    }
    List<Path> files = TrainingCheckpoint.list(dir);
    assertEquals(3, files.size());
    // newest: truncated; second: one byte flipped in the payload
    try (RandomAccessFile f = new RandomAccessFile(files.get(0).toFile(), "rw")) {
      f.setLength(f.length() / 2);
    }
    try (RandomAccessFile f = new RandomAccessFile(files.get(1).toFile(), "rw")) {
      f.seek(f.length() / 2);
      int b = f.read();
      f.seek(f.length() / 2);
      f.write(b ^ 0x10);
    }
    List<String> problems = new ArrayList<>();
    TrainingCheckpoint.State s = TrainingCheckpoint.latest(dir, problems::add).orElseThrow();
    assertEquals(1, s.step());
    assertEquals(2, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("truncated"), problems.get(0));
    assertTrue(problems.get(1).contains("checksum"), problems.get(1));
  }

  @Test
  void timeBasedCheckpointsAreWrittenBetweenEpochs() throws IOException {
    float[] data = CheckpointedRun.data();
    // 1e-6 minutes = 60 µs: every step is past due, so a checkpoint follows every step
    TrainConfig cfg = TrainConfig.parse(CheckpointedRun.CONFIG + ", train { epochs = 1, checkpoint-every = 0, checkpoint-minutes = 1e-6 }");
    long steps;
    try (RbmTrainer t = new RbmTrainer(cfg, data, CheckpointedRun.ROWS, CheckpointedRun.COLS)) {
      t.train(null, dir);
      steps = t.step();
    }
    List<Path> files = TrainingCheckpoint.list(dir);
    assertEquals(TrainingCheckpoint.KEEP, files.size(), "the newest " + TrainingCheckpoint.KEEP + " are kept");
    assertEquals(steps, TrainingCheckpoint.read(files.get(0)).step());
    assertEquals(steps - 1, TrainingCheckpoint.read(files.get(1)).step(), "one checkpoint per step");
  }
}
