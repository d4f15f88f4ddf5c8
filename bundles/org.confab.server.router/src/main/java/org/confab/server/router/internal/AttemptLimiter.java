package org.confab.server.router.internal;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Counts attempts per key (an account name, an address) in a fixed window; the attempt that reaches
 * {@code limit} locks the key for {@code lockoutNanos}. Counts are held for at most {@code maxKeys}
 * keys, dropping the least recently used, so a flood of made-up names cannot exhaust memory (at worst
 * it forgets some counts early). Locks are held apart from the counts: a flood of new keys evicts
 * counts, never a lock, so it cannot free a locked account or address. Locks are bounded by
 * {@code maxKeys} too; when that many are in force, expired ones go first and then the one that
 * would end soonest (reaching that takes {@code maxKeys} times {@code limit} failed attempts). Time
 * comes from the caller, in nanoseconds. Thread-safe.
 */
final class AttemptLimiter {
    private static final class Attempts {
        long windowStart;
        int count;
    }

    private final int limit;
    private final long windowNanos;
    private final long lockoutNanos;
    private final int maxKeys;
    private final Map<Object, Attempts> counts;
    /** Locked keys and when each lock ends. */
    private final Map<Object, Long> locks = new HashMap<>();

    AttemptLimiter(int limit, long windowNanos, long lockoutNanos, int maxKeys) {
        this.limit = Math.max(1, limit);
        this.windowNanos = Math.max(1, windowNanos);
        this.lockoutNanos = Math.max(1, lockoutNanos);
        this.maxKeys = Math.max(1, maxKeys);
        this.counts = new LinkedHashMap<>(256, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Attempts> eldest) {
                return size() > AttemptLimiter.this.maxKeys;
            }
        };
    }

    /** How long {@code key} stays locked, or empty when it may try. */
    synchronized Optional<Long> lockedFor(Object key, long now) {
        Long until = locks.get(key);
        if (until == null) {
            return Optional.empty();
        }
        if (until - now <= 0) {
            locks.remove(key);
            return Optional.empty();
        }
        return Optional.of(until - now);
    }

    /** Counts an attempt; returns true when this attempt locked the key. */
    synchronized boolean record(Object key, long now) {
        Attempts entry = counts.computeIfAbsent(key, k -> new Attempts());
        if (entry.count == 0 || now - entry.windowStart > windowNanos) {
            entry.windowStart = now;
            entry.count = 0;
        }
        entry.count++;
        if (entry.count < limit) {
            return false;
        }
        counts.remove(key);
        locks.put(key, now + lockoutNanos);
        if (locks.size() > maxKeys) {
            makeRoomForLocks(now);
        }
        return true;
    }

    private void makeRoomForLocks(long now) {
        locks.values().removeIf(until -> until - now <= 0);
        while (locks.size() > maxKeys) {
            Object soonest = null;
            long soonestEnd = Long.MAX_VALUE;
            for (Iterator<Map.Entry<Object, Long>> it = locks.entrySet().iterator(); it.hasNext();) {
                Map.Entry<Object, Long> lock = it.next();
                if (soonest == null || lock.getValue() - soonestEnd < 0) {
                    soonest = lock.getKey();
                    soonestEnd = lock.getValue();
                }
            }
            locks.remove(soonest);
        }
    }

    /** Forgets the key's attempts (after a successful login); a lock in force stays. */
    synchronized void reset(Object key) {
        counts.remove(key);
    }
}
