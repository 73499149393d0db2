package io.glauber.cli;

import io.glauber.bench.AsynchronyStudy;
import io.glauber.io.Json;
import io.glauber.job.Configs;
import io.glauber.job.Progress;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code glauber study asynchrony --config FILE [--json] [--out DIR]}: {@link AsynchronyStudy}. */
@Command(name = "study", mixinStandardHelpOptions = true, description = "Studies (grids of runs with plots).", subcommands = StudyCommand.Asynchrony.class)
final class StudyCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override public void run() { throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing study (asynchrony)"); }

  @Command(name = "asynchrony", mixinStandardHelpOptions = true, description = "TV distance to the exact distribution and informed updates/s over models × modes × staleness × delays.")
  static final class Asynchrony implements Runnable {
    @Option(names = "--config", paramLabel = "FILE") Path config;
    @Option(names = "--from-csv", paramLabel = "DIR", description = "Recompute the bound columns and plots from DIR's asynchrony.csv (and hamming.csv) instead of running.") Path fromCsv;
    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a config key.") List<String> overrides = new java.util.ArrayList<>();
    @Option(names = "--out", defaultValue = "study-asynchrony", paramLabel = "DIR", description = "Output directory (default ${DEFAULT-VALUE}).") Path out;
    @Option(names = "--json", description = "Print each row as a JSON line.") boolean json;
    @Option(names = "--force", description = "Replace existing output files.") boolean force;

    @Override public void run() {
      if ((config == null) == (fromCsv == null)) throw new IllegalArgumentException("give one of --config FILE (run the study) or --from-csv DIR (replot an earlier run)");
      if (fromCsv != null) {
        AsynchronyStudy.replot(fromCsv, out, force);
        System.err.println("rewrote the study's files from " + fromCsv + " to " + out);
        return;
      }
      var s = AsynchronyStudy.Settings.from(Configs.load(config, overrides));
      AsynchronyStudy.checkWritable(out, force);
      try (Progress bar = new Progress("asynchrony", s.rows())) {
        java.util.function.BiConsumer<Integer, java.util.Map<String, Object>> each = (done, row) -> {
          bar.stepTo(done);
          if (json) System.out.println(Json.toLine(row));
        };
        var rows = AsynchronyStudy.run(s, each);
        AsynchronyStudy.write(rows, AsynchronyStudy.hamming(s, rows.size(), each), out, force);
      }
      System.err.println("wrote " + String.join(", ", AsynchronyStudy.FILES) + " to " + out);
    }
  }
}
