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
  @Option(names = "--config", paramLabel = "FILE", description = "Experiment configuration, e.g. config/rbm-bas.conf.")
  Path config;

  @Option(names = "--resume", paramLabel = "DIR", description = "Continue an interrupted run from its last good checkpoint (its config.conf and checkpoints/).")
  Path resume;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a configuration key (repeatable).")
  List<String> overrides = new ArrayList<>();

  @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: runs/<config name>-<date>-<time>).")
  Path out;

  @Option(names = "--engine", description = "Override the configuration's engine: batch or actor.")
  String engine;

  @Option(names = "--force", description = "Replace existing outputs.")
  boolean force;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  /** Jobs by "model-type/engine". */
  private static final Map<String, TrainJob> JOBS = Map.of(
      "rbm/batch", new RbmBatchJob(),
      "rbm/actor", new RbmActorJob(),
      "bm/actor", new BmActorJob());

  @Override
  public Integer call() throws Exception {
    if ((config == null) == (resume == null)) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give either --config FILE or --resume DIR");
    }
    List<String> sets = new ArrayList<>(overrides);
    if (engine != null) sets.add("engine=" + engine);
    if (resume != null) {
      Path saved = resume.resolve("config.conf");
      if (!Files.exists(saved)) throw new IllegalArgumentException(resume + ": not a run directory (" + saved + " missing)");
      Config c = Configs.load(saved, sets);
      JOBS.get(job(c)).run(c, resume, true, true);
      return 0;
    }
    Config c = Configs.load(config, sets);
    String name = Configs.get(c, "name", Config::getString, config.getFileName().toString().replaceFirst("\\.conf$", ""));
    Path dir = out != null ? out
        : Path.of("runs", name + "-" + java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    if (!c.hasPath("model.type") && c.hasPath("hopfield")) {
      prepare(dir, force);
      new HopfieldJob().run(c, dir, force, false);
      return 0;
    }
    TrainJob job = JOBS.get(job(c));
    prepare(dir, force);
    saveConfig(c, dir.resolve("config.conf"));
    job.run(c, dir, force, false);
    return 0;
  }

  /** The key "model-type/engine" of the job a configuration asks for; an error when there is none. */
  private static String job(Config c) {
    String type = Configs.get(c, "model.type", Config::getString);
    String eng = Configs.get(c, "engine", Config::getString, "batch");
    String key = type + "/" + eng;
    if (!JOBS.containsKey(key)) {
      throw new IllegalArgumentException("config: no trainer for model.type = " + type + " on engine " + eng
          + " (available: " + String.join(", ", new java.util.TreeSet<>(JOBS.keySet())) + ")");
    }
    return key;
  }

  /** The resolved configuration of a run, kept beside its outputs so that --resume can continue it. */
  private static void saveConfig(Config c, Path file) {
    String text = c.root().render(com.typesafe.config.ConfigRenderOptions.defaults().setOriginComments(false).setJson(false));
    io.glauber.io.AtomicFiles.write(file, true, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
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
