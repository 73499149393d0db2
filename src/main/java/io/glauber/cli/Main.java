package io.glauber.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code glauber} command: subcommands train, sample, eval, info. */
@Command(
    name = "glauber",
    mixinStandardHelpOptions = true,
    versionProvider = Versions.class,
    description = "Energy-based neural networks (Hopfield, Boltzmann machines, RBMs) on an actor engine and a batched BLAS engine.",
    subcommands = {
      TrainCommand.class, SampleCommand.class, EvalCommand.class, RecallCommand.class, BenchCommand.class, StudyCommand.class, NodeCommand.class, InfoCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {

  @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT, description = "Print stack traces of errors.")
  boolean debug;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand (train, sample, eval, recall, bench, info)");
  }

  /** Runs the command line and returns the exit code. */
  public static int execute(String... args) {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
      boolean debug = parsed.matchedOption("--debug") != null
          || parsed.subcommands().stream().anyMatch(p -> p.matchedOption("--debug") != null);
      if (debug) e.printStackTrace(cmd.getErr());
      cmd.getErr().println("glauber: " + oneLine(e));
      return 1;
    });
    cl.setParameterExceptionHandler((e, a) -> {
      CommandLine cmd = e.getCommandLine();
      cmd.getErr().println("glauber: " + e.getMessage());
      cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
      return 2;
    });
    return cl.execute(args);
  }

  /** The message of an error as one line, naming the problem. */
  static String oneLine(Throwable e) {
    Throwable t = e;
    while ((t.getMessage() == null || t instanceof java.util.concurrent.CompletionException) && t.getCause() != null) t = t.getCause();
    String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    if (t instanceof OutOfMemoryError) msg = "out of memory (" + msg + "); raise the heap with JAVA_OPTS=-Xmx...";
    return msg.replace('\n', ' ').replace('\r', ' ');
  }

  /** Held so the setting survives garbage collection of the logger. */
  private static final java.util.logging.Logger NETLIB_LOG = java.util.logging.Logger.getLogger("dev.ludovic.netlib");

  static {
    // netlib logs each BLAS implementation it could not load; `glauber info` reports the one in use
    NETLIB_LOG.setLevel(java.util.logging.Level.SEVERE);
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }
}
