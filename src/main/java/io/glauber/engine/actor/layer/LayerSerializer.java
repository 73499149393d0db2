package io.glauber.engine.actor.layer;

import akka.actor.ExtendedActorSystem;
import io.glauber.engine.actor.CompactSerializer;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

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
    super(system, IDENTIFIER);
    register("HVS", HiddenLayer.VisibleStates.class, (m, out) -> { out.writeLong(m.phase()); out.writeInt(m.sweepsLeft()); writeBatch(m.visible(), out); },
        in -> new HiddenLayer.VisibleStates(in.readLong(), in.readInt(), readBatch(in)));
    register("HUW", HiddenLayer.UpdateWeights.class, (m, out) -> { out.writeLong(m.version()); writeParameters(m.parameters(), out); },
        in -> new HiddenLayer.UpdateWeights(in.readLong(), readParameters(in)));
    register("HRS", HiddenLayer.Restore.class, (m, out) -> { writeParameters(m.parameters(), out); writeBatch(m.hidden(), out); out.writeLong(m.seed()); writeRef(m.partner(), out); },
        in -> new HiddenLayer.Restore(readParameters(in), readBatch(in), in.readLong(), readRef(in)));
    register("VHS", VisibleLayer.HiddenStates.class, (m, out) -> { out.writeLong(m.phase()); out.writeInt(m.sweepsLeft()); writeBatch(m.hidden(), out); },
        in -> new VisibleLayer.HiddenStates(in.readLong(), in.readInt(), readBatch(in)));
    register("VCL", VisibleLayer.Clamp.class, (m, out) -> writeBatch(m.visible(), out), in -> new VisibleLayer.Clamp(readBatch(in)));
    register("VUW", VisibleLayer.UpdateWeights.class, (m, out) -> { out.writeLong(m.version()); writeParameters(m.parameters(), out); },
        in -> new VisibleLayer.UpdateWeights(in.readLong(), readParameters(in)));
    register("VRS", VisibleLayer.Restore.class, (m, out) -> { writeParameters(m.parameters(), out); writeBatch(m.visible(), out); out.writeLong(m.seed()); writeRef(m.partner(), out); },
        in -> new VisibleLayer.Restore(readParameters(in), readBatch(in), in.readLong(), readRef(in)));
    register("STR", RbmSupervisor.Train.class, (m, out) -> { out.writeLong(m.sequence()); writeBatch(m.batch(), out); writeRef(m.replyTo(), out); },
        in -> new RbmSupervisor.Train(in.readLong(), readBatch(in), readRef(in)));
    register("SSA", RbmSupervisor.Sample.class, (m, out) -> { out.writeInt(m.sweeps()); writeBatch(m.start(), out); writeRef(m.replyTo(), out); },
        in -> new RbmSupervisor.Sample(in.readInt(), readBatch(in), readRef(in)));
    register("SST", RbmSupervisor.Settled.class, (m, out) -> { out.writeLong(m.phase()); writeBatch(m.visible(), out); writeBatch(m.hiddenProbabilities(), out); writeBatch(m.hidden(), out); },
        in -> new RbmSupervisor.Settled(in.readLong(), readBatch(in), readBatch(in), readBatch(in)));
    register("REE", RbmSupervisor.EpochEnded.class, (m, out) -> { out.writeInt(m.epoch()); out.writeInt(m.batches()); out.writeDouble(m.reconstructionMismatch()); writeParameters(m.parameters(), out); },
        in -> new RbmSupervisor.EpochEnded(in.readInt(), in.readInt(), in.readDouble(), readParameters(in)));
    register("RSA", RbmSupervisor.Samples.class, (m, out) -> { writeBatch(m.visible(), out); writeBatch(m.hidden(), out); },
        in -> new RbmSupervisor.Samples(readBatch(in), readBatch(in)));
    register("RMO", RbmSupervisor.Model.class, (m, out) -> writeParameters(m.parameters(), out),
        in -> new RbmSupervisor.Model(readParameters(in)));
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
    boolean binary = isBinary(x);
    out.writeByte(binary ? BITS : FLOATS);
    out.writeInt(b.rows());
    out.writeInt(b.cols());
    if (binary) {
      writeBits(x, out);
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
      readBits(in, x);
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
}
