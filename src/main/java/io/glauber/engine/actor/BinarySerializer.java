package io.glauber.engine.actor;

import akka.actor.ExtendedActorSystem;
import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorRefResolver;
import akka.actor.typed.javadsl.Adapter;
import akka.serialization.SerializerWithStringManifest;
import io.glauber.engine.actor.layer.HiddenLayer;
import io.glauber.engine.actor.layer.LayerMessage;
import io.glauber.engine.actor.layer.LayerParameters;
import io.glauber.engine.actor.layer.RbmSupervisor;
import io.glauber.engine.actor.layer.StateBatch;
import io.glauber.engine.actor.layer.VisibleLayer;
import io.glauber.engine.actor.neuron.Annealer;
import io.glauber.engine.actor.neuron.Network;
import io.glauber.engine.actor.neuron.Neuron;
import io.glauber.engine.actor.neuron.Snapshot;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The one compact serializer of the actor engine, for every {@link BinaryMessage} — the neuron
 * engine's high-rate messages and the layer engine's float batches ({@link LayerMessage.Binary}
 * extends {@link BinaryMessage}). Bound in {@code glauber-serialization.conf}, which both engines'
 * configurations load.
 *
 * <p>Neuron engine: a one-letter manifest and the fields in big-endian order — a state change is
 * 13 bytes (id, Δ, ack flag), a barrier reply 12, a clock tick 4 — against roughly 40–60 bytes of
 * CBOR.
 *
 * <p>Layer engine: a three-letter manifest; the record's fields follow in declaration order
 * (big-endian {@code DataOutput} scalars). A {@link StateBatch} is written as a tag byte, rows,
 * cols and the values: tag 1 packs all-0/1 batches (unit states) eight units a byte — 32× smaller
 * than floats —, tag 0 writes raw little-endian IEEE floats (probabilities, weights), tag 2 marks an
 * absent batch.
 *
 * <p>Actor refs are written as their serialisation strings through {@link ActorRefResolver}. No
 * data is persisted in these formats: they only have to agree with themselves.
 */
public final class BinarySerializer extends SerializerWithStringManifest {
  /** This serializer's identifier (Akka reserves 0–40). */
  public static final int IDENTIFIER = 7411;

  private final ExtendedActorSystem system;
  private volatile ActorRefResolver resolver;

  /** Created by Akka's serialization extension. */
  public BinarySerializer(ExtendedActorSystem system) {
    this.system = system;
  }

  @Override
  public int identifier() {
    return IDENTIFIER;
  }

  @Override
  public String manifest(Object o) {
    if (o instanceof Neuron.StateChanged) return "S";
    if (o instanceof Neuron.Ack) return "A";
    if (o instanceof Neuron.Credit) return "C";
    if (o instanceof Neuron.Update) return "U";
    if (o instanceof Neuron.Tick) return "T";
    if (o instanceof Neuron.Measure) return "M";
    if (o instanceof Neuron.GetState) return "G";
    if (o instanceof Network.Done) return "D";
    if (o instanceof Network.Watchdog) return "W";
    if (o instanceof Network.SweepsElapsed) return "E";
    if (o instanceof Snapshot.Reported) return "R";
    if (o instanceof Snapshot.TimedOut) return "O";
    if (o instanceof Annealer.StepBegins) return "B";
    if (o instanceof HiddenLayer.VisibleStates) return "HVS";
    if (o instanceof HiddenLayer.UpdateWeights) return "HUW";
    if (o instanceof HiddenLayer.Restore) return "HRS";
    if (o instanceof VisibleLayer.HiddenStates) return "VHS";
    if (o instanceof VisibleLayer.Clamp) return "VCL";
    if (o instanceof VisibleLayer.UpdateWeights) return "VUW";
    if (o instanceof VisibleLayer.Restore) return "VRS";
    if (o instanceof RbmSupervisor.Train) return "STR";
    if (o instanceof RbmSupervisor.Sample) return "SSA";
    if (o instanceof RbmSupervisor.Settled) return "SST";
    if (o instanceof RbmSupervisor.EpochEnded) return "REE";
    if (o instanceof RbmSupervisor.Samples) return "RSA";
    if (o instanceof RbmSupervisor.Model) return "RMO";
    throw new IllegalArgumentException("no binary format for " + o.getClass().getName());
  }

