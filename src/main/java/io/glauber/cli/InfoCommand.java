package io.glauber.cli;

import io.glauber.io.Json;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code glauber info}: versions, cores, heap and the BLAS backend in use. */
@Command(name = "info", mixinStandardHelpOptions = true, description = "Print versions, cores and the BLAS backend.")
final class InfoCommand implements Callable<Integer> {
  @Option(names = "--json", description = "One JSON object instead of text.") boolean json;

  @Override
  public Integer call() {
    var all = Versions.all();
    if (json) {
      System.out.println(Json.toLine(all));
    } else {
      all.forEach((k, v) -> System.out.printf("%-14s %s%n", k, v));
    }
    return 0;
  }
}
