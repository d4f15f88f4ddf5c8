package org.confab.server.router.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Counts attempts per key (an account name, an address) in a fixed window; the attempt that reaches
 * {@code limit} locks the key for {@code lockoutNanos}. Holds at most {@code maxKeys} keys, dropping
 * the least recently used, so a flood of made-up names cannot exhaust memory (at worst it forgets
 * some counts early). Time comes from the caller, in nanoseconds. Thread-safe.
 */
final class AttemptLimiter {
    private static final class Attempts {
        long windowStart;
        int count;
        long lockedUntil;
    }

    private final int limit;
    private final long windowNanos;
    private final long lockoutNanos;
    private final Map<Object, Attempts> entries;

    AttemptLimiter(int limit, long windowNanos, long lockoutNanos, int maxKeys) {
        this.limit = Math.max(1, limit);
        this.windowNanos = Math.max(1, windowNanos);
        this.lockoutNanos = Math.max(1, lockoutNanos);
        this.entries = new LinkedHashMap<>(256, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Attempts> eldest) {
                return size() > maxKeys;
            }
        };
    }

    /** How long {@code key} stays locked, or empty when it may try. */
    synchronized Optional<Long> lockedFor(Object key, long now) {
        Attempts entry = entries.get(key);
        if (entry == null || entry.lockedUntil - now <= 0) {
            return Optional.empty();
        }
        return Optional.of(entry.lockedUntil - now);
    }

    /** Counts an attempt; returns true when this attempt locked the key. */
    synchronized boolean record(Object key, long now) {
        Attempts entry = entries.computeIfAbsent(key, k -> new Attempts());
        if (entry.count == 0 || now - entry.windowStart > windowNanos) {
            entry.windowStart = now;
            entry.count = 0;
        }
        entry.count++;
        if (entry.count >= limit) {
            entry.lockedUntil = now + lockoutNanos;
            entry.count = 0;
            return true;
        }
        return false;
    }

    /** Forgets the key's attempts (after a successful login). */
    synchronized void reset(Object key) {
        Attempts entry = entries.get(key);
        if (entry != null && entry.lockedUntil == 0) {
            entries.remove(key);
        } else if (entry != null) {
            entry.count = 0;
        }
    }
}
