package org.confab.client.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

class SaltedPasswordCacheTest {
    private static final byte[] SALT = { 1, 2, 3, 4 };

    private final SaltedPasswordCache cache = new SaltedPasswordCache(16);
    private final AtomicInteger computations = new AtomicInteger();

    private final Supplier<byte[]> compute = () -> new byte[] { (byte) computations.incrementAndGet() };

    @Test
    void computesOncePerServerUserSaltIterationsAndPassword() {
        byte[] first = cache.get("host:1", "alice", "pw", SALT, 4096, compute);
        byte[] again = cache.get("host:1", "alice", "pw", SALT, 4096, compute);

        assertArrayEquals(first, again);
        assertEquals(1, computations.get());
    }

    @Test
    void anyDifferentParameterMeansANewComputation() {
        cache.get("host:1", "alice", "pw", SALT, 4096, compute);
        cache.get("host:2", "alice", "pw", SALT, 4096, compute);
        cache.get("host:1", "bob", "pw", SALT, 4096, compute);
        cache.get("host:1", "alice", "other", SALT, 4096, compute);
        cache.get("host:1", "alice", "pw", new byte[] { 9 }, 4096, compute);
        cache.get("host:1", "alice", "pw", SALT, 5000, compute);

        assertEquals(6, computations.get());
    }

    @Test
    void staysBounded() {
        for (int i = 0; i < 100; i++) {
            cache.get("host:1", "user" + i, "pw", SALT, 4096, compute);
        }

        assertEquals(16, cache.size());
    }
}
