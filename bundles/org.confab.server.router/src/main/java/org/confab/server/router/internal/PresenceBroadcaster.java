package org.confab.server.router.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.PresenceStatus;
import org.confab.protocol.messages.Messages.PresenceEntry;
import org.confab.server.api.ClientSession;
import org.confab.server.spi.AccountService;
import org.confab.server.spi.SessionRegistry;
import org.confab.server.spi.Supervised;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Tells every logged-in user when somebody comes online (first session) or goes offline (last
 * session closed), when an online user changes their status, and when a new account registered. Keeps
 * the statuses (in memory: a status lives as long as the user's sessions). Registered under its own
 * class: a bundle-internal service.
 *
 * <p>A change of presence costs a push to every session, so logins and logouts are not pushed one by
 * one: the users whose sessions changed are gathered for {@code presenceIntervalMillis} (limits), and
 * then each whose state differs from what was last announced is pushed once. A user who logs in and
 * out in a loop costs at most one push per session per interval, and none when the loop ends where
 * it began.
 */
@Component(service = PresenceBroadcaster.class)
public class PresenceBroadcaster {

    private final SessionRegistry registry;
    private final AccountService accounts;
    private final AbuseLimits limits;
    private final ClusterLink cluster;
    /** Users whose sessions changed since the last push, with the display name they logged in with (or null). */
    private final Map<String, String> changed = new LinkedHashMap<>();
    /** Users last announced online; anybody else was last announced offline (or never). */
    private final Set<String> announcedOnline = ConcurrentHashMap.newKeySet();
    /** What online users said about themselves; a user without an entry is available. Forgotten when they go offline. */
    private final Map<String, String> statuses = new ConcurrentHashMap<>();
    private final Thread pusher;
    private volatile boolean running = true;

    @Activate
    public PresenceBroadcaster(@Reference SessionRegistry registry, @Reference AccountService accounts,
            @Reference AbuseLimits limits, @Reference ClusterLink cluster) {
        this.cluster = cluster;
        this.registry = registry;
        this.accounts = accounts;
        this.limits = limits;
        this.pusher = Thread.ofVirtual().name("confab-presence").start(
                () -> Supervised.loop("the presence pusher", () -> running, this::pushAfterInterval));
    }

    @Deactivate
    void stop() {
        running = false;
        pusher.interrupt();
    }

    /** Indexes a session that has just authenticated under its user, before anybody is told. */
    void online(ClientSession session) {
        registry.authenticated(session);
        // in a cluster: listed in the session directory before the login is answered, so a message
        // stored from now on by any node is pushed here
        cluster.others().localSessions(session.username().orElseThrow(), true);
    }

    /** Another node's sessions of {@code username} changed: gathered like a local change. */
    void presenceChanged(String username) {
        synchronized (changed) {
            changed.putIfAbsent(username, null);
        }
    }

    /** Tells everybody else, at the next push, that a user came online. */
    void loggedIn(ClientSession session, String displayName) {
        String username = session.username().orElseThrow();
        if (registry.sessionsOf(username).stream().noneMatch(other -> other.id() != session.id())) {
            statuses.remove(username);
        }
        synchronized (changed) {
            changed.put(username, displayName);
        }
    }

    /**
     * The status of an online user (available unless they said otherwise); in a cluster the one they
     * set last on any node.
     */
    String status(String username) {
        return cluster.others().sharedStatus(username)
                .orElseGet(() -> statuses.getOrDefault(username, PresenceStatus.AVAILABLE));
    }

    /**
     * A user set their status: everybody logged in hears it at once (a status is set by a person, not
     * in a loop, and the chat request budget bounds it), their own other sessions included (so each of
     * their windows shows the same), the session that set it excepted (it has its answer).
     */
    void statusChanged(ClientSession session, String status) {
        String username = session.username().orElseThrow();
        if (status.equals(statuses.put(username, status))) {
            return;
        }
        String displayName = accounts.find(username).map(a -> a.displayName()).orElse(username);
        PresenceEntry entry = new PresenceEntry(username, displayName, true, status);
        for (ClientSession other : registry.all()) {
            if (other.id() != session.id() && other.username().isPresent() && other.isOpen()) {
                Replies.push(other, MessageTypes.PRESENCE_UPDATE, entry);
            }
        }
        if (cluster.clustered()) {
            cluster.others().statusChanged(username, status);
            cluster.others().broadcast(Replies.CODEC.frame(MessageTypes.PRESENCE_UPDATE, 0, entry));
        }
    }

    /** Called when a session ended, whatever the reason; the next push tells the others if it was the user's last. */
    void sessionEnded(ClientSession session) {
        session.username().ifPresent(username -> {
            if (registry.sessionsOf(username).stream().noneMatch(other -> other.id() != session.id())) {
                statuses.remove(username);
                cluster.others().localSessions(username, false);
            }
            synchronized (changed) {
                changed.putIfAbsent(username, null);
            }
        });
    }

    /** A new account exists: everybody logged in gets it as an offline contact, without logging in again. */
    void accountCreated(String username, String displayName) {
        PresenceEntry entry = new PresenceEntry(username, displayName, false);
        broadcast(entry);
        if (cluster.clustered()) {
            cluster.others().broadcast(Replies.CODEC.frame(MessageTypes.PRESENCE_UPDATE, 0, entry));
        }
    }

    private void pushAfterInterval() {
        try {
            Thread.sleep(limits.presenceIntervalMillis());
        } catch (InterruptedException e) {
            running = false;
            return;
        }
        pushChanges();
    }

    /** Pushes every gathered user whose state differs from what was last announced. */
    void pushChanges() {
        Map<String, String> batch;
        synchronized (changed) {
            if (changed.isEmpty()) {
                return;
            }
            batch = new HashMap<>(changed);
            changed.clear();
        }
        batch.forEach((username, displayName) -> {
            // each node announces to its own sessions what it sees: online on any live node is online
            boolean online = !registry.sessionsOf(username).isEmpty() || cluster.others().isOnlineElsewhere(username);
            boolean announced = online ? announcedOnline.add(username) : announcedOnline.remove(username);
            if (announced) {
                String name = displayName != null ? displayName
                        : accounts.find(username).map(account -> account.displayName()).orElse(username);
                broadcast(online ? new PresenceEntry(username, name, true, status(username))
                        : new PresenceEntry(username, name, false));
            }
        });
    }

    private void broadcast(PresenceEntry entry) {
        for (ClientSession other : registry.all()) {
            if (other.username().isPresent() && !other.username().get().equals(entry.username()) && other.isOpen()) {
                Replies.push(other, MessageTypes.PRESENCE_UPDATE, entry);
            }
        }
    }
}
