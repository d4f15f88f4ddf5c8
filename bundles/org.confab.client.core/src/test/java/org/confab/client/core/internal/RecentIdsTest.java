package org.confab.client.core.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RecentIdsTest {

    @Test
    void reportsEachIdOnceWhileItIsRecent() {
        RecentIds recent = new RecentIds(2);

        assertTrue(recent.firstSighting(1));
        assertFalse(recent.firstSighting(1));
        assertTrue(recent.firstSighting(2));
        assertTrue(recent.firstSighting(3));
        assertTrue(recent.firstSighting(1), "the oldest id was forgotten to keep memory bounded");
    }

    @Test
    void remembersAcknowledgementsOfSeenIdsOnly() {
        RecentIds recent = new RecentIds(10);
        recent.firstSighting(5);

        recent.markAcked(5);
        recent.markAcked(6);

        assertTrue(recent.isAcked(5));
        assertFalse(recent.isAcked(6));
    }
}
