package io.glauber.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import io.glauber.bench.BmClassificationExperiment;
import io.glauber.bench.ClassificationExperiment;
import io.glauber.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

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
  @Mixin ClusterOptions cluster;
  @Option(names = "--json", description = "Print the result as one JSON object (encoder experiments; Hopfield configurations: measured and theoretical values).")
  boolean json;

  @Spec CommandSpec spec;

  /** Jobs by "model-type/engine". */
  private static final Map<String, TrainJob> JOBS = Map.of(
      "rbm/batch", new RbmBatchJob(),
      "rbm/actor", new RbmActorJob(), "rbm-labels/batch", ClassificationExperiment::run, "bm-labels/batch", BmClassificationExperiment::run,
      "bm/actor", new TwoPhaseJob(false),
      "bm-local/actor", new BmActorJob(),
      "bm/batch", new TwoPhaseJob(false),
      "bm-encoder/batch", new TwoPhaseJob(true),
      "bm-encoder/actor", new TwoPhaseJob(true),
      "bm-encoder/probes", new TwoPhaseJob(true));

  /** The jobs that take --join: data-parallel batched RBMs, RBMs on layer actors and two-phase BMs on neuron actors placed over the members. */
  private static final List<String> CLUSTER_JOBS = List.of("rbm/batch", "rbm/actor", "bm/actor", "bm-encoder/actor");

  @Override
  public Integer call() throws Exception {
    if ((config == null) == (resume == null)) throw new ParameterException(spec.commandLine(), "give either --config FILE or --resume DIR");
    List<String> sets = new ArrayList<>(overrides);
    if (engine != null) sets.add("engine=" + engine);
    if (json) sets.add("json=true");
    if (cluster.on()) sets.addAll(List.of("cluster.join=" + cluster.join, "cluster.members=" + cluster.members()));
    if (resume != null) {
      Path saved = resume.resolve("config.conf");
      if (!Files.exists(saved)) throw new IllegalArgumentException(resume + ": not a run directory (" + saved + " missing)");
      Config c = Configs.load(saved, sets);
      job(c).run(c, resume, true, true);
      return 0;
    }
    Config c = Configs.load(config, sets);
    String name = Configs.get(c, "name", Config::getString, config.getFileName().toString().replaceFirst("\\.conf$", ""));
    Path dir = out != null ? out : Path.of("runs", name + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    boolean hopfield = !c.hasPath("model.type") && c.hasPath("hopfield");
    if (hopfield) cluster.refuse("a Hopfield configuration");
    TrainJob job = hopfield ? new HopfieldJob(json) : job(c);
    if (json && !job.printsJson()) throw new IllegalArgumentException("--json: only the encoder experiments and Hopfield configurations print a JSON summary (the others write metrics.jsonl)");
    boolean existed = AtomicFiles.createDirectory(dir, force);
    if (!hopfield) saveConfig(c, dir.resolve("config.conf"));
    try {
      job.run(c, dir, force, false);
    } catch (Exception | Error e) {
      removeIfUnused(dir, existed);
      throw e;
    }
    return 0;
  }

  /** The job of the configuration's "model-type/engine"; an error when there is none. */
  private static TrainJob job(Config c) {
    String type = Configs.get(c, "model.type", Config::getString);
    String engine = Configs.get(c, "engine", Config::getString, "batch");
    TrainJob job = JOBS.get(type + "/" + engine);
    if (job == null) {
      throw new IllegalArgumentException("config: no trainer for model.type = " + type + " on engine " + engine
          + " (available: " + String.join(", ", new TreeSet<>(JOBS.keySet())) + ")");
    }
    if (c.hasPath("cluster.join") && !CLUSTER_JOBS.contains(type + "/" + engine)) {
      throw new IllegalArgumentException("--join with model.type = " + type + " on engine " + engine + " (cluster training runs " + CLUSTER_JOBS + ")");
    }
    return job;
  }

  /** The resolved configuration of a run, kept beside its outputs so that --resume can continue it. */
  private static void saveConfig(Config c, Path file) {
    String text = c.root().render(ConfigRenderOptions.defaults().setOriginComments(false).setJson(false));
    AtomicFiles.write(file, true, stream -> stream.write(text.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * After a failed job: an output directory that holds nothing but the saved configuration means the
   * job stopped at its settings, before writing anything, so nothing of the run is left behind.
   */
  private static void removeIfUnused(Path dir, boolean existed) {
    try (var files = Files.list(dir)) {
      if (files.anyMatch(f -> !f.getFileName().toString().equals("config.conf"))) return;
      Files.deleteIfExists(dir.resolve("config.conf"));
      if (!existed) Files.delete(dir);
    } catch (IOException e) {
      // best effort: the job's own error is the one to report
    }
  }
}
