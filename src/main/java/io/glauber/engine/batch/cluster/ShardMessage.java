package io.glauber.engine.batch.cluster;

/** Marks the messages of data-parallel training that cross members: bound to {@link ShardSerializer}. */
public interface ShardMessage {}
