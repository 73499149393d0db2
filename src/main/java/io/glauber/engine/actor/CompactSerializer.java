package io.glauber.engine.actor;

import akka.actor.ExtendedActorSystem;
import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorRefResolver;
import akka.actor.typed.javadsl.Adapter;
import akka.serialization.SerializerWithStringManifest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the compact serializers of the actor engine's parts share. The neuron engine's
 * ({@code engine.actor.neuron.NeuronSerializer}) and the layer engine's
 * ({@code engine.actor.layer.LayerSerializer}) each know only their own messages: they
 * {@link #register} one format per message class — a short manifest, how to write the record's
 * fields into a {@link DataOutputStream} (big-endian scalars) and how to read them back — and this
 * class does the rest: the manifest lookup, the byte arrays, actor refs as their serialisation
 * strings through {@link ActorRefResolver}, and the errors for a message or manifest without a
 * format. Each subclass has its own identifier (Akka reserves 0–40) and its own marker interface,
 * bound in {@code glauber-serialization.conf}.
 *
 * <p>No data is persisted in these formats: they only have to agree with themselves.
 */
public abstract class CompactSerializer extends SerializerWithStringManifest {
  private final ExtendedActorSystem system;
  private final int identifier;
  private final Map<Class<?>, Format<?>> byClass = new HashMap<>();
  private final Map<String, Format<?>> byManifest = new HashMap<>();
  private volatile ActorRefResolver resolver;

  /** Messages and bytes this JVM serialised (sent to another member) and deserialised (received), over every part's serializer. */
  private static final LongAdder SENT = new LongAdder();
  private static final LongAdder SENT_BYTES = new LongAdder();
  private static final LongAdder RECEIVED = new LongAdder();
  private static final LongAdder RECEIVED_BYTES = new LongAdder();

  /**
   * What this JVM's compact serializers have carried so far. Akka serialises a message only when it
   * leaves the JVM (local sends pass the object), so in cluster mode these are the messages that
   * crossed members, counted once per message however the transport batches them into frames.
   */
  public record Traffic(long sent, long sentBytes, long received, long receivedBytes) {
    /** The traffic since {@code before}. */
    public Traffic minus(Traffic before) {
      return new Traffic(sent - before.sent, sentBytes - before.sentBytes, received - before.received, receivedBytes - before.receivedBytes);
    }
  }

  /** The counts so far (for benchmarks: take two and subtract). */
  public static Traffic traffic() {
    return new Traffic(SENT.sum(), SENT_BYTES.sum(), RECEIVED.sum(), RECEIVED_BYTES.sum());
  }

  /** Akka's serialization extension creates serializers with the classic system; each part has its own identifier. */
  protected CompactSerializer(ExtendedActorSystem system, int identifier) {
    this.system = system;
    this.identifier = identifier;
  }

  /** Writes a message's fields. */
  @FunctionalInterface
  protected interface Writer<T> {
    void write(T message, DataOutputStream out) throws IOException;
  }

  /** Reads a message written by its {@link Writer}. */
  @FunctionalInterface
  protected interface Reader {
    Object read(DataInputStream in) throws IOException;
  }

  private record Format<T>(String manifest, Class<T> type, Writer<T> writer, Reader reader) {
    byte[] write(Object o) throws IOException {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        writer.write(type.cast(o), out);
      }
      return bytes.toByteArray();
    }
  }

  /** The format of the messages of class {@code type} (records: exact classes), under {@code manifest}. */
  protected final <T> void register(String manifest, Class<T> type, Writer<T> writer, Reader reader) {
    Format<T> f = new Format<>(manifest, type, writer, reader);
    if (byClass.put(type, f) != null || byManifest.put(manifest, f) != null) {
      throw new IllegalArgumentException("format of " + type.getName() + " under '" + manifest + "' registered twice");
    }
  }

  @Override
  public final int identifier() {
    return identifier;
  }

  @Override
  public final String manifest(Object o) {
    return format(o).manifest();
  }

  @Override
  public final byte[] toBinary(Object o) {
    try {
      byte[] bytes = format(o).write(o);
      SENT.increment();
      SENT_BYTES.add(bytes.length);
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public final Object fromBinary(byte[] bytes, String manifest) throws NotSerializableException {
    Format<?> f = byManifest.get(manifest);
    if (f == null) throw new NotSerializableException("unknown binary manifest '" + manifest + "'");
    RECEIVED.increment();
    RECEIVED_BYTES.add(bytes.length);
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      return f.reader().read(in);
    } catch (IOException e) {
      NotSerializableException n = new NotSerializableException("corrupt message '" + manifest + "': " + e.getMessage());
      n.initCause(e);
      throw n;
    }
  }

  private Format<?> format(Object o) {
    Format<?> f = byClass.get(o.getClass());
    if (f == null) throw new IllegalArgumentException("no binary format for " + o.getClass().getName());
    return f;
  }

  /** Whether every value is 0 or 1 (unit states), so that {@link #writeBits} carries it exactly. */
  protected static boolean isBinary(float[] x) {
    for (float f : x) if (f != 0f && f != 1f) return false;
    return true;
  }

  /** The 0/1 values of {@code x} packed eight a byte, value i in bit i mod 8 of byte i / 8 (no length). */
  protected static void writeBits(float[] x, DataOutputStream out) throws IOException {
    byte[] packed = new byte[(x.length + 7) >>> 3];
    for (int i = 0; i < x.length; i++) if (x[i] == 1f) packed[i >>> 3] |= (byte) (1 << (i & 7));
    out.write(packed);
  }

  /** Fills {@code x} with values written by {@link #writeBits}. */
  protected static void readBits(DataInputStream in, float[] x) throws IOException {
    byte[] packed = new byte[(x.length + 7) >>> 3];
    in.readFully(packed);
    for (int i = 0; i < x.length; i++) x[i] = (packed[i >>> 3] >>> (i & 7) & 1) == 1 ? 1f : 0f;
  }

  /** The values of {@code x} as little-endian IEEE floats, bit for bit (no length). */
  protected static void writeFloats(float[] x, DataOutputStream out) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(x.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    buffer.asFloatBuffer().put(x);
    out.write(buffer.array());
  }

  /** Fills {@code x} with values written by {@link #writeFloats}. */
  protected static void readFloats(DataInputStream in, float[] x) throws IOException {
    byte[] raw = new byte[x.length * 4];
    in.readFully(raw);
    ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(x);
  }

  /** The ref as a modified-UTF-8 string field. */
  protected final void writeRef(ActorRef<?> ref, DataOutputStream out) throws IOException {
    out.writeUTF(resolver().toSerializationFormat(ref));
  }

  /** The ref written by {@link #writeRef}. */
  protected final <T> ActorRef<T> readRef(DataInputStream in) throws IOException {
    return resolver().resolveActorRef(in.readUTF());
  }

  /** An int array: its length, then its entries. */
  protected static void writeInts(int[] a, DataOutputStream out) throws IOException {
    out.writeInt(a.length);
    for (int v : a) out.writeInt(v);
  }

  /** An int array written by {@link #writeInts}. */
  protected static int[] readInts(DataInputStream in) throws IOException {
    int[] a = new int[in.readInt()];
    for (int i = 0; i < a.length; i++) a[i] = in.readInt();
    return a;
  }

  /** A double array: its length, then its entries. */
  protected static void writeDoubles(double[] d, DataOutputStream out) throws IOException {
    out.writeInt(d.length);
    for (double v : d) out.writeDouble(v);
  }

  /** A double array written by {@link #writeDoubles}. */
  protected static double[] readDoubles(DataInputStream in) throws IOException {
    double[] d = new double[in.readInt()];
    for (int i = 0; i < d.length; i++) d[i] = in.readDouble();
    return d;
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
