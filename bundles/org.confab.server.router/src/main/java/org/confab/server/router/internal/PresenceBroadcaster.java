package org.confab.server.router.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.PresenceStatus;
import org.confab.protocol.messages.Messages.PresenceEntry;
import org.confab.server.api.ClientSession;
import org.confab.server.spi.AccountService;
import org.confab.server.spi.SessionRegistry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Tells every logged-in user when somebody comes online (first session) or goes offline (last
 * session closed), when an online user changes their status, and when a new account registered. Keeps
 * the statuses (in memory: a status lives as long as the user's sessions). Registered under its own
 * class: a bundle-internal service.
 */
@Component(service = PresenceBroadcaster.class)
public class PresenceBroadcaster {

    private final SessionRegistry registry;
    private final AccountService accounts;
    /** What online users said about themselves; a user without an entry is available. Forgotten when they go offline. */
    private final Map<String, String> statuses = new ConcurrentHashMap<>();

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
        statuses.remove(username);
        broadcast(new PresenceEntry(username, displayName, true), session.id());
    }

    /** The status of an online user (available unless they said otherwise). */
    String status(String username) {
        return statuses.getOrDefault(username, PresenceStatus.AVAILABLE);
    }

    /**
     * A user set their status: everybody logged in hears it, their own other sessions included (so
     * each of their windows shows the same), the session that set it excepted (it has its answer).
     */
    void statusChanged(ClientSession session, String status) {
        String username = session.username().orElseThrow();
        if (status.equals(statuses.put(username, status))) {
            return;
        }
        String displayName = accounts.find(username).map(a -> a.displayName()).orElse(username);
        broadcast(new PresenceEntry(username, displayName, true, status), session.id());
    }

    /** Called when a session ended, whatever the reason. */
    void sessionEnded(ClientSession session) {
        session.username().ifPresent(username -> {
            if (registry.sessionsOf(username).stream().noneMatch(other -> other.id() != session.id())) {
                statuses.remove(username);
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