  @Override
  public byte[] toBinary(Object o) {
    if (o instanceof Neuron.StateChanged m) {
      return ByteBuffer.allocate(13).putInt(m.from()).putDouble(m.delta()).put((byte) (m.ack() ? 1 : 0)).array();
    }
    if (o instanceof Neuron.Update m) return ByteBuffer.allocate(16).putLong(m.step()).putDouble(m.temperature()).array();
    if (o instanceof Neuron.Tick m) return ByteBuffer.allocate(4).putInt(m.epoch()).array();
    if (o instanceof Neuron.Credit m) return ByteBuffer.allocate(8).putInt(m.from()).putInt(m.count()).array();
    if (o instanceof Neuron.GetState m) return refBytes(m.replyTo());
    if (o instanceof Network.Done m) return ByteBuffer.allocate(12).putInt(m.id()).putDouble(m.state()).array();
    if (o instanceof Network.SweepsElapsed m) return ByteBuffer.allocate(8).putLong(m.tag()).array();
    if (o instanceof Snapshot.Reported m) {
      return ByteBuffer.allocate(36).putInt(m.id()).putDouble(m.state()).putLong(m.updates()).putLong(m.informed()).putLong(m.sent()).array();
    }
    if (o instanceof Annealer.StepBegins m) return ByteBuffer.allocate(4).putInt(m.index()).array();
    if (o instanceof Neuron.Ack || o instanceof Neuron.Measure || o instanceof Network.Watchdog || o instanceof Snapshot.TimedOut) {
      return new byte[0];
    }
    if (o instanceof LayerMessage.Binary) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        write(o, out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return bytes.toByteArray();
    }
    throw new IllegalArgumentException("no binary format for " + o.getClass().getName());
  }

  // ---- layer engine -----------------------------------------------------------------------------

  private void write(Object o, DataOutputStream out) throws IOException {
    if (o instanceof HiddenLayer.VisibleStates m) {
      out.writeLong(m.phase()); out.writeInt(m.sweepsLeft()); writeBatch(m.visible(), out);
    } else if (o instanceof HiddenLayer.UpdateWeights m) {
      out.writeLong(m.version()); writeParameters(m.parameters(), out);
    } else if (o instanceof HiddenLayer.Restore m) {
      writeParameters(m.parameters(), out); writeBatch(m.hidden(), out); out.writeLong(m.seed()); writeRef(m.partner(), out);
    } else if (o instanceof VisibleLayer.HiddenStates m) {
      out.writeLong(m.phase()); out.writeInt(m.sweepsLeft()); writeBatch(m.hidden(), out);
    } else if (o instanceof VisibleLayer.Clamp m) {
      writeBatch(m.visible(), out);
    } else if (o instanceof VisibleLayer.UpdateWeights m) {
      out.writeLong(m.version()); writeParameters(m.parameters(), out);
    } else if (o instanceof VisibleLayer.Restore m) {
      writeParameters(m.parameters(), out); writeBatch(m.visible(), out); out.writeLong(m.seed()); writeRef(m.partner(), out);
    } else if (o instanceof RbmSupervisor.Train m) {
      out.writeLong(m.sequence()); writeBatch(m.batch(), out); writeRef(m.replyTo(), out);
    } else if (o instanceof RbmSupervisor.Sample m) {
      out.writeInt(m.sweeps()); writeBatch(m.start(), out); writeRef(m.replyTo(), out);
    } else if (o instanceof RbmSupervisor.Settled m) {
      out.writeLong(m.phase()); writeBatch(m.visible(), out); writeBatch(m.hiddenProbabilities(), out); writeBatch(m.hidden(), out);
    } else if (o instanceof RbmSupervisor.EpochEnded m) {
      out.writeInt(m.epoch()); out.writeInt(m.batches()); out.writeDouble(m.reconstructionMismatch()); writeParameters(m.parameters(), out);
    } else if (o instanceof RbmSupervisor.Samples m) {
      writeBatch(m.visible(), out); writeBatch(m.hidden(), out);
    } else if (o instanceof RbmSupervisor.Model m) {
      writeParameters(m.parameters(), out);
    } else {
      throw new IllegalArgumentException("no binary format for " + o.getClass().getName());
    }
  }



  @Override
  public Object fromBinary(byte[] bytes, String manifest) throws NotSerializableException {
    ByteBuffer b = ByteBuffer.wrap(bytes);
    switch (manifest) {
      case "S": return new Neuron.StateChanged(b.getInt(), b.getDouble(), b.get() != 0);
      case "A": return Neuron.Ack.INSTANCE;
      case "C": return new Neuron.Credit(b.getInt(), b.getInt());
      case "U": return new Neuron.Update(b.getLong(), b.getDouble());
      case "T": return new Neuron.Tick(b.getInt());
      case "M": return Neuron.Measure.INSTANCE;
      case "G": return new Neuron.GetState(resolver().resolveActorRef(new String(bytes, StandardCharsets.UTF_8)));
      case "D": return new Network.Done(b.getInt(), b.getDouble());
      case "W": return new Network.Watchdog();
      case "E": return new Network.SweepsElapsed(b.getLong());
      case "R": return new Snapshot.Reported(b.getInt(), b.getDouble(), b.getLong(), b.getLong(), b.getLong());
      case "O": return new Snapshot.TimedOut();
      case "B": return new Annealer.StepBegins(b.getInt());
      default: return fromLayerBinary(bytes, manifest);
    }
  }

