package io.glauber.engine.actor;

/**
 * Marker for the high-rate messages of the actor engine (state changes, barrier steps, clock
 * ticks, snapshot replies; the layer engine's float batches through
 * {@link io.glauber.engine.actor.layer.LayerMessage.Binary}). They are bound to
 * {@link BinarySerializer}, a compact hand-written format, in {@code glauber-serialization.conf}.
 */
public interface BinaryMessage {}
