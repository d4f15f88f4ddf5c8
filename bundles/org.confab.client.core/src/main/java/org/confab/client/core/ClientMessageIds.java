package org.confab.client.core;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Fresh client message ids in the time-ordered UUID version 7 layout of RFC 9562: 48 bits of Unix
 * milliseconds, then 74 random bits. The server keeps a unique index on (sender, client id); ids that
 * grow with time are inserted at the end of a sender's range instead of at a random place in the
 * whole index, which makes storing a message markedly cheaper (see docs/performance.md). Any unique
 * string is still accepted by the server.
 */
public final class ClientMessageIds {

    private ClientMessageIds() {
    }

    /** A new id, unique for all practical purposes, ordered by creation time to the millisecond. */
    public static String next() {
        return at(System.currentTimeMillis());
    }

    static String at(long epochMillis) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long mostSignificant = (epochMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | random.nextLong(0x1000);
        long leastSignificant = 0x8000_0000_0000_0000L | (random.nextLong() >>> 2);
        return new UUID(mostSignificant, leastSignificant).toString();
    }
}
