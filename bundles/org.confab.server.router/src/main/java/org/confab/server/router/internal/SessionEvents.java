package org.confab.server.router.internal;

import org.confab.server.api.ClientSession;
import org.confab.server.api.SessionListener;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Tells {@link SessionListener} services when sessions log in and end. The router owns these events:
 * the login handler reports a login once its client has been told, the router reports the end once
 * the transport has closed the session.
 */
@Component(service = SessionEvents.class)
public class SessionEvents {

    private final Listeners<SessionListener> listeners = new Listeners<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(SessionListener listener) {
        listeners.add(listener);
    }

    void removeListener(SessionListener listener) {
        listeners.remove(listener);
    }

    void loggedIn(ClientSession session) {
        listeners.fire("login", listener -> listener.loggedIn(session));
    }

    void ended(ClientSession session) {
        if (session.username().isPresent()) {
            listeners.fire("logout", listener -> listener.loggedOut(session));
        }
    }
}
