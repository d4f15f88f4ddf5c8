package org.confab.client.core.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.confab.protocol.Scram;

/**
 * Remembers SCRAM salted passwords so a reconnect does not rerun PBKDF2 (100,000 iterations by
 * default: tens of milliseconds of CPU per login). An entry is valid only for the exact server, user,
 * salt, iteration count and password it was computed from; the password enters the key only as a
 * salted HMAC. Bounded, in memory only. Thread-safe.
 *
 * <p>One cache serves every client in the process ({@link #shared()}), as a SCRAM client library
 * should: a second session of the same user, and a load generator that plays many sessions per user,
 * pay PBKDF2 once per user instead of once per login. The server's cost per login does not change.
 */
final class SaltedPasswordCache {
    private static final SaltedPasswordCache SHARED = new SaltedPasswordCache(1024);

    private final int capacity;

    private record Key(String server, String username, String salt, int iterations, String passwordCheck) {
    }

    private final Map<Key, byte[]> entries = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, byte[]> eldest) {
            return size() > capacity;
        }
    };

    SaltedPasswordCache(int capacity) {
        this.capacity = capacity;
    }

    /** The process-wide cache. */
    static SaltedPasswordCache shared() {
        return SHARED;
    }

    /** The salted password for these parameters, computed with {@code compute} on a miss. */
    byte[] get(String server, String username, String password, byte[] salt, int iterations,
            Supplier<byte[]> compute) {
        Key key = new Key(server, username, Scram.base64(salt), iterations,
                Scram.base64(Scram.hmac(salt, password)));
        synchronized (this) {
            byte[] cached = entries.get(key);
            if (cached != null) {
                return cached.clone();
            }
        }
        // computed outside the lock: two racing logins may both compute, which is harmless
        byte[] salted = compute.get();
        synchronized (this) {
            entries.put(key, salted.clone());
        }
        return salted;
    }

    synchronized int size() {
        return entries.size();
    }
}
