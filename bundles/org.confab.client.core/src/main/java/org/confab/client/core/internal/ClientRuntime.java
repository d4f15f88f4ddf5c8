package org.confab.client.core.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The threads one client owns: a single timer thread for timeouts, heartbeats and reconnect delays,
 * and short-lived threads for blocking work (connecting, PBKDF2, handing results to callers).
 */
final class ClientRuntime {
    private final ThreadFactory threadFactory;
    private final ScheduledExecutorService timer;
    private final Executor io;

    ClientRuntime(ThreadFactory threadFactory) {
        this.threadFactory = threadFactory;
        this.timer = Executors.newSingleThreadScheduledExecutor(threadFactory);
        this.io = this::startThread;
    }

    /** Runs {@code task} after {@code delay}; empty once the runtime is shut down. */
    Optional<ScheduledFuture<?>> schedule(Runnable task, Duration delay) {
        try {
            return Optional.of(timer.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS));
        } catch (RejectedExecutionException e) {
            return Optional.empty();
        }
    }

    /** Executor for blocking or CPU-heavy work: a new thread per task. */
    Executor io() {
        return io;
    }

    /** Starts a thread from the client's factory, for example a socket reader. */
    void startThread(Runnable task) {
        Thread thread = threadFactory.newThread(task);
        if (thread == null) {
            throw new RejectedExecutionException("thread factory refused to create a thread");
        }
        thread.start();
    }

    /**
     * A future completed with {@code internal}'s outcome on a fresh thread, with the real cause rather
     * than a {@link java.util.concurrent.CompletionException}. What callers chain onto futures we
     * return then never runs on the socket reader thread or inside our locks.
     */
    <T> CompletableFuture<T> handOff(CompletableFuture<T> internal) {
        CompletableFuture<T> external = new CompletableFuture<>();
        internal.whenComplete((value, error) -> io.execute(() -> {
            if (error == null) {
                external.complete(value);
            } else {
                external.completeExceptionally(Failures.unwrap(error));
            }
        }));
        return external;
    }

    void shutdown() {
        timer.shutdownNow();
    }
}
