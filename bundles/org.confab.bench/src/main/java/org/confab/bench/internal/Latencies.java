package org.confab.bench.internal;

import java.util.Arrays;

/** Collects latency samples (nanoseconds) and reports percentiles. Thread-safe. */
final class Latencies {
    private long[] samples = new long[1 << 16];
    private int count;

    synchronized void add(long nanos) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, samples.length * 2);
        }
        samples[count++] = nanos;
    }

    synchronized int count() {
        return count;
    }

    /** Percentile in milliseconds (0 when empty), e.g. {@code percentile(99)}. */
    synchronized double percentile(double percent) {
        if (count == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        int index = (int) Math.min(count - 1, Math.ceil(percent / 100.0 * count) - 1);
        return sorted[Math.max(0, index)] / 1_000_000.0;
    }

    synchronized double max() {
        long max = 0;
        for (int i = 0; i < count; i++) {
            max = Math.max(max, samples[i]);
        }
        return max / 1_000_000.0;
    }
}
