package io.glauber.engine.actor.cluster;

/**
 * Marker of the messages of cluster mode's own protocol (placement requests and replies), written
 * by the compact {@link ClusterSerializer} (bound in {@code glauber-serialization.conf}). The
 * messages of the actors it places keep their own serializers.
 */
public interface ClusterMessage {}
