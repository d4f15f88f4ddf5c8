package org.confab.server.spi;

import org.confab.server.api.ClientSession;

import java.util.Collection;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Every open connection, authenticated or not. Transports register and unregister sessions; the
 * router looks up who is online; the timeout monitor scans for idle connections.
 */
@ProviderType
public interface SessionRegistry {

    void opened(ClientSession session);

    void closed(ClientSession session);

    /**
     * Binds a session to the account that has just proved who it is. The session must come from a
     * transport (a {@link TransportSession}); only the login handler calls this.
     *
     * @throws IllegalArgumentException when the session was not made by a transport
     */
    void bind(ClientSession session, String username, boolean admin);

    /** The session has just logged in: index it under its user (call after {@link #bind}). */
    void authenticated(ClientSession session);

    /** All open sessions. */
    Collection<ClientSession> all();

    /** The open, authenticated sessions of one user. */
    List<ClientSession> sessionsOf(String username);

    /** Usernames with at least one authenticated session. */
    List<String> onlineUsers();

    /** The heartbeat and timeout values clients are told in the handshake. */
    SessionPolicy policy();
}
