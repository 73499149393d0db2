package io.glauber.cli;

import com.typesafe.config.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code glauber train --config FILE [--set key=value]... [--out DIR]}. */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = {"Train a model from a HOCON configuration (see config/).",
        "Writes metrics.jsonl, model.npz and pictures into the output directory."})
final class TrainCommand implements Callable<Integer> {
  @Option(names = "--config", required = true, paramLabel = "FILE", description = "Experiment configuration, e.g. config/rbm-bas.conf.")
  Path config;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a configuration key (repeatable).")
  List<String> overrides = new ArrayList<>();

  @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: runs/<config name>-<date>-<time>).")
  Path out;

  @Option(names = "--engine", description = "Override the configuration's engine: batch or actor.")
  String engine;

  @Option(names = "--force", description = "Replace existing outputs.")
  boolean force;

  /** Jobs by "model-type/engine". */
  private static final Map<String, TrainJob> JOBS = Map.of(
      "rbm/batch", new RbmBatchJob(),
      "rbm/actor", new RbmActorJob());

  @Override
  public Integer call() throws Exception {
    List<String> sets = new ArrayList<>(overrides);
    if (engine != null) sets.add("engine=" + engine);
    Config c = Configs.load(config, sets);
    String name = Configs.get(c, "name", Config::getString, config.getFileName().toString().replaceFirst("\\.conf$", ""));
    Path dir = out != null ? out
        : Path.of("runs", name + "-" + java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    if (!c.hasPath("model.type") && c.hasPath("hopfield")) {
      prepare(dir, force);
      new HopfieldJob().run(c, dir, force);
      return 0;
    }
    String type = Configs.get(c, "model.type", Config::getString);
    String eng = Configs.get(c, "engine", Config::getString, "batch");
    TrainJob job = JOBS.get(type + "/" + eng);
    if (job == null) {
      throw new IllegalArgumentException("config: no trainer for model.type = " + type + " on engine " + eng
          + " (available: " + String.join(", ", new java.util.TreeSet<>(JOBS.keySet())) + ")");
    }
    prepare(dir, force);
    job.run(c, dir, force);
    return 0;
  }

  /** Creates the output directory; a non-empty one is only reused with --force. */
  static void prepare(Path dir, boolean force) throws java.io.IOException {
    if (Files.exists(dir) && !Files.isDirectory(dir)) throw new IllegalArgumentException(dir + ": exists and is not a directory");
    if (Files.isDirectory(dir) && !force) {
      try (var s = Files.list(dir)) {
        if (s.findAny().isPresent()) throw new IllegalArgumentException(dir + ": output directory is not empty; use --force to overwrite or --out for another");
      }
    }
    Files.createDirectories(dir);
  }
}
