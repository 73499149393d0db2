package io.glauber.engine.actor.neuron;

import akka.actor.ExtendedActorSystem;
import io.glauber.engine.actor.CompactSerializer;

/**
 * The compact serializer of the neuron engine's high-rate messages ({@link BinaryMessage}), bound
 * in {@code glauber-serialization.conf}: a one-letter manifest and the fields in big-endian order
 * — a state change is 13 bytes (id, Δ, ack flag), a barrier step 16, a barrier reply 12, a clock
 * tick 4 — against roughly 40–60 bytes of CBOR. Timer messages are private to their actors and
 * never serialised (Akka wraps them in its own timer envelope).
 */
public final class NeuronSerializer extends CompactSerializer {
  /** This serializer's identifier (Akka reserves 0–40; the layer engine's is 7412). */
  public static final int IDENTIFIER = 7411;

  /** Created by Akka's serialization extension. */
  public NeuronSerializer(ExtendedActorSystem system) {
    super(system, IDENTIFIER);
    register("S", Neuron.StateChanged.class, (m, out) -> { out.writeInt(m.from()); out.writeDouble(m.delta()); out.writeBoolean(m.ack()); },
        in -> new Neuron.StateChanged(in.readInt(), in.readDouble(), in.readBoolean()));
    register("A", Neuron.Ack.class, (m, out) -> {}, in -> Neuron.Ack.INSTANCE);
    register("C", Neuron.Credit.class, (m, out) -> { out.writeInt(m.from()); out.writeInt(m.count()); },
        in -> new Neuron.Credit(in.readInt(), in.readInt()));
    register("U", Neuron.Update.class, (m, out) -> { out.writeLong(m.step()); out.writeDouble(m.temperature()); },
        in -> new Neuron.Update(in.readLong(), in.readDouble()));
    register("T", Neuron.Tick.class, (m, out) -> out.writeInt(m.epoch()), in -> new Neuron.Tick(in.readInt()));
    register("M", Neuron.Measure.class, (m, out) -> {}, in -> Neuron.Measure.INSTANCE);
    register("G", Neuron.GetState.class, (m, out) -> writeRef(m.replyTo(), out), in -> new Neuron.GetState(readRef(in)));
    register("F", Neuron.Fork.class, (m, out) -> { out.writeInt(m.from()); out.writeDouble(m.state()); out.writeBoolean(m.request()); },
        in -> new Neuron.Fork(in.readInt(), in.readDouble(), in.readBoolean()));
    register("Q", Neuron.ForkRequest.class, (m, out) -> out.writeInt(m.from()), in -> new Neuron.ForkRequest(in.readInt()));
    register("N", Neuron.News.class, (m, out) -> {}, in -> Neuron.News.INSTANCE);
    register("Z", Neuron.Freeze.class, (m, out) -> writeRef(m.replyTo(), out), in -> new Neuron.Freeze(readRef(in)));
    register("W", Neuron.Thaw.class, (m, out) -> {}, in -> Neuron.Thaw.INSTANCE);
    register("D", Network.Done.class, (m, out) -> { out.writeInt(m.id()); out.writeDouble(m.state()); },
        in -> new Network.Done(in.readInt(), in.readDouble()));
    register("R", Snapshot.Reported.class, (m, out) -> { out.writeInt(m.id()); out.writeDouble(m.state()); out.writeLong(m.updates()); out.writeLong(m.informed()); out.writeLong(m.sent()); },
        in -> new Snapshot.Reported(in.readInt(), in.readDouble(), in.readLong(), in.readLong(), in.readLong()));
  }
}
