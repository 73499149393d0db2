package io.glauber.hopfield;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glauber.engine.actor.Granularity;
import io.glauber.engine.actor.Mode;
import io.glauber.engine.actor.cluster.ClusterTesting;
import io.glauber.engine.actor.cluster.Membership;
import io.glauber.hopfield.RecallSettings.Engine;
import io.glauber.hopfield.RecallSettings.Update;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@code recall --engine actor --join HOST:PORT --members N} in one JVM: two members with hosts and
 * the recall as the third ({@link RecallRun#onCluster}). Exact mode is deterministic given the seed
 * (the placed actors get the one-JVM run's specs and random sources), so every probe's final state,
 * sweeps and energy trace equal the one-JVM run's — on neuron actors (a network per probe) and on
 * patch actors (one network restarted per probe), at T = 0 and at T &gt; 0.
 */
class ClusterRecallTest {
  private static final int[][] STORED = Patterns.random(2, 30, new SplittableRandom(4));
  private static final HopfieldModel MODEL = new HopfieldModel(HopfieldStorage.hebb(STORED), STORED);

  private static RecallSettings settings(Update update, int maxSweeps, Granularity g) {
    return new RecallSettings(update, Engine.ACTOR, Mode.EXACT, 0.5, null, maxSweeps, 1, 7, RecallSettings.DEFAULT_RETRIEVAL_OVERLAP).withGranularity(g);
  }

  @Test
  void recallOnActorsPlacedOverThreeMembersGivesTheOneJvmRunsStatesAtTheSameSeed() {
    RecallProbes probes = RecallProbes.corrupted(STORED, 0.2, 2, 3);
    List<RecallSettings> runs = List.of(settings(Update.ASYNC, 20, Granularity.NEURON), settings(Update.STOCHASTIC, 4, Granularity.patches(10)));
    List<Membership> nodes = ClusterTesting.cluster(2);
    try {
      for (Membership m : nodes) m.startHost();
      for (RecallSettings s : runs) {
        RecallReport local = RecallRun.run(MODEL, probes, s);
        RecallReport spread = RecallRun.onCluster(ClusterTesting.member(nodes.get(0).joinAddress()), 3, MODEL, probes, s);
        assertEquals(probes.states().length, spread.results().size());
        for (int k = 0; k < local.results().size(); k++) {
          RecallResult a = local.results().get(k);
          RecallResult b = spread.results().get(k);
          String what = s.update() + " on " + s.granularity() + ", probe " + k;
          assertArrayEquals(a.state(), b.state(), 0.0, what);
          assertEquals(a.sweeps(), b.sweeps(), what);
          assertArrayEquals(a.energies(), b.energies(), 0.0, what);
          assertEquals(a.converged(), b.converged(), what);
        }
        if (s.update() == Update.ASYNC) assertTrue(spread.retrievedFraction() > 0, "some probe retrieved: " + spread.summary());
      }
    } finally {
      ClusterTesting.leaveAll(nodes);
    }
  }

  @Test
  void whatCannotBePlacedIsRefusedWithOneLineBeforeJoining() {
    RecallProbes probes = RecallProbes.corrupted(STORED, 0.2, 1, 3);
    RecallSettings batch = new RecallSettings(Update.ASYNC, Engine.BATCH, Mode.EXACT, 0, null, 5, 1, 7, RecallSettings.DEFAULT_RETRIEVAL_OVERLAP);
    // the join address is never contacted: the refusals come first
    assertEquals("--join with --engine batch (cluster mode places actors: --engine actor)", assertThrows(IllegalArgumentException.class,
        () -> RecallRun.onCluster(ClusterTesting.member("127.0.0.1:1"), 3, MODEL, probes, batch)).getMessage());
    assertEquals("update sync of a Hopfield network on the actor engine (expected async or stochastic)", assertThrows(IllegalArgumentException.class,
        () -> RecallRun.onCluster(ClusterTesting.member("127.0.0.1:1"), 3, MODEL, probes, settings(Update.SYNC, 5, Granularity.NEURON))).getMessage());
  }
}
