package org.confab.server.router.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Remembers for a few seconds which recipients exist, so a busy conversation does not cost a
 * database lookup per message. Only positive answers are kept, and only briefly: a deleted account
 * stops receiving within {@link #TTL_NANOS} (its late messages stay undelivered, never shown).
 */
final class KnownUsers {
    static final long TTL_NANOS = 5_000_000_000L;
    private static final int MAX_ENTRIES = 100_000;

    private final Map<String, Long> confirmedAt = new ConcurrentHashMap<>();
    private final Predicate<String> exists;

    KnownUsers(Predicate<String> exists) {
        this.exists = exists;
    }

    boolean exists(String username) {
        long now = System.nanoTime();
        Long confirmed = confirmedAt.get(username);
        if (confirmed != null && now - confirmed < TTL_NANOS) {
            return true;
        }
        boolean found = exists.test(username);
        if (found) {
            if (confirmedAt.size() >= MAX_ENTRIES) {
                confirmedAt.clear();
            }
            confirmedAt.put(username, now);
        } else {
            confirmedAt.remove(username);
        }
        return found;
    }
}
