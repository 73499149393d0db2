package io.glauber.engine.batch.cluster;

import akka.actor.ExtendedActorSystem;
import io.glauber.engine.actor.CompactSerializer;
import io.glauber.engine.batch.ShardResult;
import io.glauber.engine.batch.ShardSpec;
import io.glauber.engine.batch.ShardWork;
import io.glauber.engine.batch.TrainConfig;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The compact serializer of data-parallel training's {@link ShardMessage}s, bound in
 * {@code glauber-batch-cluster.conf}: a three-letter manifest, the record's fields in declaration
 * order (big-endian {@code DataOutput} scalars). Float arrays are a tag, a length and the values:
 * tag 1 packs arrays of 0s and 1s (unit states: the batch rows of binary data, the chains) eight
 * a byte, tag 0 writes little-endian IEEE floats (parameters, statistics) — exact, so that a shard
 * computed on another member is bit for bit the one computed here.
 */
public final class ShardSerializer extends CompactSerializer {
  /** This serializer's identifier (Akka reserves 0–40; the actor engine's parts use 7411 onwards). */
  public static final int IDENTIFIER = 7420;

  /** Created by Akka's serialization extension. */
  public ShardSerializer(ExtendedActorSystem system) {
    super(system, IDENTIFIER);
    register("SCO", ShardHost.Compute.class, (m, out) -> { out.writeLong(m.request()); out.writeInt(m.shard()); writeWork(m.work(), out); writeRef(m.replyTo(), out); },
        in -> new ShardHost.Compute(in.readLong(), in.readInt(), readWork(in), readRef(in)));
    register("SCD", ShardReplies.Computed.class, (m, out) -> { out.writeLong(m.request()); out.writeInt(m.shard()); writeResult(m.result(), out); },
        in -> new ShardReplies.Computed(in.readLong(), in.readInt(), readResult(in)));
    register("SRF", ShardReplies.Refused.class, (m, out) -> { out.writeLong(m.request()); out.writeInt(m.shard()); out.writeUTF(m.reason()); },
        in -> new ShardReplies.Refused(in.readLong(), in.readInt(), in.readUTF()));
  }

  static void writeWork(ShardWork w, DataOutputStream out) throws IOException {
    ShardSpec s = w.spec();
    out.writeByte(s.method().ordinal());
    out.writeInt(s.k());
    out.writeInt(s.temperatures().length);
    for (double t : s.temperatures()) out.writeDouble(t);
    out.writeLong(s.seed());
    for (int x : new int[] {s.nVisible(), s.nHidden(), s.batchRows(), s.chains(), s.batchFrom(), s.batchTo(), s.chainFrom(), s.chainTo()}) out.writeInt(x);
    out.writeLong(w.draws());
    writeArray(w.w(), out);
    writeArray(w.bias(), out);
    writeArray(w.batch(), out);
    writeArray(w.chainV(), out);
    writeArray(w.chainH(), out);
  }

  static ShardWork readWork(DataInputStream in) throws IOException {
    int method = in.readByte();
    if (method < 0 || method >= TrainConfig.Method.values().length) throw new IOException("method " + method);
    int k = in.readInt();
    double[] t = new double[length(in.readInt())];
    for (int r = 0; r < t.length; r++) t[r] = in.readDouble();
    long seed = in.readLong();
    ShardSpec s = new ShardSpec(TrainConfig.Method.values()[method], k, t, seed, in.readInt(), in.readInt(), in.readInt(),
        in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readInt());
    return new ShardWork(s, in.readLong(), readArray(in), readArray(in), readArray(in), readArray(in), readArray(in));
  }

  static void writeResult(ShardResult r, DataOutputStream out) throws IOException {
    writeArray(r.dW(), out);
    writeArray(r.dBias(), out);
    writeArray(r.hiddenClamped(), out);
    writeArray(r.chainV(), out);
    writeArray(r.chainH(), out);
    writeLongs(r.swapAttempts(), out);
    writeLongs(r.swapAccepts(), out);
  }

  static ShardResult readResult(DataInputStream in) throws IOException {
    return new ShardResult(readArray(in), readArray(in), readArray(in), readArray(in), readArray(in), readLongs(in), readLongs(in));
  }

  private static final byte FLOATS = 0;
  private static final byte BITS = 1;

  static void writeArray(float[] x, DataOutputStream out) throws IOException {
    boolean binary = isBinary(x);
    out.writeByte(binary ? BITS : FLOATS);
    out.writeInt(x.length);
    if (binary) {
      writeBits(x, out);
    } else {
      writeFloats(x, out);
    }
  }

  static float[] readArray(DataInputStream in) throws IOException {
    byte tag = in.readByte();
    float[] x = new float[length(in.readInt())];
    if (tag == BITS) {
      readBits(in, x);
    } else if (tag == FLOATS) {
      readFloats(in, x);
    } else {
      throw new IOException("float array tag " + tag + " (expected 0 or 1)");
    }
    return x;
  }

  static void writeLongs(long[] x, DataOutputStream out) throws IOException {
    out.writeInt(x.length);
    for (long v : x) out.writeLong(v);
  }

  static long[] readLongs(DataInputStream in) throws IOException {
    long[] x = new long[length(in.readInt())];
    for (int i = 0; i < x.length; i++) x[i] = in.readLong();
    return x;
  }

  private static int length(int n) throws IOException {
    if (n < 0 || n > (1 << 28)) throw new IOException("array of " + n + " values (expected 0 … 2²⁸)");
    return n;
  }
}
