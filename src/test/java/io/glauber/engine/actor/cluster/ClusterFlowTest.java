package io.glauber.engine.actor.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorRefResolver;
import io.glauber.engine.actor.ActorConfig;
import io.glauber.engine.actor.Dynamics;
import io.glauber.engine.actor.Granularity;
import io.glauber.engine.actor.Mode;
import io.glauber.engine.actor.Partition;
import io.glauber.engine.actor.neuron.Network;
import io.glauber.engine.actor.neuron.Patch;
import io.glauber.engine.actor.neuron.PatchNetwork;
import io.glauber.model.BoltzmannMachine;
import io.glauber.model.SparseCouplings;
import io.glauber.model.Units;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Flow control between members. Patch actors of a 2D Ising lattice, spread over two members, run
 * asynchronously at full speed (no clock, no delay) — boundary batches and their credits crossing
 * Artery as fast as the patches make them — and then pause; once the traffic has settled, every
 * patch's local field of every unit equals h_i = Σ_j w_ij s_j + b_i over the owners' states: a
 * lost batch would leave a stale view (and, holding its credit, the link shut). And the placement
 * check: the most messages a placement can have in flight ({@link FlowBound}), counted by hand on
 * a tiled lattice.
 */
class ClusterFlowTest {
  static List<Membership> members;

  @BeforeAll
  static void formCluster() {
    members = ClusterTesting.cluster(2);
  }

  @AfterAll
  static void leave() {
    ClusterTesting.leaveAll(members);
  }

  @Test
  void atFullRateBetweenTwoMembersEveryBoundaryChangeArrives() throws Exception {
    int side = 24;
    BoltzmannMachine m = new BoltzmannMachine(Units.SPIN, SparseCouplings.squareLattice(side, 1.0), new double[side * side], side * side, 2.5);
    Partition partition = Partition.squareTiles(side, 6); // 16 patches, 8 on each member
    Dynamics dynamics = Dynamics.async(Duration.ZERO, Duration.ZERO);
    RunPlan plan = new RunPlan(Granularity.Kind.PATCH, m, null, null, 81, partition.patchOf(), partition.count(), ActorConfig.neuronDispatcher(dynamics));
    ActorTestKit kit = ActorTestKit.create(members.get(0).system());
    TestProbe<Host.Placed> placed = kit.createTestProbe();
    List<ActorRef<Patch.Command>> patches = new ArrayList<>();
    for (int k = 0; k < 2; k++) {
      int[] which = new int[8];
      for (int a = 0; a < 8; a++) which[a] = 8 * k + a;
      remote(members.get(k), members.get(k).startHost()).tell(new Host.Spawn(plan, which, placed.getRef()));
      Host.Placed p = placed.receiveMessage(Duration.ofSeconds(20));
      assertEquals(null, p.error());
      for (ActorRef<Object> r : p.refs()) patches.add(r.unsafeUpcast().narrow());
    }
    assertEquals(members.get(1).address(), patches.get(15).path().address(), "the second half lives on the second member");
    ActorRef<Network.Command> net = kit.spawn(PatchNetwork.create(m, dynamics, null, null, 81, partition, patches));
    TestProbe<Network.Reply> replies = kit.createTestProbe();
    // 300 sweep times of free running, then paused (a phase ends with the patches paused)
    net.tell(new Network.RunPhase(null, null, 100, 200, false, replies.getRef()));
    assertInstanceOf(Network.PhaseDone.class, replies.receiveMessage(Duration.ofSeconds(60)));
    net.tell(new Network.Count(replies.getRef()));
    Network.Counted counted = (Network.Counted) replies.receiveMessage(Duration.ofSeconds(20));
    assertTrue(counted.updates() > 10L * m.size(), "updates " + counted.updates());

    TestProbe<Patch.Fields> fields = kit.createTestProbe();
    String stale = null;
    for (int attempt = 0; attempt < 50; attempt++) { // in-flight batches settle; a lost one never does
      stale = staleField(m, patches, fields);
      if (stale == null) break;
      Thread.sleep(100);
    }
    System.out.printf("cluster flow: %d updates, %d messages (batches, credits, ticks) at full rate; fields consistent: %s%n",
        counted.updates(), counted.messages(), stale == null);
    assertEquals(null, stale, "a boundary change never arrived");
    net.tell(new Network.Stop());
  }

  /**
   * The ref as the first member sees it: a host of another member through Artery. (Its own
   * {@code ActorRef} object would deliver in this JVM directly, without crossing.)
   */
  private static <T> ActorRef<T> remote(Membership owner, ActorRef<T> ref) {
    String path = ActorRefResolver.get(owner.system()).toSerializationFormat(ref);
    return ActorRefResolver.get(members.get(0).system()).resolveActorRef(path);
  }

  /** The first unit whose kept field differs from the field over the owners' states, or null. */
  private static String staleField(BoltzmannMachine m, List<ActorRef<Patch.Command>> patches, TestProbe<Patch.Fields> probe) {
    double[] s = new double[m.size()];
    double[] h = new double[m.size()];
    for (ActorRef<Patch.Command> p : patches) p.tell(new Patch.GetFields(probe.getRef()));
    for (int k = 0; k < patches.size(); k++) {
      Patch.Fields f = probe.receiveMessage(Duration.ofSeconds(20));
      for (int a = 0; a < f.ids().length; a++) {
        s[f.ids()[a]] = f.state()[a];
        h[f.ids()[a]] = f.fields()[a];
      }
    }
    for (int i = 0; i < m.size(); i++) {
      double exact = m.field(i, s);
      if (Math.abs(exact - h[i]) > 1e-9) return "unit " + i + ": kept field " + h[i] + ", owners' states give " + exact;
    }
    return null;
  }

  @Test
  void theInFlightBoundOfAPlacementCountsBoundaryPairsAndBroadcasts() {
    int side = 8;
    BoltzmannMachine m = new BoltzmannMachine(Units.SPIN, SparseCouplings.squareLattice(side, 1.0), new double[side * side], side * side, 2.5);
    Partition tiles = Partition.squareTiles(side, 4); // patches 0 1 / 2 3; rows wrap, so 0–2 and 1–3 neighbour twice over
    RunPlan plan = new RunPlan(Granularity.Kind.PATCH, m, null, null, 1, tiles.patchOf(), 4, ActorConfig.NEURON_DISPATCHER);
    int[] hostOf = {0, 0, 1, 1};
    // exact: one batch per crossing pair (0→2, 1→3) and one broadcast per patch on the receiver
    assertEquals(new FlowBound.Result(2 + 2, 0, 1), FlowBound.of(plan, Mode.EXACT, hostOf, 2));
    // async: WINDOW batches and WINDOW credits per crossing pair
    assertEquals(new FlowBound.Result(2L * Patch.WINDOW * 2 + 2, 0, 1), FlowBound.of(plan, Mode.ASYNC, hostOf, 2));
    // neuron actors: 8 lattice columns × 2 borders (wrapping) = 16 couplings cross, each way
    RunPlan neurons = new RunPlan(Granularity.Kind.NEURON, m, null, null, 1, new int[0], 0, ActorConfig.NEURON_DISPATCHER);
    int[] half = new int[side * side];
    for (int i = 32; i < 64; i++) half[i] = 1;
    assertEquals(new FlowBound.Result(2L * 16 + 32, 0, 1), FlowBound.of(neurons, Mode.EXACT, half, 2));
  }
}
