package io.glauber.engine.actor.cluster;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.Done;
import akka.stream.javadsl.Sink;
import io.glauber.engine.actor.Fixtures;
import io.glauber.engine.actor.Granularity;
import io.glauber.engine.actor.neuron.ActorSampler;
import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Units;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A member that hosts part of a run stops mid-run (its actor system terminates): the run fails with
 * a one-line reason naming the member — no hang, no silently wrong samples — and the samples taken
 * before it were delivered.
 */
class ClusterFaultTest {

  @Test
  void stoppingAMemberMidRunEndsTheRunWithOneLineNamingIt() throws Exception {
    List<Membership> members = ClusterTesting.cluster(3);
    try {
      for (Membership m : members) m.startHost();
      BoltzmannMachine machine = Fixtures.randomMachine(9, Units.SPIN, 0.6, 1.0, 9, 71);
      ActorSampler.Settings s = ActorSampler.Settings.exact(71, 0, 100_000_000L, 1).withGranularity(Granularity.patches(3));
      AtomicLong taken = new AtomicLong();
      Membership first = members.get(0);
      CompletableFuture<Done> run = ClusterSampler.source(first, 3, machine, s)
          .runWith(Sink.foreach(x -> taken.incrementAndGet()), first.system()).toCompletableFuture();
      while (taken.get() < 20) {
        assertTrue(!run.isDone(), "the run ended before a member stopped");
        Thread.sleep(10);
      }
      Membership lost = members.get(2);
      lost.system().terminate();
      ExecutionException e = assertThrows(ExecutionException.class, () -> run.get(60, TimeUnit.SECONDS));
      String reason = e.getCause().getMessage();
      assertTrue(reason.startsWith("cluster member " + lost.address() + " ") && reason.contains("mid-run (it held 1 of 3 patch actors)")
          && reason.endsWith("; the run stopped") && !reason.contains("\n"), reason);
      System.out.println("cluster fault: " + reason + " after " + taken.get() + " samples");
    } finally {
      ClusterTesting.leaveAll(members.subList(0, 2));
      members.get(2).awaitTermination();
    }
  }
}
