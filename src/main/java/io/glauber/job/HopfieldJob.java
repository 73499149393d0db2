package io.glauber.job;

import com.typesafe.config.Config;
import io.glauber.bench.HopfieldExperiments;
import io.glauber.io.Json;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Hopfield configurations: runs every {@code hopfield.*} block a file holds ({@link HopfieldExperiments})
 * and, with {@code --json}, prints one JSON object (each block's summary by block name) instead of text.
 */
final class HopfieldJob implements TrainJob {
  private final boolean json;

  HopfieldJob(boolean json) {
    this.json = json;
  }

  @Override
  public boolean printsJson() {
    return true;
  }

  @Override
  public void run(Config c, Path out, boolean force, boolean resume) throws Exception {
    TrainJob.refuseResume(resume);
    HopfieldExperiments.Settings s = HopfieldExperiments.Settings.from(c.getConfig("hopfield"));
    var summary = HopfieldExperiments.run(s, out, force, json ? new PrintStream(OutputStream.nullOutputStream()) : System.out);
    if (json) System.out.println(Json.toLine(summary));
  }
}
