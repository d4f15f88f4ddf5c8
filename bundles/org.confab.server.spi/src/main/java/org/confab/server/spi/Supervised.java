package org.confab.server.spi;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the server's long-lived threads (the accept loop, the idle monitor, the journal checkpoint,
 * the commit threads) alive whatever they meet. A thread that ended on an unexpected exception or
 * Error used to leave a process that looked alive but no longer accepted, timed out or checkpointed;
 * a {@code ScheduledExecutorService} even cancels a periodic task that throws, without a word. Here
 * every such failure is logged as an error naming the thread's job, and the work goes on.
 */
public final class Supervised {
    private static final Logger LOG = LoggerFactory.getLogger(Supervised.class);
    /** After a failure a loop waits this long, so a failure that repeats at once cannot spin a core. */
    static final Duration PAUSE_AFTER_FAILURE = Duration.ofMillis(100);

    private Supervised() {
    }

    /**
     * A periodic task for a scheduled executor that survives its own failures: each run that throws
     * (an Error too) is logged and the schedule continues.
     */
    public static Runnable periodic(String job, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (Throwable failure) { // NOPMD: an Error must not end the schedule either
                report(job, failure);
            }
        };
    }

    /**
     * Runs {@code step} again and again while {@code running} says so, on the calling thread. A step
     * that throws (an Error too) is logged, and the loop goes on after a short pause.
     */
    public static void loop(String job, BooleanSupplier running, Runnable step) {
        while (running.getAsBoolean()) {
            try {
                step.run();
            } catch (Throwable failure) { // NOPMD: see periodic
                report(job, failure);
                try {
                    Thread.sleep(PAUSE_AFTER_FAILURE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Logs a failure that a long-lived thread survived. */
    public static void report(String job, Throwable failure) {
        LOG.error("{} met an unexpected {}; it keeps running", job, failure.getClass().getName(), failure);
    }
}
