package org.confab.server.router.internal;

import org.confab.server.api.MessageListener;
import org.confab.server.api.StoredMessage;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** Tells {@link MessageListener} services about every newly stored message, after its commit. */
@Component(service = MessageEvents.class)
public class MessageEvents {

    private final Listeners<MessageListener> listeners = new Listeners<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(MessageListener listener) {
        listeners.add(listener);
    }

    void removeListener(MessageListener listener) {
        listeners.remove(listener);
    }

    void stored(StoredMessage message) {
        listeners.fire("message", listener -> listener.stored(message));
    }
}
