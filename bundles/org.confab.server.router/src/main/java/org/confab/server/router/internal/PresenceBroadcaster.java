package org.confab.server.router.internal;

import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.PresenceEntry;
import org.confab.server.api.ClientSession;
import org.confab.server.spi.AccountService;
import org.confab.server.spi.SessionRegistry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Tells every logged-in user when somebody comes online (first session) or goes offline (last
 * session closed), and when a new account registered. Registered under its own class: a bundle-internal service.
 */
@Component(service = PresenceBroadcaster.class)
public class PresenceBroadcaster {

    private final SessionRegistry registry;
    private final AccountService accounts;

    @Activate
    public PresenceBroadcaster(@Reference SessionRegistry registry, @Reference AccountService accounts) {
        this.registry = registry;
        this.accounts = accounts;
    }

    /** Indexes a session that has just authenticated under its user, before anybody is told. */
    void online(ClientSession session) {
        registry.authenticated(session);
    }

    /** Tells everybody else that a user came online, unless another session of theirs already was. */
    void loggedIn(ClientSession session, String displayName) {
        String username = session.username().orElseThrow();
        if (registry.sessionsOf(username).stream().anyMatch(other -> other.id() != session.id())) {
            return;
        }
        broadcast(new PresenceEntry(username, displayName, true), session.id());
    }

    /** Called when a session ended, whatever the reason. */
    void sessionEnded(ClientSession session) {
        session.username().ifPresent(username -> {
            if (registry.sessionsOf(username).stream().noneMatch(other -> other.id() != session.id())) {
                String displayName = accounts.find(username).map(a -> a.displayName()).orElse(username);
                broadcast(new PresenceEntry(username, displayName, false), session.id());
            }
        });
    }

    /** A new account exists: everybody logged in gets it as an offline contact, without logging in again. */
    void accountCreated(String username, String displayName) {
        broadcast(new PresenceEntry(username, displayName, false), -1);
    }

    private void broadcast(PresenceEntry entry, long exceptSession) {
        for (ClientSession other : registry.all()) {
            if (other.id() != exceptSession && other.username().isPresent() && other.isOpen()) {
                Replies.push(other, MessageTypes.PRESENCE_UPDATE, entry);
            }
        }
    }
}
