package org.confab.filetransfer.ui.internal;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Speed and time left of one transfer, over a sliding window of recent samples (so a stall shows
 * quickly and a burst does not promise too much). Bytes that were already there when the transfer
 * resumed do not count as speed. Not thread-safe: one job samples it.
 */
final class TransferRate {
    private static final long WINDOW_NANOS = 5_000_000_000L;

    private record Sample(long nanos, long done) {
    }

    private final Deque<Sample> samples = new ArrayDeque<>();

    /** Records that {@code done} bytes were transferred at time {@code nanos} (System.nanoTime). */
    void sample(long nanos, long done) {
        samples.addLast(new Sample(nanos, done));
        while (samples.size() > 2 && nanos - samples.peekFirst().nanos() > WINDOW_NANOS) {
            samples.removeFirst();
        }
    }

    /** Bytes per second over the window; 0 until two samples lie apart. */
    double bytesPerSecond() {
        if (samples.size() < 2) {
            return 0;
        }
        Sample first = samples.peekFirst();
        Sample last = samples.peekLast();
        long nanos = last.nanos() - first.nanos();
        return nanos <= 0 ? 0 : (last.done() - first.done()) * 1e9 / nanos;
    }

    /** "2.1 MB of 10 MB, 1.5 MB/s, 6 s left" (speed and time left once known; resumed offset when resumed). */
    String describe(long done, long total, long resumedFrom) {
        StringBuilder text = new StringBuilder(Sizes.bytes(done)).append(" of ").append(Sizes.bytes(total));
        double rate = bytesPerSecond();
        if (rate > 0) {
            text.append(", ").append(Sizes.rate(rate));
            long left = (long) Math.ceil((total - done) / rate);
            text.append(", ").append(Sizes.duration(Math.max(0, left))).append(" left");
        }
        if (resumedFrom > 0) {
            text.append(" (resumed at ").append(Sizes.bytes(resumedFrom)).append(')');
        }
        return text.toString();
    }
}
