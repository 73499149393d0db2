package io.glauber.engine.actor.cluster;

import akka.actor.Address;
import akka.actor.AddressFromURIString;
import akka.actor.CoordinatedShutdown;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Behaviors;
import akka.cluster.Member;
import akka.cluster.MemberStatus;
import akka.cluster.typed.Cluster;
import akka.cluster.typed.Join;
import akka.cluster.typed.JoinSeedNodes;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * This process as a member of a Glauber cluster: an actor system named {@value #SYSTEM_NAME} with
 * the cluster provider on Artery TCP, bound to 127.0.0.1 unless configured, that joins a seed
 * member (or itself, when it is the first), can wait until N members are Up, and leaves gracefully.
 *
 * <p>Configuration, highest first: system properties; the {@link MemberSettings#overrides()}
 * (a {@code --config FILE}, a test's fast gossip); the port; the application's own configuration;
 * {@code glauber-cluster.conf} (cluster provider, Artery TCP, Split Brain Resolver with
 * keep-majority — the file says why); {@code glauber-actor.conf} (the engine's dispatchers,
 * mailboxes and serializer bindings, the same as in one JVM); the libraries' reference settings.
 *
 * <p>Leaving: {@link #leave()} (or {@link #close()}) runs Akka's coordinated shutdown, whose
 * cluster phases tell the others this member leaves before its system terminates; SIGTERM runs
 * the same shutdown from the JVM's shutdown hook. A member that the others down (Split Brain
 * Resolver) terminates its system too: {@link #awaitTermination()} returns then.
 *
 * <p>Usage: {@code try (Membership m = Membership.start(MemberSettings.of(0, "127.0.0.1:2552"))) {
 * m.awaitMembers(3); ... spawn on m.system() ... }}.
 */
public final class Membership implements AutoCloseable {
  /** Every member's actor system has this name; Akka joins only systems of one name. */
  public static final String SYSTEM_NAME = "glauber";

  /** The reason given to coordinated shutdown when a member leaves on purpose. */
  public enum Left implements CoordinatedShutdown.Reason { INSTANCE }

  private final ActorSystem<Void> system;
  private final MemberSettings settings;
  private akka.actor.typed.ActorRef<Host.Command> host;

  private Membership(ActorSystem<Void> system, MemberSettings settings) {
    this.system = system;
    this.settings = settings;
  }

  /** The configuration a member with these settings starts from (see the class comment for the order). */
  public static Config config(MemberSettings s) {
    return ConfigFactory.defaultOverrides()
        .withFallback(s.overrides())
        .withFallback(ConfigFactory.parseString("akka.remote.artery.canonical.port = " + s.port()))
        .withFallback(ConfigFactory.defaultApplication())
        .withFallback(ConfigFactory.parseResources("glauber-cluster.conf"))
        .withFallback(ConfigFactory.parseResources("glauber-actor.conf"))
        .withFallback(ConfigFactory.defaultReference())
        .resolve();
  }

  /**
   * Starts the actor system and asks to join the seed (or itself). Returns at once; the member is
   * Up later ({@link #awaitMembers}). A port already taken fails here, naming it.
   */
  public static Membership start(MemberSettings s) {
    ActorSystem<Void> system;
    try {
      system = ActorSystem.create(Behaviors.empty(), SYSTEM_NAME, config(s));
    } catch (RuntimeException e) {
      throw new IllegalStateException("cannot start a cluster member on port " + s.port() + ": " + oneLine(e), e);
    }
    Cluster cluster = Cluster.get(system);
    if (s.seed() == null) {
      cluster.manager().tell(Join.create(cluster.selfMember().address()));
    } else {
      MemberSettings.HostPort hp = MemberSettings.parseSeed(s.seed());
      Address seed = AddressFromURIString.parse("akka://" + SYSTEM_NAME + "@" + hp.host() + ":" + hp.port());
      cluster.manager().tell(new JoinSeedNodes(List.of(seed)));
    }
    return new Membership(system, s);
  }

  /** The member's actor system (its guardian is empty: spawn with {@code systemActorOf}). */
  public ActorSystem<Void> system() {
    return system;
  }

  /** This member's address, {@code akka://glauber@HOST:PORT}. */
  public Address address() {
    return Cluster.get(system).selfMember().address();
  }

  /** The port this member listens on (the one picked when the settings said 0). */
  public int port() {
    return address().getPort().get();
  }

  /** {@code HOST:PORT} of this member: what another process passes as {@code --join}. */
  public String joinAddress() {
    Address a = address();
    return a.getHost().get() + ":" + a.getPort().get();
  }

  /** The members now Up, in Akka's address order. */
  public List<Member> up() {
    List<Member> out = new ArrayList<>();
    for (Member m : Cluster.get(system).state().getMembers()) if (m.status() == MemberStatus.up()) out.add(m);
    return out;
  }

  /**
   * Starts this member's {@link Host} (once; later calls return the same), so that runs started on
   * any member can place actors here.
   */
  public synchronized akka.actor.typed.ActorRef<Host.Command> startHost() {
    if (host == null) host = Host.start(system);
    return host;
  }

  /** How long this member waits for the others ({@link MemberSettings#joinTimeout()}). */
  public Duration joinTimeout() {
    return settings.joinTimeout();
  }

  /**
   * Blocks until this member itself is Up (its seed admitted it), or throws a one-line
   * {@link IllegalStateException} after the join timeout naming the seed it could not join.
   */
  public void awaitSelfUp() {
    long deadline = System.nanoTime() + settings.joinTimeout().toNanos();
    while (Cluster.get(system).selfMember().status() != MemberStatus.up()) {
      if (system.whenTerminated().isCompleted() || System.nanoTime() > deadline) {
        throw new IllegalStateException("cluster member " + joinAddress() + " not Up after " + settings.joinTimeout().toSeconds() + " s"
            + (settings.seed() == null ? "" : ": no answer from the seed " + settings.seed() + " (is a `glauber node` running there?)"));
      }
      pause();
    }
  }

  /** {@link #awaitMembers(int, Duration)} with the settings' join timeout. */
  public void awaitMembers(int n) {
    awaitMembers(n, settings.joinTimeout());
  }

  /**
   * Blocks until at least {@code n} members (this one included) are Up; after {@code timeout}
   * throws an {@link IllegalStateException} whose one-line message says how many were Up, whom
   * this member tried to join, and what to check.
   */
  public void awaitMembers(int n, Duration timeout) {
    if (n < 1) throw new IllegalArgumentException("--members " + n + " (expected ≥ 1)");
    long deadline = System.nanoTime() + timeout.toNanos();
    int up;
    while ((up = up().size()) < n) {
      if (system.whenTerminated().isCompleted()) {
        throw new IllegalStateException("cluster member " + joinAddress() + " stopped while waiting for " + n + " members");
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(up + " of " + n + " cluster members Up after " + timeout.toSeconds() + " s (this member "
            + joinAddress() + (settings.seed() == null ? ", first member" : ", joining " + settings.seed())
            + "); start the missing `glauber node --join " + (settings.seed() == null ? joinAddress() : settings.seed()) + "` members or check --join");
      }
      pause();
    }
  }

  private static void pause() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for cluster members");
    }
  }

  /**
   * Leaves the cluster gracefully and terminates the actor system (coordinated shutdown), waiting
   * at most {@code timeout} for it. Calling it again, or after the system terminated, does nothing.
   */
  public void leave(Duration timeout) {
    try {
      CoordinatedShutdown.get(system).runAll(Left.INSTANCE).toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      system.terminate();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      system.terminate();
    } catch (Exception e) {
      system.terminate();
    }
  }

  /** {@link #leave(Duration)} within 30 s. */
  public void leave() {
    leave(Duration.ofSeconds(30));
  }

  /** Blocks until the actor system has terminated (left, downed, or stopped by SIGTERM). */
  public void awaitTermination() {
    system.getWhenTerminated().toCompletableFuture().join();
  }

  /** Leaves the cluster ({@link #leave()}). */
  @Override
  public void close() {
    leave();
  }

  private static String oneLine(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) t = t.getCause();
    String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    return m.replace('\n', ' ');
  }
}
