package org.confab.server.router.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registered services of one listener whiteboard. Each call reaches every listener even when some
 * throw: one faulty plugin must not hide events from the others or from the core.
 */
final class Listeners<T> {

    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

    private final List<T> listeners = new CopyOnWriteArrayList<>();

    void add(T listener) {
        listeners.add(listener);
    }

    void remove(T listener) {
        listeners.remove(listener);
    }

    void fire(String event, Consumer<T> call) {
        for (T listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                LOG.error("{} listener {} failed", event, listener, e);
            }
        }
    }
}
