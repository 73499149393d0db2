package io.glauber.engine.actor;

import akka.actor.ExtendedActorSystem;
import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorRefResolver;
import akka.actor.typed.javadsl.Adapter;
import akka.serialization.SerializerWithStringManifest;
import io.glauber.engine.actor.neuron.Annealer;
import io.glauber.engine.actor.neuron.Network;
import io.glauber.engine.actor.neuron.Neuron;
import io.glauber.engine.actor.neuron.Snapshot;
import java.io.NotSerializableException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The compact format of the high-rate {@link BinaryMessage}s: a one-letter manifest and the fields
 * in big-endian order — a state change is 13 bytes (id, Δ, ack flag), a barrier reply 12, a clock
 * tick 4 — against roughly 40–60 bytes of CBOR. Actor refs are written as their serialisation
 * strings through {@link ActorRefResolver}.
 */
public final class BinarySerializer extends SerializerWithStringManifest {
  private final ExtendedActorSystem system;
  private volatile ActorRefResolver resolver;

  public BinarySerializer(ExtendedActorSystem system) {
    this.system = system;
  }

  @Override
  public int identifier() {
    return 7411;
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
    if (o instanceof PingPong.Ball) return "P";
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
    if (o instanceof PingPong.Ball m) return ByteBuffer.allocate(4).putInt(m.pair()).array();
    if (o instanceof Neuron.Ack || o instanceof Neuron.Measure || o instanceof Network.Watchdog || o instanceof Snapshot.TimedOut) {
      return new byte[0];
    }
    throw new IllegalArgumentException("no binary format for " + o.getClass().getName());
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
      case "P": return new PingPong.Ball(b.getInt());
      default: throw new NotSerializableException("unknown binary manifest '" + manifest + "'");
    }
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
