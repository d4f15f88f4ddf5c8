package org.confab.server.router.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.confab.server.spi.TokenBucket;

/**
 * A {@link TokenBucket} per key (an account), holding at most {@code maxKeys} buckets: the least
 * recently used is forgotten first, which only ever gives its key a full bucket again. Thread-safe.
 */
final class KeyedBuckets {
    private final int burst;
    private final double perSecond;
    private final Map<Object, TokenBucket> buckets;

    KeyedBuckets(int burst, double perSecond, int maxKeys) {
        this.burst = Math.max(1, burst);
        this.perSecond = perSecond;
        this.buckets = new LinkedHashMap<>(256, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, TokenBucket> eldest) {
                return size() > maxKeys;
            }
        };
    }

    /** Takes a token from the key's bucket; 0 on success, otherwise the nanoseconds until one is there. */
    long tryTake(Object key, long now) {
        TokenBucket bucket;
        synchronized (buckets) {
            bucket = buckets.computeIfAbsent(key, k -> new TokenBucket(burst, perSecond, now));
        }
        return bucket.tryTake(now);
    }
}
