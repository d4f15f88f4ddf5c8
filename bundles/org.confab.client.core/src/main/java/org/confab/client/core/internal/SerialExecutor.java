package org.confab.client.core.internal;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/**
 * Runs tasks one after another, in submission order, on an underlying executor that may itself be
 * concurrent (such as thread-per-task). Listener calls go through one of these so a chat message is
 * never reported before the one that arrived earlier, and each connection's writes so frames leave in
 * the order they were requested.
 */
final class SerialExecutor implements Executor {
    private static final System.Logger LOG = System.getLogger(SerialExecutor.class.getName());

    private final Executor target;
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private boolean draining;

    SerialExecutor(Executor target) {
        this.target = target;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (this) {
            tasks.add(task);
            if (draining) {
                return;
            }
            draining = true;
        }
        try {
            target.execute(this::drain);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "listener executor refused a task", e);
            synchronized (this) {
                draining = false;
            }
        }
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (this) {
                next = tasks.poll();
                if (next == null) {
                    draining = false;
                    return;
                }
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "task failed", e);
            }
        }
    }
}
