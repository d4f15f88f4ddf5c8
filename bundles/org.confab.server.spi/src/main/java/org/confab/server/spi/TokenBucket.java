package org.confab.server.spi;

/**
 * The classic token bucket: holds up to {@code capacity} tokens, refilled at {@code perSecond}; a
 * request takes one. Lets a client burst (a reconnect that resends a queue) while bounding its
 * sustained rate. Time comes from the caller, in nanoseconds, so tests need no clock. Thread-safe.
 * Shared by the router (request rates per class) and the transport (frames it answers itself).
 */
public final class TokenBucket {
    private final double capacity;
    private final double perNano;
    private double tokens;
    private long updated;

    public TokenBucket(int capacity, double perSecond, long nowNanos) {
        this.capacity = Math.max(1, capacity);
        this.perNano = Math.max(1e-9, perSecond) / 1e9;
        this.tokens = this.capacity;
        this.updated = nowNanos;
    }

    /** Takes a token; returns 0 on success, otherwise the nanoseconds until one is available. */
    public synchronized long tryTake(long nowNanos) {
        tokens = Math.min(capacity, tokens + Math.max(0, nowNanos - updated) * perNano);
        updated = nowNanos;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / perNano);
    }
}
