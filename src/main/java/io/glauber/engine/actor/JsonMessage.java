package io.glauber.engine.actor;

/**
 * Marker for the low-rate messages of the actor engine (wiring, clamping, weights, phase control,
 * replies). They are bound to Akka's Jackson CBOR serializer in {@code glauber-serialization.conf}; they are
 * records, which Jackson 2.13 serialises through their canonical constructors.
 */
public interface JsonMessage {}
