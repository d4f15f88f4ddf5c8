package org.confab.server.api;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.confab.protocol.ErrorCode;
import org.confab.protocol.Frame;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One client connection, whatever transport carries it. Sending never blocks the caller on a slow
 * peer: frames are queued, and a connection whose queue overflows is closed.
 */
@ProviderType
public interface ClientSession {

    /** Unique for the server's lifetime. */
    long id();

    InetSocketAddress remoteAddress();

    Instant connectedAt();

    /** When a frame was last received from the peer. */
    Instant lastActivity();

    /** When the session logged in, empty before login. */
    Optional<Instant> loggedInAt();

    /** The logged-in account's canonical username, empty before login. */
    Optional<String> username();

    /** Whether the logged-in account holds the admin role. */
    boolean isAdmin();

    /** The client software name and version from the hello frame, empty before the handshake. */
    Optional<String> clientName();

    /** The capabilities the client listed in its hello frame (protocol section 15), empty before the handshake. */
    Set<String> clientCapabilities();

    /**
     * The protocol version the client chose in its hello (1 or 2): handlers answer a version-1 session
     * without the fields it does not know. Before the handshake, the newest version.
     */
    int protocolVersion();

    /** Queues a frame for the peer; returns false when the session is closed or its queue is full. */
    boolean send(Frame frame);

    /** Sends an {@code error} frame answering request {@code rid} (0 when it answers no request). */
    void sendError(long rid, ErrorCode code, String message);

    /** Tells the peer why in a {@code session.closed} frame, flushes what is queued, and closes. */
    void close(String code, String reason);

    boolean isOpen();

    /**
     * Per-session state of handlers and plugins (for example a login in progress), dropped with the
     * session. Keys should be namespaced like message types.
     */
    java.util.concurrent.ConcurrentMap<String, Object> attributes();
}
