package org.confab.client.core.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import org.confab.client.core.ClientListener;

/** The registered {@link ClientListener}s, called in order on a serial executor. Thread-safe. */
final class ListenerRegistry {
    private static final System.Logger LOG = System.getLogger(ListenerRegistry.class.getName());

    private final List<ClientListener> listeners = new CopyOnWriteArrayList<>();
    private final Executor serial;

    ListenerRegistry(Executor serial) {
        this.serial = serial;
    }

    void add(ClientListener listener) {
        listeners.add(listener);
    }

    void remove(ClientListener listener) {
        listeners.remove(listener);
    }

    void fire(Consumer<ClientListener> event) {
        fire(event, () -> {
        });
    }

    /** Calls every listener, then {@code afterwards}, all on the listener executor. */
    void fire(Consumer<ClientListener> event, Runnable afterwards) {
        serial.execute(() -> {
            for (ClientListener listener : listeners) {
                try {
                    event.accept(listener);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "listener " + listener + " failed", e);
                }
            }
            afterwards.run();
        });
    }
}
