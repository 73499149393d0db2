package io.glauber.engine.actor.neuron;

/**
 * Marker for the high-rate messages of the neuron engine (state changes, credits, barrier steps
 * and replies, clock ticks, snapshot requests and replies). They are bound to
 * {@link NeuronSerializer}, a compact hand-written format, in {@code glauber-serialization.conf};
 * the low-rate ones are {@link io.glauber.engine.actor.JsonMessage}s.
 */
public interface BinaryMessage {}
