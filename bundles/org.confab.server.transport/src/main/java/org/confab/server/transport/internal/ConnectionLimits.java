package org.confab.server.transport.internal;

import java.net.InetAddress;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.confab.server.spi.AddressGroup;

/**
 * Counts open connections in total and per remote address, so one host (or a botnet of a few) cannot
 * take every connection slot. An IPv6 address counts by its /64 (its {@link AddressGroup}), since one
 * host can use every address of it. A connection {@link #admit admitted} must be
 * {@link #release released} exactly once.
 */
final class ConnectionLimits {
    private final int maxTotal;
    private final int maxPerAddress;
    private final AtomicInteger total = new AtomicInteger();
    private final int ipv6PrefixBits;
    private final ConcurrentHashMap<InetAddress, AtomicInteger> perAddress = new ConcurrentHashMap<>();

    ConnectionLimits(int maxTotal, int maxPerAddress, int ipv6PrefixBits) {
        this.maxTotal = Math.max(1, maxTotal);
        this.maxPerAddress = Math.max(1, maxPerAddress);
        this.ipv6PrefixBits = ipv6PrefixBits;
    }

    /** Takes a slot for a new connection from {@code address}, or says why there is none. */
    Optional<String> admit(InetAddress address) {
        if (total.incrementAndGet() > maxTotal) {
            total.decrementAndGet();
            return Optional.of("the server is at its connection limit");
        }
        boolean[] refused = new boolean[1];
        perAddress.compute(AddressGroup.of(address, ipv6PrefixBits), (key, count) -> {
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
        perAddress.computeIfPresent(AddressGroup.of(address, ipv6PrefixBits), (key, count) -> count.decrementAndGet() <= 0 ? null : count);
        total.decrementAndGet();
    }

    int open() {
        return total.get();
    }
}
