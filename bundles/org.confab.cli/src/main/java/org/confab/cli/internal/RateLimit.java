package org.confab.cli.internal;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.confab.client.core.TransferProgress;

/**
 * {@code --limit-rate}: holds a transfer back to a number of bytes a second. The client library calls
 * its progress listener on the transfer's thread after every chunk and waits for it, so sleeping here
 * until the average is back under the limit paces the transfer without touching the library.
 */
final class RateLimit implements TransferProgress {
    private final long bytesPerSecond;
    private final TransferProgress next;
    private final LongSupplier clock;
    private long start;
    private long from = -1;

    RateLimit(long bytesPerSecond, TransferProgress next) {
        this(bytesPerSecond, next, System::nanoTime);
    }

    RateLimit(long bytesPerSecond, TransferProgress next, LongSupplier clock) {
        this.bytesPerSecond = bytesPerSecond;
        this.next = next;
        this.clock = clock;
    }

    @Override
    public void update(long done, long total, long resumedFrom) {
        next.update(done, total, resumedFrom);
        if (resumedFrom != from) {
            from = resumedFrom;
            start = clock.getAsLong();
        }
        long due = start + TimeUnit.SECONDS.toNanos(1) * (done - from) / bytesPerSecond;
        long wait = due - clock.getAsLong();
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** {@code next}, limited when the option is given. */
    static TransferProgress of(CommandContext context, TransferProgress next) {
        return context.option("limit-rate")
                .map(text -> (TransferProgress) new RateLimit(parse(text), next)).orElse(next);
    }

    /** Bytes a second: a number, optionally with K, M or G (binary multiples), such as {@code 20M}. */
    static long parse(String text) {
        String value = text.strip().toUpperCase(java.util.Locale.ROOT);
        long unit = 1;
        if (!value.isEmpty() && "KMG".indexOf(value.charAt(value.length() - 1)) >= 0) {
            unit = 1L << (10 * ("KMG".indexOf(value.charAt(value.length() - 1)) + 1));
            value = value.substring(0, value.length() - 1);
        }
        return OptionValues.inRange("--limit-rate", value, 1, Long.MAX_VALUE / unit) * unit;
    }
}
