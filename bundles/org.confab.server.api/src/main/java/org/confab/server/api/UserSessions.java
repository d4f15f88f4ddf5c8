package org.confab.server.api;

import java.util.List;
import java.util.function.Predicate;

import org.confab.protocol.Frame;
import org.osgi.annotation.versioning.ProviderType;

/** Who is online, and pushes to a user's sessions: what a plugin needs to reach users. */
@ProviderType
public interface UserSessions {

    /** The open, logged-in sessions of one user (canonical username). */
    List<ClientSession> sessionsOf(String username);

    /** Whether the user has at least one logged-in session. */
    default boolean isOnline(String username) {
        return !sessionsOf(username).isEmpty();
    }

    /**
     * Queues a push for every logged-in session of the user.
     *
     * @return how many sessions took it (0 when the user is offline)
     */
    default int push(String username, Frame frame) {
        return pushWhere(username, session -> true, frame);
    }

    /**
     * Queues a plugin's own push for the logged-in sessions of the user whose client announced the
     * plugin's capability in its hello (protocol section 15): other clients would not understand it.
     *
     * @return how many sessions took it
     */
    default int push(String username, String capability, Frame frame) {
        return pushWhere(username, session -> session.clientCapabilities().contains(capability), frame);
    }

    private int pushWhere(String username, Predicate<ClientSession> wanted, Frame frame) {
        int queued = 0;
        for (ClientSession session : sessionsOf(username)) {
            if (wanted.test(session) && session.send(frame)) {
                queued++;
            }
        }
        return queued;
    }
}
