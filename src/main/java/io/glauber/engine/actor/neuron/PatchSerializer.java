package io.glauber.engine.actor.neuron;


import akka.actor.ExtendedActorSystem;
import akka.actor.typed.ActorRef;
import io.glauber.engine.actor.CompactSerializer;
import io.glauber.engine.actor.Timing;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The compact serializer of the patch actors' messages ({@link PatchMessage}), bound in
 * {@code glauber-serialization.conf}: a one-letter manifest and the fields in big-endian order.
 * Unit states (0, 1 or −1 in both conventions) travel as one byte each, so a boundary batch is
 * 20 bytes of header and 5 per changed unit (its slot and its value); weights travel as doubles.
 */
public final class PatchSerializer extends CompactSerializer {
  /** This serializer's identifier (the neuron engine's is 7411, the layer engine's 7412). */
  public static final int IDENTIFIER = 7413;

  /** Created by Akka's serialization extension. */
  public PatchSerializer(ExtendedActorSystem system) {
    super(system, IDENTIFIER);
    register("X", Patch.Changes.class, (m, out) -> {
      out.writeInt(m.from());
      out.writeInt(m.epoch());
      out.writeLong(m.sweep());
      writeSlots(m.count(), m.slots, m.values, out);
    }, in -> {
      int from = in.readInt();
      int epoch = in.readInt();
      long sweep = in.readLong();
      Slots s = readSlots(in);
      return new Patch.Changes(from, epoch, sweep, s.slots().length, s.slots(), s.values());
    });
    register("K", Patch.Credit.class, (m, out) -> { out.writeInt(m.from()); out.writeInt(m.epoch()); },
        in -> new Patch.Credit(in.readInt(), in.readInt()));
    register("N", Patch.Run.class, (m, out) -> { out.writeLong(m.until()); out.writeLong(m.origin()); },
        in -> new Patch.Run(in.readLong(), in.readLong()));
    register("T", Patch.Tick.class, (m, out) -> out.writeInt(m.epoch()), in -> new Patch.Tick(in.readInt()));
    register("G", Patch.GetState.class, (m, out) -> out.writeLong(m.tag()), in -> new Patch.GetState(in.readLong()));
    register("L", Patch.Load.class, (m, out) -> {
      out.writeInt(m.epoch());
      writeStates(m.own(), out);
      writeStates(m.external(), out);
      out.writeInt(m.clampedBelow());
    }, in -> new Patch.Load(in.readInt(), readStates(in), readStates(in), in.readInt()));
    register("W", Patch.SetWeights.class, (m, out) -> {
      writeDoubles(m.bias(), out);
      writeDoubles(m.internal(), out);
      writeDoubles(m.external(), out);
    }, in -> new Patch.SetWeights(readDoubles(in), readDoubles(in), readDoubles(in)));
    register("S", Patch.StartAsync.class, (m, out) -> { out.writeDouble(m.temperature()); out.writeLong(m.meanIntervalNanos()); out.writeLong(m.delayNanos()); },
        in -> new Patch.StartAsync(in.readDouble(), in.readLong(), in.readLong()));
    register("Y", Patch.SetTiming.class, (m, out) -> {
      Timing t = m.timing();
      out.writeByte(t.delay().ordinal());
      out.writeDouble(t.delaySigma());
      out.writeBoolean(t.perEdge());
      out.writeByte(t.clock().ordinal());
      out.writeDouble(t.jitter());
      out.writeLong(t.refractory().toNanos());
      out.writeBoolean(t.eventDriven());
      out.writeBoolean(t.redrawWhileChanging());
    }, in -> new Patch.SetTiming(new Timing(Timing.Delay.values()[in.readByte()], in.readDouble(), in.readBoolean(),
        Timing.Clock.values()[in.readByte()], in.readDouble(), java.time.Duration.ofNanos(in.readLong()), in.readBoolean(), in.readBoolean())));
    register("B", Patch.StartExclusive.class, (m, out) -> { out.writeDouble(m.temperature()); out.writeLong(m.meanIntervalNanos()); out.writeLong(m.delayNanos()); },
        in -> new Patch.StartExclusive(in.readDouble(), in.readLong(), in.readLong()));
    register("O", Patch.Fork.class, (m, out) -> {
      out.writeInt(m.from());
      out.writeBoolean(m.request());
      writeSlots(m.slots().length, m.slots(), m.values(), out);
    }, in -> {
      int from = in.readInt();
      boolean request = in.readBoolean();
      Slots s = readSlots(in);
      return new Patch.Fork(from, request, s.slots(), s.values());
    });
    register("U", Patch.ForkRequest.class, (m, out) -> out.writeInt(m.from()), in -> new Patch.ForkRequest(in.readInt()));
    register("M", Patch.Freeze.class, (m, out) -> out.writeLong(m.tag()), in -> new Patch.Freeze(in.readLong()));
    register("A", Patch.Thaw.class, (m, out) -> {}, in -> new Patch.Thaw());
    register("P", Patch.Pause.class, (m, out) -> {}, in -> new Patch.Pause());
    register("E", Patch.SetTemperature.class, (m, out) -> out.writeDouble(m.temperature()), in -> new Patch.SetTemperature(in.readDouble()));
    register("F", Patch.FailNext.class, (m, out) -> {}, in -> new Patch.FailNext());
    register("I", Patch.Wire.class, (m, out) -> {
      out.writeInt(m.neighbours().size());
      for (ActorRef<Patch.Command> r : m.neighbours()) writeRef(r, out);
      writeRef(m.coordinator(), out);
    }, in -> {
      int k = in.readInt();
      List<ActorRef<Patch.Command>> refs = new ArrayList<>(k);
      for (int q = 0; q < k; q++) refs.add(readRef(in));
      return new Patch.Wire(refs, readRef(in));
    });
    register("V", Patch.GetFields.class, (m, out) -> writeRef(m.replyTo(), out), in -> new Patch.GetFields(readRef(in)));
    register("H", Patch.Fields.class, (m, out) -> {
      out.writeInt(m.patch());
      writeInts(m.ids(), out);
      writeStates(m.state(), out);
      writeDoubles(m.fields(), out);
    }, in -> new Patch.Fields(in.readInt(), readInts(in), readStates(in), readDoubles(in)));
    register("R", PatchNetwork.Reached.class, (m, out) -> { out.writeInt(m.patch()); out.writeLong(m.sweep()); writeStates(m.state(), out); },
        in -> new PatchNetwork.Reached(in.readInt(), in.readLong(), readStates(in)));
    register("Z", PatchNetwork.Restart.class, (m, out) -> writeStates(m.state(), out), in -> new PatchNetwork.Restart(readStates(in)));
    register("Q", PatchNetwork.Report.class, (m, out) -> {
      out.writeInt(m.patch());
      out.writeLong(m.tag());
      writeStates(m.state(), out);
      out.writeLong(m.updates());
      out.writeLong(m.informed());
      out.writeLong(m.messages());
    }, in -> new PatchNetwork.Report(in.readInt(), in.readLong(), readStates(in), in.readLong(), in.readLong(), in.readLong()));
  }

