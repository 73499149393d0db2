package io.glauber.engine.actor.layer;

import akka.actor.ExtendedActorSystem;
import io.glauber.engine.actor.CompactSerializer;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The compact serializer of the layer engine's {@link LayerMessage.Binary} messages (everything
 * that carries floats), bound in {@code glauber-serialization.conf}: a three-letter manifest; the
 * record's fields follow in declaration order (big-endian {@code DataOutput} scalars). A
 * {@link StateBatch} is written as a tag byte, rows, cols and the values: tag 1 packs all-0/1
 * batches (unit states) eight units a byte — 32× smaller than floats —, tag 0 writes raw
 * little-endian IEEE floats (probabilities, weights), tag 2 marks an absent batch.
 */
public final class LayerSerializer extends CompactSerializer {
  /** This serializer's identifier (Akka reserves 0–40; the neuron engine's is 7411). */
  public static final int IDENTIFIER = 7412;

  /** Created by Akka's serialization extension. */
  public LayerSerializer(ExtendedActorSystem system) {
    super(system);
  }

  @Override
  public int identifier() {
    return IDENTIFIER;
  }

  @Override
  public String manifest(Object o) {
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
    throw noFormatFor(o);
  }

  @Override
  public byte[] toBinary(Object o) {
    return written(256, out -> write(o, out));
  }

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
      throw noFormatFor(o);
    }
  }

  @Override
  public Object fromBinary(byte[] bytes, String manifest) throws NotSerializableException {
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
        default -> throw unknownManifest(manifest);
      };
    } catch (IOException e) {
      NotSerializableException n = new NotSerializableException("corrupt layer message '" + manifest + "': " + e.getMessage());
      n.initCause(e);
      throw n;
    }
  }

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
}
