package org.confab.server.admin.internal;

import java.util.List;

import org.confab.protocol.FrameCodec;
import org.confab.protocol.messages.AdminMessages.Notice;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.PresenceEntry;
import org.confab.server.api.ClientSession;
import java.util.Optional;
import java.util.function.Supplier;

import org.confab.server.spi.ClusterAdministration;
import org.confab.server.spi.SessionRegistry;

/** What administration does to connected clients: closing sessions and pushing frames. */
final class LiveSessions {
    private static final FrameCodec CODEC = new FrameCodec();

    private final SessionRegistry registry;
    /** The other nodes of a cluster, empty on a single node. */
    private final Supplier<Optional<ClusterAdministration>> others;

    LiveSessions(SessionRegistry registry, Supplier<Optional<ClusterAdministration>> others) {
        this.registry = registry;
        this.others = others;
    }

    /** Every open, logged-in session. */
    List<ClientSession> loggedIn() {
        return registry.all().stream().filter(s -> s.isOpen() && s.username().isPresent()).toList();
    }

    /**
     * Closes every session of {@code username} with {@code session.closed}, on this node and on the
     * other nodes of a cluster; returns how many were closed, here and by the nodes that answered
     * within the cluster's bounded wait.
     */
    int close(String username, String code, String reason) {
        List<ClientSession> sessions = registry.sessionsOf(username);
        sessions.forEach(s -> s.close(code, reason));
        int elsewhere = others.get().map(nodes -> nodes.closeElsewhere(username, code, reason).result()).orElse(0);
        return sessions.size() + elsewhere;
    }

    /** Pushes the notice to every logged-in session; returns how many took it. */
    int broadcast(Notice notice) {
        int sent = 0;
        for (ClientSession session : loggedIn()) {
            if (session.send(CODEC.frame(MessageTypes.ADMIN_NOTICE, 0, notice))) {
                sent++;
            }
        }
        return sent;
    }

    /** Tells everyone logged in that a user's display name changed (protocol section 10). */
    void presenceChanged(String username, String displayName, boolean online) {
        PresenceEntry entry = new PresenceEntry(username, displayName, online);
        for (ClientSession session : loggedIn()) {
            session.send(CODEC.frame(MessageTypes.PRESENCE_UPDATE, 0, entry));
        }
    }
}
