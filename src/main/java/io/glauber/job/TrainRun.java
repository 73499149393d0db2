package io.glauber.job;

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
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A training run from a HOCON configuration ({@code glauber train}): picks the {@link TrainJob} of
 * the configuration's {@code model.type} and {@code engine} (or the Hopfield job for a
 * {@code hopfield} section), checks every setting it can before the output directory is made, keeps
 * the resolved configuration beside the outputs as {@code config.conf} (what {@code --resume}
 * continues from), and leaves nothing behind when the job stops before writing anything.
 */
public final class TrainRun {
  private TrainRun() {}

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

  /** The jobs that take {@code cluster.join}: data-parallel batched RBMs, RBMs on layer actors and two-phase BMs on neuron actors placed over the members. */
  private static final List<String> CLUSTER_JOBS = List.of("rbm/batch", "rbm/actor", "bm/actor", "bm-encoder/actor");

  /**
   * Runs the configuration {@code config} with {@code overrides} (key=value, HOCON) into {@code out}
   * (default runs/NAME-DATE-TIME).
   *
   * @param json whether the job prints one JSON summary (only jobs that have one accept it)
   */
  public static void start(Path config, List<String> overrides, Path out, boolean force, boolean json) throws Exception {
    Config c = Configs.load(config, overrides);
    String name = Configs.get(c, "name", Config::getString, config.getFileName().toString().replaceFirst("\\.conf$", ""));
    Path dir = out != null ? out : Path.of("runs", name + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    boolean hopfield = !c.hasPath("model.type") && c.hasPath("hopfield");
    if (hopfield && c.hasPath("cluster.join")) throw new IllegalArgumentException("--join with a Hopfield configuration (cluster mode places neuron or patch actors)");
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
  }

  /** Continues the interrupted run in {@code dir} from its config.conf and checkpoints. */
  public static void resume(Path dir, List<String> overrides) throws Exception {
    Path saved = dir.resolve("config.conf");
    if (!Files.exists(saved)) throw new IllegalArgumentException(dir + ": not a run directory (" + saved + " missing)");
    Config c = Configs.load(saved, overrides);
    job(c).run(c, dir, true, true);
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
