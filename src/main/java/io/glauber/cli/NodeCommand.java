package io.glauber.cli;

import io.glauber.engine.actor.cluster.MemberSettings;
import io.glauber.engine.actor.cluster.Node;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code glauber node}: a cluster member that hosts actors of runs started elsewhere, until stopped (docs/CLUSTER.md). */
@Command(name = "node", mixinStandardHelpOptions = true, description = "Run a cluster member that hosts actor-engine runs until stopped (SIGTERM leaves gracefully).")
final class NodeCommand implements Callable<Integer> {
  @Option(names = "--port", defaultValue = "2552", description = "Artery TCP port, 0 for any free one (default ${DEFAULT-VALUE}).") int port;
  @Option(names = "--join", paramLabel = "HOST:PORT", description = "A member to join (default: start a new cluster).") String join;
  @Option(names = "--config", paramLabel = "FILE", description = "Akka settings (HOCON) over glauber-cluster.conf, e.g. a hostname or TLS.") Path config;

  @Override
  public Integer call() {
    MemberSettings s = MemberSettings.of(port, join);
    Node.serve(config == null ? s : s.withConfigFile(config), System.out);
    return 0;
  }
}
