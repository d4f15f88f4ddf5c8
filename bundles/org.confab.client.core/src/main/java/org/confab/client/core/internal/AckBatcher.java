package org.confab.client.core.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Predicate;

/**
 * Collects message ids to acknowledge and sends them in batches. A flush is queued behind the listener
 * calls already waiting on the serial listener executor, so a burst of pushed messages (the offline
 * backlog after login) is acknowledged with a few frames instead of one per message. Ids that cannot
 * be sent because the client is offline are kept for the flush after the next login. Thread-safe.
 */
final class AckBatcher {
    private final Executor serialListenerExecutor;
    private final Predicate<List<Long>> sender;
    private final Set<Long> waiting = new LinkedHashSet<>();
    private boolean flushQueued;

    /** @param sender sends one batch; false when there is no logged-in connection to send it on */
    AckBatcher(Executor serialListenerExecutor, Predicate<List<Long>> sender) {
        this.serialListenerExecutor = serialListenerExecutor;
        this.sender = sender;
    }

    void add(long messageId) {
        synchronized (this) {
            waiting.add(messageId);
            if (flushQueued) {
                return;
            }
            flushQueued = true;
        }
        serialListenerExecutor.execute(this::flush);
    }

    /** Sends everything waiting now. */
    void flush() {
        List<Long> batch;
        synchronized (this) {
            flushQueued = false;
            batch = List.copyOf(waiting);
            waiting.clear();
        }
        if (!batch.isEmpty() && !sender.test(batch)) {
            synchronized (this) {
                waiting.addAll(batch);
            }
        }
    }
}