  private Object fromLayerBinary(byte[] bytes, String manifest) throws NotSerializableException {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      return switch (manifest) {
        case "HVS" -> new HiddenLayer.VisibleStates(in.readLong(), in.readInt(), readBatch(in));
        case "HUW" -> new HiddenLayer.UpdateWeights(in.readLong(), readParameters(in));
        case "HRS" -> new HiddenLayer.Restore(readParameters(in), readBatch(in), in.readLong(), readRef(in));
        case "VHS" -> new VisibleLayer.HiddenStates(in.readLong(), in.readInt(), readBatch(in));
        case "VCL" -> new VisibleLayer.Clamp(readBatch(in));
        case "VUW" -> new VisibleLayer.UpdateWeights(in.readLong(), readParameters(in));
        case "VRS" -> new VisibleLayer.Restore(readParameters(in), readBatch(in), in.readLong(), readRef(in));
        case "STR" -> new RbmSupervisor.Train(in.readLong(), readBatch(in), readRef(in));
        case "SSA" -> new RbmSupervisor.Sample(in.readInt(), readBatch(in), readRef(in));
        case "SST" -> new RbmSupervisor.Settled(in.readLong(), readBatch(in), readBatch(in), readBatch(in));
        case "REE" -> new RbmSupervisor.EpochEnded(in.readInt(), in.readInt(), in.readDouble(), readParameters(in));
        case "RSA" -> new RbmSupervisor.Samples(readBatch(in), readBatch(in));
        case "RMO" -> new RbmSupervisor.Model(readParameters(in));
        default -> throw new NotSerializableException("unknown binary manifest '" + manifest + "'");
      };
    } catch (IOException e) {
      NotSerializableException n = new NotSerializableException("corrupt layer message '" + manifest + "': " + e.getMessage());
      n.initCause(e);
      throw n;
    }
  }

  // ---- layer fields ---------------------------------------------------------------------------------

  private static final byte FLOATS = 0;
  private static final byte BITS = 1;
  private static final byte ABSENT = 2;

  static void writeBatch(StateBatch b, DataOutputStream out) throws IOException {
    if (b == null) {
      out.writeByte(ABSENT);
      return;
    }
    float[] x = b.values();
    boolean binary = true;
    for (float f : x) {
      if (f != 0f && f != 1f) {
        binary = false;
        break;
      }
    }
    out.writeByte(binary ? BITS : FLOATS);
    out.writeInt(b.rows());
    out.writeInt(b.cols());
    if (binary) {
      byte[] packed = new byte[(x.length + 7) >>> 3];
      for (int i = 0; i < x.length; i++) if (x[i] == 1f) packed[i >>> 3] |= (byte) (1 << (i & 7));
      out.write(packed);
    } else {
      writeFloats(x, out);
    }
  }

  static StateBatch readBatch(DataInputStream in) throws IOException {
    byte tag = in.readByte();
    if (tag == ABSENT) return null;
    int rows = in.readInt();
    int cols = in.readInt();
    float[] x = new float[rows * cols];
    if (tag == BITS) {
      byte[] packed = new byte[(x.length + 7) >>> 3];
      in.readFully(packed);
      for (int i = 0; i < x.length; i++) x[i] = (packed[i >>> 3] >>> (i & 7) & 1) == 1 ? 1f : 0f;
    } else if (tag == FLOATS) {
      readFloats(in, x);
    } else {
      throw new IOException("state batch tag " + tag + " (expected 0, 1 or 2)");
    }
    return new StateBatch(rows, cols, x);
  }

  private static void writeParameters(LayerParameters p, DataOutputStream out) throws IOException {
    out.writeInt(p.nVisible());
    out.writeInt(p.nHidden());
    out.writeFloat(p.temperature());
    writeFloats(p.w(), out);
    writeFloats(p.visibleBias(), out);
    writeFloats(p.hiddenBias(), out);
  }

  private static LayerParameters readParameters(DataInputStream in) throws IOException {
    int nv = in.readInt();
    int nh = in.readInt();
    float t = in.readFloat();
    float[] w = new float[nv * nh];
    float[] a = new float[nv];
    float[] b = new float[nh];
    readFloats(in, w);
    readFloats(in, a);
    readFloats(in, b);
    return new LayerParameters(nv, nh, w, a, b, t);
  }

  private static void writeFloats(float[] x, DataOutputStream out) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(x.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    buffer.asFloatBuffer().put(x);
    out.write(buffer.array());
  }

  private static void readFloats(DataInputStream in, float[] x) throws IOException {
    byte[] raw = new byte[x.length * 4];
    in.readFully(raw);
    ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(x);
  }

  private void writeRef(ActorRef<?> ref, DataOutputStream out) throws IOException {
    out.writeUTF(resolver().toSerializationFormat(ref));
  }

  private <T> ActorRef<T> readRef(DataInputStream in) throws IOException {
    return resolver().resolveActorRef(in.readUTF());
  }



  private byte[] refBytes(ActorRef<?> ref) {
    return resolver().toSerializationFormat(ref).getBytes(StandardCharsets.UTF_8);
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
