package io.glauber.engine.actor.neuron;

import akka.actor.ExtendedActorSystem;
import io.glauber.engine.actor.CompactSerializer;
import java.io.NotSerializableException;
import java.nio.ByteBuffer;

/**
 * The compact serializer of the neuron engine's high-rate messages ({@link BinaryMessage}), bound
 * in {@code glauber-serialization.conf}: a one-letter manifest and the fields in big-endian order
 * — a state change is 13 bytes (id, Δ, ack flag), a barrier reply 12, a clock tick 4 — against
 * roughly 40–60 bytes of CBOR. Timer messages are private to their actors and never serialised
 * (Akka wraps them in its own timer envelope).
 */
public final class NeuronSerializer extends CompactSerializer {
  /** This serializer's identifier (Akka reserves 0–40; the layer engine's is 7412). */
  public static final int IDENTIFIER = 7411;

  /** Created by Akka's serialization extension. */
  public NeuronSerializer(ExtendedActorSystem system) {
    super(system);
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
    if (o instanceof Snapshot.Reported) return "R";
    throw noFormatFor(o);
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
    if (o instanceof Snapshot.Reported m) {
      return ByteBuffer.allocate(36).putInt(m.id()).putDouble(m.state()).putLong(m.updates()).putLong(m.informed()).putLong(m.sent()).array();
    }
    if (o instanceof Neuron.Ack || o instanceof Neuron.Measure) return new byte[0];
    throw noFormatFor(o);
  }

  @Override
  public Object fromBinary(byte[] bytes, String manifest) throws NotSerializableException {
    ByteBuffer b = ByteBuffer.wrap(bytes);
    return switch (manifest) {
      case "S" -> new Neuron.StateChanged(b.getInt(), b.getDouble(), b.get() != 0);
      case "A" -> Neuron.Ack.INSTANCE;
      case "C" -> new Neuron.Credit(b.getInt(), b.getInt());
      case "U" -> new Neuron.Update(b.getLong(), b.getDouble());
      case "T" -> new Neuron.Tick(b.getInt());
      case "M" -> Neuron.Measure.INSTANCE;
      case "G" -> new Neuron.GetState(refFromBytes(bytes));
      case "D" -> new Network.Done(b.getInt(), b.getDouble());
      case "R" -> new Snapshot.Reported(b.getInt(), b.getDouble(), b.getLong(), b.getLong(), b.getLong());
      default -> throw unknownManifest(manifest);
    };
  }
}
