package org.confab.server.transport.internal;

import java.net.InetAddress;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts open connections in total and per remote address, so one host (or a botnet of a few) cannot
 * take every connection slot. A connection {@link #admit admitted} must be {@link #release released}
 * exactly once.
 */
final class ConnectionLimits {
    private final int maxTotal;
    private final int maxPerAddress;
    private final AtomicInteger total = new AtomicInteger();
    private final ConcurrentHashMap<InetAddress, AtomicInteger> perAddress = new ConcurrentHashMap<>();

    ConnectionLimits(int maxTotal, int maxPerAddress) {
        this.maxTotal = Math.max(1, maxTotal);
        this.maxPerAddress = Math.max(1, maxPerAddress);
    }

    /** Takes a slot for a new connection from {@code address}, or says why there is none. */
    Optional<String> admit(InetAddress address) {
        if (total.incrementAndGet() > maxTotal) {
            total.decrementAndGet();
            return Optional.of("the server is at its connection limit");
        }
        boolean[] refused = new boolean[1];
        perAddress.compute(address, (key, count) -> {
            AtomicInteger counter = count == null ? new AtomicInteger() : count;
            refused[0] = counter.get() >= maxPerAddress;
            if (!refused[0]) {
                counter.incrementAndGet();
            }
            return counter.get() == 0 ? null : counter;
        });
        if (refused[0]) {
            total.decrementAndGet();
            return Optional.of("too many connections from your address (at most " + maxPerAddress + ")");
        }
        return Optional.empty();
    }

    void release(InetAddress address) {
        perAddress.computeIfPresent(address, (key, count) -> count.decrementAndGet() <= 0 ? null : count);
        total.decrementAndGet();
    }

    int open() {
        return total.get();
    }
}
