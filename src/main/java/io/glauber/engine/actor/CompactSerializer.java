package io.glauber.engine.actor;

import akka.actor.ExtendedActorSystem;
import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorRefResolver;
import akka.actor.typed.javadsl.Adapter;
import akka.serialization.SerializerWithStringManifest;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * What the compact serializers of the actor engine's parts share: the neuron engine's
 * ({@code engine.actor.neuron.NeuronSerializer}) and the layer engine's
 * ({@code engine.actor.layer.LayerSerializer}) each know only their own messages and extend this
 * class for the rest — actor refs as their serialisation strings through {@link ActorRefResolver},
 * a {@code DataOutputStream} to write into, and the errors for a message or manifest without a
 * format. Each subclass has its own identifier (Akka reserves 0–40) and its own marker interface,
 * bound in {@code glauber-serialization.conf}.
 *
 * <p>No data is persisted in these formats: they only have to agree with themselves.
 */
public abstract class CompactSerializer extends SerializerWithStringManifest {
  private final ExtendedActorSystem system;
  private volatile ActorRefResolver resolver;

  /** Akka's serialization extension creates serializers with the classic system. */
  protected CompactSerializer(ExtendedActorSystem system) {
    this.system = system;
  }

  /** Writes a message's fields into a byte array; an I/O error cannot happen in memory. */
  @FunctionalInterface
  protected interface Writer {
    void write(DataOutputStream out) throws IOException;
  }

  /** The bytes {@code writer} writes, starting from a buffer of {@code size} bytes. */
  protected static byte[] written(int size, Writer writer) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(size);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      writer.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** The ref as UTF-8 bytes of its serialisation string (a message that is nothing but a ref). */
  protected final byte[] refBytes(ActorRef<?> ref) {
    return resolver().toSerializationFormat(ref).getBytes(StandardCharsets.UTF_8);
  }

  /** The ref written by {@link #refBytes}. */
  protected final <T> ActorRef<T> refFromBytes(byte[] bytes) {
    return resolver().resolveActorRef(new String(bytes, StandardCharsets.UTF_8));
  }

  /** The ref as a modified-UTF-8 string field. */
  protected final void writeRef(ActorRef<?> ref, DataOutput out) throws IOException {
    out.writeUTF(resolver().toSerializationFormat(ref));
  }

  /** The ref written by {@link #writeRef}. */
  protected final <T> ActorRef<T> readRef(DataInput in) throws IOException {
    return resolver().resolveActorRef(in.readUTF());
  }

  /** The error for a message this serializer was bound to but has no format for. */
  protected static IllegalArgumentException noFormatFor(Object o) {
    return new IllegalArgumentException("no binary format for " + o.getClass().getName());
  }

  /** The error for a manifest this serializer did not write. */
  protected static NotSerializableException unknownManifest(String manifest) {
    return new NotSerializableException("unknown binary manifest '" + manifest + "'");
  }

  private ActorRefResolver resolver() {
    ActorRefResolver r = resolver;
    if (r == null) {
      r = ActorRefResolver.get(Adapter.toTyped(system));
      resolver = r;
    }
    return r;
  }
}
