package org.confab.client.core;

/**
 * Where a {@link ConfabClient}'s connection stands. Listeners see every transition through
 * {@link ClientListener#onConnectionState(ConnectionState, String)}.
 */
public enum ConnectionState {
    /** Opening the socket and performing the {@code hello} handshake. */
    CONNECTING,
    /** Handshake done (and, after a reconnect, logged in again): requests can be sent. */
    CONNECTED,
    /** The connection was lost after a login; the client is retrying with backoff and will re-login. */
    RECONNECTING,
    /** No connection and no retry under way: never connected, closed, logged out, kicked or given up. */
    DISCONNECTED
}
