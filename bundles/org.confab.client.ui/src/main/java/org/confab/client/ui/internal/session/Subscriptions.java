package org.confab.client.ui.internal.session;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.confab.client.core.ConfabClient;
import org.confab.client.core.PushListener;
import org.confab.client.core.PushSubscription;

/**
 * The plugins' push subscriptions of the session. A login replaces the library client, so each
 * subscription is made again on every new client; the plugin keeps one {@link PushSubscription} for
 * the whole life of its subscription.
 */
final class Subscriptions {
    private final List<Held> held = new CopyOnWriteArrayList<>();

    /**
     * Subscribes now on the current client, if any, and on every later one until closed. The current
     * client is read under the same lock that {@link #attachAll} takes, so a login running meanwhile
     * cannot leave the subscription on the replaced client only.
     */
    synchronized PushSubscription add(String type, PushListener listener, Supplier<Optional<ConfabClient>> current) {
        Held subscription = new Held(type, listener);
        current.get().ifPresent(subscription::attach); // refuses a core or malformed type before it is kept
        held.add(subscription);
        return subscription;
    }

    /** A new client: every subscription moves to it. */
    synchronized void attachAll(ConfabClient client) {
        held.forEach(h -> h.attach(client));
    }

    private final class Held implements PushSubscription {
        private final String type;
        private final PushListener listener;
        private final AtomicReference<PushSubscription> current = new AtomicReference<>();
        private final AtomicBoolean closed = new AtomicBoolean();

        Held(String type, PushListener listener) {
            this.type = type;
            this.listener = listener;
        }

        void attach(ConfabClient client) {
            if (closed.get()) {
                return;
            }
            PushSubscription previous = current.getAndSet(client.subscribe(type, listener));
            if (previous != null) {
                previous.close();
            }
        }

        @Override
        public String type() {
            return type;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                held.remove(this);
                PushSubscription last = current.getAndSet(null);
                if (last != null) {
                    last.close();
                }
            }
        }
    }
}
