package io.glauber.engine.actor.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MembershipTest {

  @Test
  void threeMembersOnFreePortsFormOneClusterAndLeaveGracefully() {
    List<Membership> members = ClusterTesting.cluster(3);
    try {
      for (Membership m : members) {
        assertEquals(3, m.up().size());
        assertEquals("127.0.0.1", m.address().getHost().get(), "remoting binds to loopback unless configured");
        assertTrue(m.port() > 0);
      }
      // the third leaves: the others see it removed, and its system terminates
      members.get(2).leave(Duration.ofSeconds(10));
      members.get(2).awaitTermination();
      long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
      while (members.get(0).up().size() != 2 && System.nanoTime() < deadline) sleep();
      assertEquals(2, members.get(0).up().size());
    } finally {
      ClusterTesting.leaveAll(members);
    }
  }

  @Test
  void waitingForMoreMembersThanJoinEndsWithAOneLineErrorNamingTheCount() {
    try (Membership alone = Membership.start(ClusterTesting.member(null))) {
      alone.awaitMembers(1);
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> alone.awaitMembers(2, Duration.ofMillis(500)));
      assertTrue(e.getMessage().startsWith("1 of 2 cluster members Up after 0 s"), e.getMessage());
      assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }
  }

  @Test
  void badJoinAddressesAndPortsAreRefusedNamingTheValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MemberSettings.of(0, "localhost"));
    assertTrue(e.getMessage().contains("--join localhost (expected HOST:PORT"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> MemberSettings.of(0, "127.0.0.1:x"));
    assertTrue(e.getMessage().contains("port 'x'"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> MemberSettings.of(70000, null));
    assertTrue(e.getMessage().contains("port 70000"), e.getMessage());
  }

  private static void sleep() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
