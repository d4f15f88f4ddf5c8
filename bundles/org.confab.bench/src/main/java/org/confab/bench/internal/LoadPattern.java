package org.confab.bench.internal;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;

/**
 * The load both the Confab run and the do-nothing relay run get: random sender, random other
 * recipient, at a fixed total rate, paced every millisecond so bursts stay small.
 */
final class LoadPattern {
    private final int users;
    private final int ratePerSecond;
    private final int durationSeconds;

    LoadPattern(int users, int ratePerSecond, int durationSeconds) {
        if (users < 2) {
            throw new IllegalArgumentException("--users must be at least 2");
        }
        if (ratePerSecond < 1) {
            throw new IllegalArgumentException("--rate must be at least 1 message per second");
        }
        this.users = users;
        this.ratePerSecond = ratePerSecond;
        this.durationSeconds = durationSeconds;
    }

    /** Calls {@code send(sender, recipient)} at the configured rate until the duration is over. */
    void run(BiConsumer<Integer, Integer> send) {
        long start = System.nanoTime();
        long end = start + durationSeconds * 1_000_000_000L;
        long issued = 0;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (true) {
            long now = System.nanoTime();
            if (now >= end) {
                return;
            }
            long due = (now - start) * ratePerSecond / 1_000_000_000L;
            for (; issued < due; issued++) {
                int sender = random.nextInt(users);
                int recipient = (sender + 1 + random.nextInt(users - 1)) % users;
                send.accept(sender, recipient);
            }
            LockSupport.parkNanos(1_000_000);
        }
    }

    static String payload(int size) {
        return "x".repeat(Math.max(1, size));
    }
}
