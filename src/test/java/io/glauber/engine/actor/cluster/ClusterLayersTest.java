package io.glauber.engine.actor.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glauber.data.DataSpecs;
import io.glauber.engine.actor.layer.DirectTrainer;
import io.glauber.engine.actor.layer.LayerEngine;
import io.glauber.engine.actor.layer.LayerSettings;
import io.glauber.engine.actor.layer.RbmSupervisor;
import io.glauber.learn.LearningRule;
import io.glauber.model.Rbm;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * An RBM's layer actors placed over three members in one JVM ({@link ClusterLayers}): the
 * supervisor on the first, the visible layer on another, the hidden layer on the third, so every
 * batch, parameter and phase message crosses members through its serializer. The layers draw only
 * from seeds the supervisor sends, so CD-k and PCD-k give, bit for bit, the model of the actor-free
 * twin ({@link DirectTrainer}), which equals the one-JVM layer actors' (LayerTrainingTest); and a
 * member holding a layer, lost mid-run, stops the run with one line naming it.
 */
class ClusterLayersTest {
  private static final double[][] BAS = DataSpecs.load("bas:3x3").rowsAsDouble();
  private static final LearningRule RULE = new LearningRule(0.1, 0.5, 0, 0, 0, 0);

  @Test
  void layerActorsOnThreeMembersTrainTheOneJvmModelAtTheSameSeedAndALostLayerStopsTheRun() throws Exception {
    List<Membership> members = ClusterTesting.cluster(3);
    try {
      for (Membership m : members) m.startHost();
      Membership home = members.get(0);
      for (boolean persistent : new boolean[] {false, true}) {
        LayerSettings s = new LayerSettings(2, 3, 5, RULE, 11, persistent, Duration.ofSeconds(20));
        Rbm init = LayerEngine.initial(BAS, 6, 11);
        Rbm spread = LayerEngine.train(home.system(), init, BAS, s, 0, null, ClusterLayers.placed(home, 3))
            .toCompletableFuture().get(60, TimeUnit.SECONDS);
        assertNotEquals(init, spread, "the model moved");
        assertEquals(DirectTrainer.train(init, BAS, s, 0, null), spread, persistent ? "PCD-2" : "CD-2");
      }

      // sampling: the layers on the other members give one JVM's samples at the same seed
      Rbm model = LayerEngine.initial(BAS, 6, 13).withTemperature(1.0);
      java.util.List<int[]> here = LayerEngine.sampleVisible(model, 4, 10, 40, 2, 1.0, 13)
          .runWith(akka.stream.javadsl.Sink.seq(), home.system()).toCompletableFuture().get(60, TimeUnit.SECONDS);
      java.util.List<int[]> placed = LayerEngine.sampleVisible(model, 4, 10, 40, 2, 1.0, 13, ClusterLayers.placed(home, 3))
          .runWith(akka.stream.javadsl.Sink.seq(), home.system()).toCompletableFuture().get(60, TimeUnit.SECONDS);
      assertEquals(40, placed.size());
      for (int k = 0; k < here.size(); k++) org.junit.jupiter.api.Assertions.assertArrayEquals(here.get(k), placed.get(k), "sample " + k);

      // the hidden layer's member stops mid-run: the supervisor's watch ends the run with one line
      List<akka.actor.typed.ActorRef<Host.Command>> order = ClusterLayers.order(
          java.util.Set.copyOf(hostsOf(members)), home.system().address(), 3);
      Membership lost = members.stream().filter(m -> m.address().equals(order.get(1).path().address())).findFirst().orElseThrow();
      assertNotEquals(home, lost, "the hidden layer is placed away from the supervisor");
      AtomicInteger epochs = new AtomicInteger();
      LayerSettings longRun = new LayerSettings(1, 1_000_000, 5, RULE, 12, false, Duration.ofSeconds(30));
      RbmSupervisor.Layers layers = ClusterLayers.placed(home, 3);
      CompletableFuture<Rbm> run = LayerEngine.train(home.system(), LayerEngine.initial(BAS, 6, 12), BAS, longRun, 0,
          e -> epochs.incrementAndGet(), layers).toCompletableFuture();
      while (epochs.get() < 3) {
        assertTrue(!run.isDone(), "the run ended before a member stopped: " + run);
        Thread.sleep(10);
      }
      lost.system().terminate();
      ExecutionException e = assertThrows(ExecutionException.class, () -> run.get(60, TimeUnit.SECONDS));
      String reason = e.getCause().getMessage();
      assertTrue(reason.contains("hidden layer stopped for good (on cluster member " + lost.address() + ":") && !reason.contains("\n"), reason);
      System.out.println("cluster layers fault: " + reason + " after " + epochs.get() + " epochs");
    } finally {
      for (int k = members.size() - 1; k >= 0; k--) {
        if (members.get(k).system().whenTerminated().isCompleted()) continue;
        members.get(k).leave(Duration.ofSeconds(10));
      }
    }
  }

  private static List<akka.actor.typed.ActorRef<Host.Command>> hostsOf(List<Membership> members) {
    akka.actor.typed.receptionist.Receptionist.Listing l = akka.actor.typed.javadsl.AskPattern
        .<akka.actor.typed.receptionist.Receptionist.Command, akka.actor.typed.receptionist.Receptionist.Listing>ask(
            members.get(0).system().receptionist(), r -> akka.actor.typed.receptionist.Receptionist.find(Host.KEY, r),
            Duration.ofSeconds(5), members.get(0).system().scheduler()).toCompletableFuture().join();
    return List.copyOf(l.getServiceInstances(Host.KEY));
  }
}
