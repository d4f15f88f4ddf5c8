package org.confab.client.core.internal;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.confab.client.core.ConfabConnectionException;
import org.confab.client.core.ConfabException;
import org.confab.client.core.ConnectionState;
import org.confab.client.core.ServerAddress;
import org.confab.client.core.UntrustedServerException;
import org.confab.protocol.Frame;
import org.confab.protocol.messages.Messages.AuthOk;
import org.confab.protocol.messages.Messages.HelloOk;
import org.confab.protocol.messages.Messages.SessionClosed;

/**
 * The connection state machine: which connection is current, whether we are logged in, and whether a
 * lost connection is to be re-established. Reconnecting is armed by the first successful login and
 * disarmed by logout, close, a {@code KICKED} or {@code REPLACED} session end, or a re-login the server
 * refuses for good. All state changes happen under this object's lock; listener notifications only
 * enqueue work, so holding the lock while firing them is safe.
 */
final class SessionController implements Connection.Events, PushDispatcher.SessionEvents {
    /** Session ends after which reconnecting would be wrong: an admin threw us out, or we logged in elsewhere. */
    private static final Set<String> FINAL_SESSION_ENDS = Set.of("KICKED", "REPLACED");

    private final ClientRuntime runtime;
    private final Dialer dialer;
    private final ListenerRegistry listeners;
    private final SendQueue sends;
    private final AckBatcher acks;
    private final Reconnector reconnector;
    private PushDispatcher pushes;

    private volatile ConnectionState state = ConnectionState.DISCONNECTED;
    /** The handshake answer of the latest connection, kept after it ends; null before the first. */
    private volatile HelloOk lastHello;
    private Connection current;
    private boolean loggedIn;
    private boolean reconnectArmed;
    private boolean closed;
    private Credentials credentials;
    /** Why the session is ending when we know better than the socket (logout, kick); null otherwise. */
    private String endReason;

    SessionController(ClientRuntime runtime, Dialer dialer, ScramLogin login, Backoff backoff,
            ListenerRegistry listeners, SendQueue sends, AckBatcher acks) {
        this.runtime = runtime;
        this.dialer = dialer;
        this.listeners = listeners;
        this.sends = sends;
        this.acks = acks;
        this.reconnector = new Reconnector(this, runtime, dialer, login, backoff);
    }

    void setPushDispatcher(PushDispatcher pushes) {
        this.pushes = pushes;
    }

    ConnectionState state() {
        return state;
    }

    CompletableFuture<HelloOk> connect() {
        synchronized (this) {
            if (closed) {
                return CompletableFuture.failedFuture(new ConfabConnectionException("client is closed"));
            }
            if (state != ConnectionState.DISCONNECTED) {
                return CompletableFuture.failedFuture(new IllegalStateException("already " + state));
            }
            endReason = null;
            setState(ConnectionState.CONNECTING, "");
        }
        return CompletableFuture.supplyAsync(() -> dialer.first(this), runtime.io()).thenApply(this::adopt)
                .whenComplete((hello, error) -> {
                    if (error != null) {
                        connectFailed(Failures.describe(error));
                    }
                });
    }

    private synchronized HelloOk adopt(Connection connection) {
        if (closed) {
            connection.close("client closed");
            throw new ConfabConnectionException("client is closed");
        }
        current = connection;
        lastHello = connection.hello();
        setState(ConnectionState.CONNECTED, "");
        connection.start(runtime);
        return connection.hello();
    }

    private synchronized void connectFailed(String reason) {
        if (current == null && !closed) {
            setState(ConnectionState.DISCONNECTED, reason);
        }
    }

    /** What the server said in the latest handshake, also after the connection ended. */
    Optional<HelloOk> lastHello() {
        return Optional.ofNullable(lastHello);
    }

    /** The current connection, whether logged in or not. */
    synchronized Optional<Connection> connection() {
        return Optional.ofNullable(current);
    }

    /** The server (cluster node) of the current connection. */
    synchronized Optional<ServerAddress> server() {
        return Optional.ofNullable(current).map(Connection::server);
    }

    /** The current connection if logged in on it. */
    synchronized Optional<Connection> loggedInConnection() {
        return loggedIn ? Optional.ofNullable(current) : Optional.empty();
    }

