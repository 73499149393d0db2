package io.glauber.engine.actor;

/**
 * Marker for the high-rate messages of the actor engine (state changes, barrier steps, clock
 * ticks, snapshot replies). They are bound to {@link BinarySerializer}, a compact hand-written
 * format of a few bytes each, in {@code glauber-actor.conf}.
 */
public interface BinaryMessage {}
