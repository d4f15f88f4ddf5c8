package org.confab.server.admin.internal;

import java.util.List;

import org.confab.protocol.FrameCodec;
import org.confab.protocol.messages.AdminMessages.Notice;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.PresenceEntry;
import org.confab.server.api.ClientSession;
import org.confab.server.spi.SessionRegistry;

/** What administration does to connected clients: closing sessions and pushing frames. */
final class LiveSessions {
    private static final FrameCodec CODEC = new FrameCodec();

    private final SessionRegistry registry;

    LiveSessions(SessionRegistry registry) {
        this.registry = registry;
    }

    /** Every open, logged-in session. */
    List<ClientSession> loggedIn() {
        return registry.all().stream().filter(s -> s.isOpen() && s.username().isPresent()).toList();
    }

    /** Closes every session of {@code username} with {@code session.closed}; returns how many. */
    int close(String username, String code, String reason) {
        List<ClientSession> sessions = registry.sessionsOf(username);
        sessions.forEach(s -> s.close(code, reason));
        return sessions.size();
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