    /** Called when a login on {@code connection} succeeded: arms reconnecting and releases queued sends. */
    synchronized void loggedIn(Connection connection, Credentials used) {
        if (connection != current) {
            throw new ConfabConnectionException("connection lost during login");
        }
        credentials = used;
        reconnectArmed = true;
        loggedIn = true;
        sends.goOnline(connection);
        acks.flush();
    }

    /** The user changed the password on {@code connection}: later re-logins must use the new one. */
    synchronized void passwordChanged(Connection connection, String newPassword) {
        if (credentials != null && connection == current) {
            credentials = new Credentials(credentials.username(), newPassword);
        }
    }

    /** Called before logging out: the connection's end is then expected and final. */
    synchronized void loggingOut() {
        reconnectArmed = false;
        credentials = null;
        endReason = "logged out";
    }

    void close() {
        Connection last;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            reconnectArmed = false;
            credentials = null;
            last = current;
            current = null;
            loggedIn = false;
            sends.goOffline();
            setState(ConnectionState.DISCONNECTED, "client closed");
        }
        reconnector.cancel();
        if (last != null) {
            last.close("client closed");
        }
        sends.failAll(new ConfabConnectionException("client closed before the server acknowledged the message"));
    }

    @Override
    public void onPush(Connection connection, Frame push) {
        pushes.onPush(connection, push);
    }

    @Override
    public void onSessionClosed(Connection connection, SessionClosed end) {
        synchronized (this) {
            if (connection == current && FINAL_SESSION_ENDS.contains(end.code())) {
                reconnectArmed = false;
                endReason = end.code() + ": " + end.reason();
            }
        }
        connection.close(end.code() + ": " + end.reason());
    }

    @Override
    public void onClosed(Connection connection, String reason) {
        String failure;
        synchronized (this) {
            if (connection != current) {
                return;
            }
            current = null;
            loggedIn = false;
            sends.goOffline();
            if (closed) {
                return;
            }
            String why = endReason != null ? endReason : reason;
            if (reconnectArmed) {
                setState(ConnectionState.RECONNECTING, why);
                reconnector.schedule();
                return;
            }
            setState(ConnectionState.DISCONNECTED, why);
            failure = why;
        }
        sends.failAll(new ConfabConnectionException(failure));
    }

    /** The credentials to re-login with, if a reconnect is still wanted. */
    synchronized Optional<Credentials> reconnectCredentials() {
        return reconnectArmed && !closed && current == null ? Optional.of(credentials) : Optional.empty();
    }

    /** A reconnect attempt connected and logged in. */
    void reconnected(Connection connection, AuthOk ok) {
        dialer.learn(ok.nodes());
        synchronized (this) {
            if (closed || !reconnectArmed || current != null) {
                connection.close("reconnect no longer wanted");
                return;
            }
            current = connection;
            lastHello = connection.hello();
            loggedIn = true;
            setState(ConnectionState.CONNECTED, "reconnected as " + ok.username() + " to " + connection.server());
            sends.goOnline(connection);
        }
        acks.flush();
        // The connection may have died before it became current, when its end was ignored.
        connection.closeReason().ifPresent(reason -> onClosed(connection, reason));
    }

    /** A login answer listed the cluster's serving nodes (or, from a server alone, none). */
    void learnNodes(AuthOk ok) {
        dialer.learn(ok.nodes());
    }

    /** A reconnect attempt met a node whose certificate is not trusted and goes on to the next node. */
    synchronized void nodeSkipped(UntrustedServerException refusal) {
        if (state == ConnectionState.RECONNECTING) {
            setState(ConnectionState.RECONNECTING, "skipped " + refusal.serverAddress() + ": " + refusal.getMessage());
        }
    }

    /**
     * The server refused the re-login for good (wrong password now, account locked), or its certificate
     * is no longer the trusted one: that is never accepted behind the user's back.
     */
    void reconnectRefused(Throwable cause) {
        synchronized (this) {
            reconnectArmed = false;
            if (current != null || closed) {
                return;
            }
            setState(ConnectionState.DISCONNECTED, cause instanceof UntrustedServerException untrusted
                    ? UntrustedServerException.REASON_CODE + ": " + untrusted.getMessage()
                    : "re-login refused: " + (cause instanceof ConfabException refusal ? refusal.wireCode() + ": " : "")
                            + Failures.describe(cause));
        }
        sends.failAll(Failures.unwrap(cause));
    }

    private void setState(ConnectionState next, String reason) {
        state = next;
        listeners.fire(listener -> listener.onConnectionState(next, reason));
    }
}
