package org.confab.server.router.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class AttemptLimiterTest {
    private final AttemptLimiter limiter = new AttemptLimiter(3, 100, 50, 1000);

    @Test
    void theAttemptThatReachesTheLimitLocksForTheLockout() {
        assertFalse(limiter.record("alice", 0));
        assertFalse(limiter.record("alice", 1));
        assertTrue(limiter.record("alice", 2));
        assertEquals(Optional.of(50L), limiter.lockedFor("alice", 2));
        assertEquals(Optional.of(1L), limiter.lockedFor("alice", 51));
        assertEquals(Optional.empty(), limiter.lockedFor("alice", 52));
        assertEquals(Optional.empty(), limiter.lockedFor("bob", 2), "keys are independent");
    }

    @Test
    void attemptsOutsideTheWindowStartAnewAndResetForgets() {
        limiter.record("alice", 0);
        limiter.record("alice", 1);
        assertFalse(limiter.record("alice", 200), "the window of the first two attempts is over");
        limiter.record("alice", 201);
        limiter.reset("alice");
        assertFalse(limiter.record("alice", 202));
        assertEquals(Optional.empty(), limiter.lockedFor("alice", 202));
    }

    @Test
    void remembersABoundedNumberOfLocksDroppingTheOneThatEndsSoonest() {
        AttemptLimiter small = new AttemptLimiter(1, 100, 50, 2);
        small.record("a", 0);
        small.record("b", 1);
        small.record("c", 2);
        assertEquals(Optional.empty(), small.lockedFor("a", 3), "the lock that would end soonest was dropped");
        assertTrue(small.lockedFor("b", 3).isPresent());
        assertTrue(small.lockedFor("c", 3).isPresent());
    }

    /** Before, counts and locks shared one LRU map: a flood of fresh names pushed a locked key out, freeing it. */
    @Test
    void aFloodOfNewKeysCannotEvictALock() {
        AttemptLimiter limiter = new AttemptLimiter(3, 1_000, 500, 100);
        for (int i = 0; i < 3; i++) {
            limiter.record("victim", i);
        }
        assertTrue(limiter.lockedFor("victim", 3).isPresent());
        for (int i = 0; i < 100_000; i++) {
            limiter.record("flood-" + i, 4); // one failure each: counted, never locked
        }
        assertTrue(limiter.lockedFor("victim", 5).isPresent(), "still locked after 100,000 other keys");
    }
}
