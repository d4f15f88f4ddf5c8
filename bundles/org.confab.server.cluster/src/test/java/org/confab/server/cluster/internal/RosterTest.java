package org.confab.server.cluster.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class RosterTest {

    private static Envelope heartbeat(String node, int sessions) {
        return Envelope.heartbeat(node, sessions, "SERVING", 1L, null, null);
    }

    @Test
    void aNodeNeverHeardOfCountsAsAlive() {
        assertTrue(new Roster(5000).alive("n9"));
    }

    @Test
    void aSilentNodeIsReportedDeadOnceUntilItIsHeardAgain() {
        Roster roster = new Roster(5000);
        roster.heard(heartbeat("n1", 3), 1000);
        roster.heard(heartbeat("n2", 4), 1000);
        assertEquals(List.of(), roster.newlyDead(6000));
        roster.heard(heartbeat("n2", 4), 5500);
        assertEquals(List.of("n1"), roster.newlyDead(6001));
        assertEquals(List.of(), roster.newlyDead(7000), "reported once");
        assertFalse(roster.alive("n1"));
        assertEquals("DEAD", roster.snapshot().get(0).state());
        assertEquals(4, roster.snapshot().get(1).sessions());

        roster.heard(heartbeat("n1", 0), 8000);
        assertTrue(roster.alive("n1"), "a restarted node is alive again");
    }
}
