package io.glauber.cli;

import io.glauber.job.TrainRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code glauber train --config FILE [--set key=value]... [--out DIR]}: a {@link TrainRun}. */
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

  @Override
  public Integer call() throws Exception {
    if ((config == null) == (resume == null)) throw new ParameterException(spec.commandLine(), "give either --config FILE or --resume DIR");
    List<String> sets = new ArrayList<>(overrides);
    if (engine != null) sets.add("engine=" + engine);
    if (json) sets.add("json=true");
    if (cluster.on()) sets.addAll(List.of("cluster.join=" + cluster.join, "cluster.members=" + cluster.members()));
    if (resume != null) TrainRun.resume(resume, sets);
    else TrainRun.start(config, sets, out, force, json);
    return 0;
  }
}
