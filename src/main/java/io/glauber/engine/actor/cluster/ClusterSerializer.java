package io.glauber.engine.actor.cluster;

import akka.actor.ExtendedActorSystem;
import akka.actor.typed.ActorRef;
import io.glauber.engine.actor.CompactSerializer;
import io.glauber.engine.actor.Granularity;
import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Couplings;
import io.glauber.model.DenseCouplings;
import io.glauber.model.Schedule;
import io.glauber.model.SparseCouplings;
import io.glauber.model.Units;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The compact serializer of cluster mode's placement protocol ({@link ClusterMessage}), bound in
 * {@code glauber-serialization.conf}: a one-letter manifest and the fields in big-endian order.
 * A {@link Host.Spawn} carries the whole {@link RunPlan} — the machine (dense: its n×n weights;
 * sparse: its edge list and pair weights), schedule, initial state, seed, partition — once per
 * member and run, through Artery's large-message lane ({@code glauber-cluster.conf}).
 */
public final class ClusterSerializer extends CompactSerializer {
  /** This serializer's identifier (neuron 7411, layer 7412, patch 7413). */
  public static final int IDENTIFIER = 7414;

  /** Created by Akka's serialization extension. */
  public ClusterSerializer(ExtendedActorSystem system) {
    super(system, IDENTIFIER);
    register("S", Host.Spawn.class, (m, out) -> {
      writePlan(m.plan(), out);
      writeInts(m.which(), out);
      writeRef(m.replyTo(), out);
    }, in -> new Host.Spawn(readPlan(in), readInts(in), readRef(in)));
    register("P", Host.Placed.class, (m, out) -> {
      writeRef(m.run(), out);
      writeInts(m.which(), out);
      out.writeInt(m.refs().size());
      for (ActorRef<Object> r : m.refs()) writeRef(r, out);
      out.writeBoolean(m.error() != null);
      if (m.error() != null) out.writeUTF(m.error());
    }, in -> {
      ActorRef<Host.Release> run = readRef(in);
      int[] which = readInts(in);
      int k = in.readInt();
      List<ActorRef<Object>> refs = new ArrayList<>(k);
      for (int q = 0; q < k; q++) refs.add(readRef(in));
      return new Host.Placed(run, which, refs, in.readBoolean() ? in.readUTF() : null);
    });
    register("R", Host.Release.class, (m, out) -> {}, in -> new Host.Release());
  }

  private static void writePlan(RunPlan p, DataOutputStream out) throws IOException {
    out.writeByte(p.kind().ordinal());
    writeMachine(p.machine(), out);
    out.writeBoolean(p.schedule() != null);
    if (p.schedule() != null) {
      out.writeInt(p.schedule().steps().size());
      for (Schedule.Step s : p.schedule().steps()) {
        out.writeDouble(s.temperature());
        out.writeLong(s.duration());
      }
    }
    out.writeBoolean(p.initial() != null);
    if (p.initial() != null) writeDoubles(p.initial(), out);
    out.writeLong(p.seed());
    writeInts(p.patchOf(), out);
    out.writeInt(p.patches());
    out.writeUTF(p.dispatcher());
  }

  private static RunPlan readPlan(DataInputStream in) throws IOException {
    Granularity.Kind kind = Granularity.Kind.values()[in.readByte()];
    BoltzmannMachine machine = readMachine(in);
    Schedule schedule = null;
    if (in.readBoolean()) {
      int k = in.readInt();
      List<Schedule.Step> steps = new ArrayList<>(k);
      for (int q = 0; q < k; q++) steps.add(new Schedule.Step(in.readDouble(), in.readLong()));
      schedule = new Schedule(steps);
    }
    double[] initial = in.readBoolean() ? readDoubles(in) : null;
    long seed = in.readLong();
    int[] patchOf = readInts(in);
    return new RunPlan(kind, machine, schedule, initial, seed, patchOf, in.readInt(), in.readUTF());
  }

  /** Units, n_visible, T, biases, then the couplings: dense (n² weights) or sparse (m pairs and m weights). */
  static void writeMachine(BoltzmannMachine m, DataOutputStream out) throws IOException {
    out.writeByte(m.units().code());
    out.writeInt(m.nVisible());
    out.writeDouble(m.temperature());
    writeDoubles(m.bias(), out);
    Couplings c = m.couplings();
    if (c instanceof DenseCouplings d) {
      out.writeBoolean(true);
      writeDoubles(d.matrix(), out);
    } else {
      out.writeBoolean(false);
      writeInts(c.pairs(), out);
      writeDoubles(c.pairWeights(), out);
    }
  }

  static BoltzmannMachine readMachine(DataInputStream in) throws IOException {
    Units units = Units.ofCode(in.readByte());
    int nVisible = in.readInt();
    double temperature = in.readDouble();
    double[] bias = readDoubles(in);
    Couplings c = in.readBoolean() ? new DenseCouplings(bias.length, readDoubles(in)) : new SparseCouplings(bias.length, readInts(in), readDoubles(in));
    return new BoltzmannMachine(units, c, bias, nVisible, temperature);
  }
}
