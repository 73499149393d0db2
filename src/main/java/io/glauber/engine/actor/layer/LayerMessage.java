package io.glauber.engine.actor.layer;

/**
 * Marker of every message of the layer engine, with its two serialisation bindings
 * ({@code glauber-serialization.conf}): {@link Binary} messages carry float batches and go through
 * the layer engine's compact {@link LayerSerializer}; {@link Cbor} messages are small control
 * messages and go through Akka's Jackson CBOR serializer. Java serialization is never used.
 */
public interface LayerMessage {

  /** Serialised by {@link LayerSerializer} (float arrays as raw little-endian bytes, 0/1 batches as bits). */
  interface Binary extends LayerMessage {}

  /** Serialised by Akka's {@code jackson-cbor}. */
  interface Cbor extends LayerMessage, io.glauber.engine.actor.JsonMessage {}
}
