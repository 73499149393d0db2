package io.glauber.engine.actor.neuron;

/**
 * Marker for the messages of patch actors and their coordinator ({@link Patch}, {@link
 * PatchNetwork}): boundary changes, credits, sweep targets and replies, clock ticks, loads,
 * snapshots. All are bound to {@link PatchSerializer} (identifier 7413), a compact hand-written
 * format, in {@code glauber-serialization.conf}; the requests the coordinator answers are the
 * neuron network's own ({@link Network.Request}), serialised as before.
 */
public interface PatchMessage {}
