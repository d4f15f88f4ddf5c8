package org.confab.filetransfer.ui.internal;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.confab.client.core.TransferProgress;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.Action;
import org.eclipse.ui.progress.IProgressConstants;

/**
 * One upload or download as an Eclipse Job, so it shows in the Progress view and the status line with
 * its speed and time left, and the user can cancel it there. The transfer itself runs in the client
 * library; this job watches it, cancels its future when the user cancels (the bytes stored so far stay,
 * so a retry resumes), then runs a finishing step (send the offer, tell the server it was downloaded).
 * A failed job stays in the Progress view with a Retry action.
 */
final class TransferJob<T> extends Job {
    /** The family of all transfer jobs ({@link Job#belongsTo}), also for tests. */
    static final String FAMILY = "org.confab.filetransfer";
    private static final long POLL_MILLIS = 200;
    private static final int UNITS = 1000;

    private final Function<TransferProgress, CompletableFuture<T>> transfer;
    private final Function<T, CompletableFuture<?>> finish;
    private final Consumer<String> progress;
    private final Consumer<Throwable> failed;
    private final Supplier<TransferJob<T>> retry;
    private final TransferRate rate = new TransferRate();
    private volatile CompletableFuture<T> current;
    private volatile long done;
    private volatile long total;
    private volatile long resumedFrom;

    /**
     * @param transfer starts the transfer, reporting to the given progress
     * @param finish what to do with its result, waited for (not cancelled)
     * @param progress gets the progress text while the transfer runs, "" when it stops
     * @param failed gets the failure, or a CancellationException when the user cancelled
     * @param retry a fresh job for the same transfer
     */
    TransferJob(String name, Function<TransferProgress, CompletableFuture<T>> transfer,
            Function<T, CompletableFuture<?>> finish, Consumer<String> progress, Consumer<Throwable> failed,
            Supplier<TransferJob<T>> retry) {
        super(name);
        this.transfer = transfer;
        this.finish = finish;
        this.progress = progress;
        this.failed = failed;
        this.retry = retry;
        setPriority(LONG);
        // a failure stays in the Progress view with its Retry action instead of a dialog popping up
        setProperty(IProgressConstants.NO_IMMEDIATE_ERROR_PROMPT_PROPERTY, Boolean.TRUE);
    }

    @Override
    public boolean belongsTo(Object family) {
        return FAMILY.equals(family);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        monitor.beginTask(getName(), UNITS);
        CompletableFuture<T> running;
        try {
            running = transfer.apply((bytes, size, resumed) -> {
                done = bytes;
                total = size;
                resumedFrom = resumed;
            });
        } catch (RuntimeException e) {
            return failure(e);
        }
        current = running;
        if (monitor.isCanceled()) {
            running.cancel(true);
        }
        int reported = 0;
        while (!running.isDone()) {
            if (monitor.isCanceled()) {
                running.cancel(true);
                progress.accept("");
                failed.accept(new CancellationException("cancelled"));
                return Status.CANCEL_STATUS;
            }
            try {
                running.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException | InterruptedException | ExecutionException | CancellationException e) {
                // looked at below
            }
            reported = report(monitor, reported);
        }
        try {
            T result = running.join();
            report(monitor, reported);
            monitor.subTask("finishing");
            finish.apply(result).get(30, TimeUnit.SECONDS);
            progress.accept("");
            return Status.OK_STATUS;
        } catch (CancellationException e) {
            progress.accept("");
            failed.accept(e);
            return Status.CANCEL_STATUS;
        } catch (CompletionException | ExecutionException e) {
            return failure(e.getCause() == null ? e : e.getCause());
        } catch (TimeoutException | InterruptedException | RuntimeException e) {
            return failure(e);
        } finally {
            monitor.done();
        }
    }

    /** Stops the transfer at once rather than at the next look at the monitor. */
    @Override
    protected void canceling() {
        CompletableFuture<T> running = current;
        if (running != null) {
            running.cancel(true);
        }
    }

    private int report(IProgressMonitor monitor, int reported) {
        long bytes = done;
        long size = total;
        rate.sample(System.nanoTime(), bytes);
        int units = size <= 0 ? 0 : (int) Math.min(UNITS, bytes * UNITS / size);
        if (units > reported) {
            monitor.worked(units - reported);
        }
        if (size > 0) {
            String text = rate.describe(bytes, size, resumedFrom);
            monitor.subTask(text);
            progress.accept(text);
        }
        return Math.max(units, reported);
    }

    private IStatus failure(Throwable cause) {
        progress.accept("");
        failed.accept(cause);
        setProperty(IProgressConstants.KEEP_PROPERTY, Boolean.TRUE);
        setProperty(IProgressConstants.ACTION_PROPERTY, new Action("Retry") {
            @Override
            public void run() {
                retry.get().schedule();
            }
        });
        return Status.error(getName() + " failed: " + Failures.describe(cause), cause);
    }
}
