package io.glauber.engine.actor.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How a process joins a Glauber cluster: its port ({@code 0}: any free one), the seed member to
 * join ({@code HOST:PORT}; null: the member joins itself and is the cluster's first), extra Akka
 * settings layered over {@code glauber-cluster.conf} (a {@code --config FILE}, or a test's fast
 * gossip), and how long {@link Membership#awaitMembers} waits before it gives up.
 *
 * @param port Artery TCP port, 0 … 65535 (0: any free port)
 * @param seed the member to join as {@code HOST:PORT}, or null to start a new cluster
 * @param overrides Akka settings above the cluster resource (never null; empty for none)
 * @param joinTimeout how long to wait for the members to be Up, &gt; 0
 */
public record MemberSettings(int port, String seed, Config overrides, Duration joinTimeout) {

  /** Waiting for members: long enough for JVMs started together on one machine to boot and join. */
  public static final Duration DEFAULT_JOIN_TIMEOUT = Duration.ofSeconds(60);

  public MemberSettings {
    if (port < 0 || port > 65535) throw new IllegalArgumentException("port " + port + " (expected 0 … 65535; 0 for any free port)");
    if (seed != null) parseSeed(seed);
    if (overrides == null) throw new IllegalArgumentException("overrides missing (expected a Config, empty for none)");
    if (joinTimeout == null || joinTimeout.isZero() || joinTimeout.isNegative()) {
      throw new IllegalArgumentException("join timeout " + joinTimeout + " (expected > 0)");
    }
  }

  /** A member on {@code port} joining {@code seed} (null: itself), with the default settings. */
  public static MemberSettings of(int port, String seed) {
    return new MemberSettings(port, seed, ConfigFactory.empty(), DEFAULT_JOIN_TIMEOUT);
  }

  /** These settings with Akka settings read from {@code file} (HOCON) above the earlier overrides. */
  public MemberSettings withConfigFile(Path file) {
    if (!Files.isRegularFile(file)) throw new IllegalArgumentException("--config " + file + ": no such file");
    return withOverrides(ConfigFactory.parseFile(file.toFile()));
  }

  /** These settings with {@code more} above the earlier overrides. */
  public MemberSettings withOverrides(Config more) {
    return new MemberSettings(port, seed, more.withFallback(overrides), joinTimeout);
  }

  /** These settings waiting {@code timeout} for the members. */
  public MemberSettings withJoinTimeout(Duration timeout) {
    return new MemberSettings(port, seed, overrides, timeout);
  }

  /** The seed's host and port; refuses anything but {@code HOST:PORT} with a port in 1 … 65535. */
  static HostPort parseSeed(String seed) {
    int colon = seed.lastIndexOf(':');
    if (colon <= 0 || colon == seed.length() - 1) throw new IllegalArgumentException("--join " + seed + " (expected HOST:PORT, e.g. 127.0.0.1:2552)");
    int p;
    try {
      p = Integer.parseInt(seed.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--join " + seed + ": port '" + seed.substring(colon + 1) + "' (expected a number 1 … 65535)");
    }
    if (p < 1 || p > 65535) throw new IllegalArgumentException("--join " + seed + ": port " + p + " (expected 1 … 65535)");
    return new HostPort(seed.substring(0, colon), p);
  }

  /** A seed's host and port. */
  record HostPort(String host, int port) {}
}
