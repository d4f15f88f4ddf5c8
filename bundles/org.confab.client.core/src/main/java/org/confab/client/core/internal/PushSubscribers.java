package org.confab.client.core.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import org.confab.client.core.PushListener;
import org.confab.client.core.PushSubscription;
import org.confab.protocol.Frame;

/**
 * The {@link PushListener}s by push type: pushes the library does not handle itself go here, and reach
 * only the listeners of their type. Calls run on the same serial executor as {@code ClientListener}s,
 * so a plugin's push is never reported before a chat message that arrived earlier. Thread-safe.
 */
final class PushSubscribers {
    private static final System.Logger LOG = System.getLogger(PushSubscribers.class.getName());

    private final Map<String, List<PushListener>> byType = new ConcurrentHashMap<>();
    private final Executor serial;

    PushSubscribers(Executor serial) {
        this.serial = serial;
    }

    PushSubscription add(String type, PushListener listener) {
        // added and removed inside the map's per-key operations, so a closing subscription that
        // empties a type's list cannot drop one being added at the same time
        byType.compute(type, (t, listeners) -> {
            List<PushListener> updated = listeners != null ? listeners : new CopyOnWriteArrayList<>();
            updated.add(listener);
            return updated;
        });
        return new Subscription(type, listener);
    }

    /** Hands the push to its type's listeners; false when there are none. */
    boolean deliver(Frame push) {
        List<PushListener> listeners = byType.get(push.type());
        if (listeners == null || listeners.isEmpty()) {
            return false;
        }
        serial.execute(() -> {
            for (PushListener listener : listeners) {
                try {
                    // each its own copy: a listener that changes the body must not change another's
                    listener.onPush(push.type(), push.body().deepCopy());
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "push listener " + listener + " failed on " + push.type(), e);
                }
            }
        });
        return true;
    }

    private final class Subscription implements PushSubscription {
        private final String type;
        private final PushListener listener;
        private final AtomicBoolean open = new AtomicBoolean(true);

        Subscription(String type, PushListener listener) {
            this.type = type;
            this.listener = listener;
        }

        @Override
        public String type() {
            return type;
        }

        @Override
        public void close() {
            if (!open.compareAndSet(true, false)) {
                return;
            }
            byType.computeIfPresent(type, (t, listeners) -> {
                listeners.remove(listener);
                return listeners.isEmpty() ? null : listeners;
            });
        }
    }
}
