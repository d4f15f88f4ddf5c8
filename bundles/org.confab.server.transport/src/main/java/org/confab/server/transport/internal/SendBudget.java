package org.confab.server.transport.internal;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Bytes queued for peers over all connections of a transport. Each connection has a budget of its
 * own, but a user with a few hundred connections that all stop reading could still pile up
 * gigabytes within those budgets; past this shared limit, any connection that has more than a
 * little queued is closed instead of queueing more.
 */
final class SendBudget {
    /** A connection with at most this much queued is never blamed for the total. */
    static final long SMALL_QUEUE_BYTES = 64 << 10;

    private final long limit;
    private final AtomicLong queued = new AtomicLong();

    SendBudget(long limit) {
        this.limit = limit;
    }

    void add(long bytes) {
        queued.addAndGet(bytes);
    }

    boolean exceeded() {
        return queued.get() > limit;
    }

    long queued() {
        return queued.get();
    }

    long limit() {
        return limit;
    }
}
