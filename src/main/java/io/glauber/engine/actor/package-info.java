/**
 * The actor engine: Glauber dynamics on Akka Typed, each neuron (or, in {@code layer}, each layer)
 * an actor that updates itself from the state messages of its neighbours.
 *
 * <p>This package holds the public entry points and the pieces every actor shares:
 * {@link io.glauber.engine.actor.neuron.ActorSampler} (samples as an akka-stream Source),
 * {@link io.glauber.engine.actor.neuron.ActorTrainer} (Boltzmann learning fed by a backpressured stream of
 * mini-batches), {@link io.glauber.bench.ActorBench} (updates and messages per second against
 * a ping-pong ceiling), {@link io.glauber.bench.AsynchronyStudy}; the scheduling knobs
 * ({@link io.glauber.engine.actor.Mode}, {@link io.glauber.engine.actor.Dynamics}); the configuration
 * ({@code glauber-actor.conf}, {@link io.glauber.engine.actor.ActorConfig}, whose
 * {@code neuronProps(Dynamics)} give neuron actors their dispatcher (a thread pool, or an affinity
 * pool for free-running dynamics) and the allocation-free
 * {@link io.glauber.engine.actor.RingMailbox}); and serialisation: the
 * marker interfaces {@link io.glauber.engine.actor.BinaryMessage} (compact
 * {@link io.glauber.engine.actor.BinarySerializer}) and {@link io.glauber.engine.actor.JsonMessage}
 * (Jackson CBOR), bound in {@code glauber-serialization.conf} for both engines; the one serializer
 * knows the messages of {@code neuron} and {@code layer}. Java serialization is off.
 *
 * <p>Depends on {@code model}, {@code learn} and {@code exact} (the study); never on the batched
 * engine. See docs/ACTORS.md.
 */
package io.glauber.engine.actor;