  /** A unit's value as a byte: 0, 1 or −1 (both conventions' values); anything else is refused. */
  private static int unitValue(double v) {
    if (v != 0 && v != 1 && v != -1) throw new IllegalArgumentException("unit state " + v + " (expected 0, 1 or −1)");
    return (int) v;
  }

  /** Boundary values of a batch or a fork: receiver slots and their new values (the first {@code count}). */
  private record Slots(int[] slots, double[] values) {}

  /** The count, then per entry the slot (int) and the value (a byte). */
  private static void writeSlots(int count, int[] slots, double[] values, DataOutputStream out) throws IOException {
    out.writeInt(count);
    for (int q = 0; q < count; q++) {
      out.writeInt(slots[q]);
      out.writeByte(unitValue(values[q]));
    }
  }

  private static Slots readSlots(DataInputStream in) throws IOException {
    int count = in.readInt();
    int[] slots = new int[count];
    double[] values = new double[count];
    for (int q = 0; q < count; q++) {
      slots[q] = in.readInt();
      values[q] = in.readByte();
    }
    return new Slots(slots, values);
  }

  private static void writeStates(double[] s, DataOutputStream out) throws IOException {
    out.writeInt(s.length);
    for (double v : s) out.writeByte(unitValue(v));
  }

  private static double[] readStates(DataInputStream in) throws IOException {
    double[] s = new double[in.readInt()];
    for (int i = 0; i < s.length; i++) s[i] = in.readByte();
    return s;
  }
}
