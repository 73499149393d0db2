package io.glauber.engine.actor;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.DispatcherSelector;
import akka.actor.typed.MailboxSelector;
import akka.actor.typed.Props;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

/**
 * The Akka configuration every actor system of the engine starts from: {@code glauber-actor.conf}
 * (serializer bindings, Java serialization off, 1 ms timer resolution, the neuron dispatcher and
 * mailbox, the layer dispatcher) over the application's own configuration.
 */
public final class ActorConfig {
  private ActorConfig() {}

  /**
   * System properties, then the application's configuration ({@code application.conf} or
   * {@code -Dconfig.file}), then the engine's {@code glauber-actor.conf}, then the libraries'
   * reference settings: a user can override any engine setting.
   */
  public static Config config() {
    return ConfigFactory.defaultOverrides()
        .withFallback(ConfigFactory.defaultApplication())
        .withFallback(ConfigFactory.parseResources("glauber-actor.conf"))
        .withFallback(ConfigFactory.defaultReference())
        .resolve();
  }

  /** {@link #config()} plus {@code akka.actor.serialize-messages = on}: every message is serialised and read back, proving it would cross the network. */
  public static Config serializeEverything() {
    return ConfigFactory.parseString("akka.actor.serialize-messages = on").withFallback(config()).resolve();
  }

  /** The dispatcher neuron actors (and the ping-pong ceiling) run on. */
  public static final String NEURON_DISPATCHER = "glauber.neuron-dispatcher";

  /** The dispatcher an RBM supervisor and its layer actors run on (one thread). */
  public static final String LAYER_DISPATCHER = "glauber.layer-dispatcher";

  /**
   * Props that put an actor on {@code dispatcher} when {@code system}'s configuration defines it
   * (systems built from {@link #config()} do), else on the default dispatcher.
   */
  public static Props on(ActorSystem<?> system, String dispatcher) {
    return system.settings().config().hasPath(dispatcher) ? DispatcherSelector.fromConfig(dispatcher) : Props.empty();
  }

  /** The configuration of the neuron actors' (and the ping-pong ceiling's) mailbox: {@link RingMailbox}. */
  public static final String NEURON_MAILBOX = "glauber.neuron-mailbox";

  /**
   * The dispatcher of neurons whose every update re-sends a self-message (async mode, mean
   * interval 0): an affinity pool, one queue per thread (glauber-actor.conf says why).
   */
  public static final String FREE_RUNNING_DISPATCHER = "glauber.free-running-dispatcher";

  /** Props of a neuron actor: the neuron dispatcher and the neuron mailbox. */
  public static Props neuronProps() {
    return neuronProps(NEURON_DISPATCHER);
  }

  /**
   * Props of the neuron actors of a network run under {@code dynamics}: free-running dynamics on
   * {@link #FREE_RUNNING_DISPATCHER}, barrier steps and clocked neurons on {@link #NEURON_DISPATCHER}.
   */
  public static Props neuronProps(Dynamics dynamics) {
    return neuronProps(neuronDispatcher(dynamics));
  }

  /** The dispatcher {@link #neuronProps(Dynamics)} chooses. */
  public static String neuronDispatcher(Dynamics dynamics) {
    return dynamics.freeRunning() ? FREE_RUNNING_DISPATCHER : NEURON_DISPATCHER;
  }

  /** Props of a neuron actor (and of the ceiling's players) on {@code dispatcher}, with the neuron mailbox. */
  public static Props neuronProps(String dispatcher) {
    return MailboxSelector.fromConfig(NEURON_MAILBOX).withDispatcherFromConfig(dispatcher);
  }
}
