package org.confab.client.core.internal;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Reconnect delays: exponential from {@code min} up to {@code max}, each randomised to between half and
 * all of its nominal value ("equal jitter"), so many clients cut off at once do not return in lockstep.
 */
final class Backoff {
    private static final int MAX_SHIFT = 30;

    private final long minNanos;
    private final long maxNanos;
    private final DoubleSupplier random;

    /** @param random yields values in [0, 1) */
    Backoff(Duration min, Duration max, DoubleSupplier random) {
        this.minNanos = min.toNanos();
        this.maxNanos = max.toNanos();
        this.random = random;
    }

    /** The delay before attempt number {@code attempt} (0 for the first). */
    Duration delay(int attempt) {
        int shift = Math.min(Math.max(attempt, 0), MAX_SHIFT);
        long nominal = minNanos > maxNanos >> shift ? maxNanos : Math.min(maxNanos, minNanos << shift);
        long half = nominal / 2;
        return Duration.ofNanos(half + (long) (random.getAsDouble() * (nominal - half)));
    }
}
