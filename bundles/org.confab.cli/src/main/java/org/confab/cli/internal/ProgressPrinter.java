package org.confab.cli.internal;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

import org.confab.client.core.TransferProgress;
import org.confab.protocol.messages.MessageKinds;

/**
 * Shows a transfer's progress on stderr: at most one line a second, and the last one at the end, such
 * as {@code sending report.pdf: 96.0 MB of 200.0 MB (48%), 85.2 MB/s, 1 s left}. Says when the
 * transfer resumes (what an earlier run left, or after a lost connection) and from which offset.
 */
final class ProgressPrinter implements TransferProgress {
    private static final long INTERVAL_NANOS = 1_000_000_000L;

    private final PrintStream err;
    private final String label;
    private final LongSupplier clock;
    private long start;
    private long lastPrinted;
    private long lastResumedFrom = -1;

    ProgressPrinter(PrintStream err, String label) {
        this(err, label, System::nanoTime);
    }

    ProgressPrinter(PrintStream err, String label, LongSupplier clock) {
        this.err = err;
        this.label = label;
        this.clock = clock;
        this.start = clock.getAsLong();
        this.lastPrinted = start;
    }

    @Override
    public synchronized void update(long done, long total, long resumedFrom) {
        long now = clock.getAsLong();
        if (resumedFrom != lastResumedFrom) {
            // a fresh start, or a resume: after an interrupted run or a lost connection
            lastResumedFrom = resumedFrom;
            start = now;
            if (resumedFrom > 0 && resumedFrom < total) {
                err.println("resuming at offset " + resumedFrom);
            }
        }
        if (done < total && now - lastPrinted < INTERVAL_NANOS) {
            return;
        }
        lastPrinted = now;
        err.println(line(done, total, resumedFrom, now - start));
        err.flush();
    }

    String line(long done, long total, long resumedFrom, long elapsedNanos) {
        double seconds = elapsedNanos / 1e9;
        double rate = seconds > 0 ? (done - resumedFrom) / seconds : 0;
        StringBuilder text = new StringBuilder(label).append(": ").append(MessageKinds.size(done)).append(" of ")
                .append(MessageKinds.size(total));
        if (total > 0) {
            text.append(String.format(Locale.ROOT, " (%d%%)", done * 100 / total));
        }
        if (rate > 0) {
            text.append(", ").append(MessageKinds.size((long) rate)).append("/s");
            if (done < total) {
                text.append(", ").append((long) Math.ceil((total - done) / rate)).append(" s left");
            }
        }
        return text.toString();
    }
}
