package org.confab.client.core;

import java.util.Optional;

import org.confab.protocol.Fingerprint;

/**
 * The server's TLS certificate is not one the {@link ServerTrust} accepts: either the server is new to
 * this client ({@link #expected()} is empty), or, much more alarming, it presents a different
 * certificate than the one remembered or pinned ({@link #isChanged()}), which is what an attacker in
 * the middle would do. Nothing was sent to the server. A client with a user interface shows
 * {@link #presented()} and lets the user decide, then connects again, for example after
 * {@link KnownServers#remember}; the client does not reconnect by itself after this.
 */
public class UntrustedServerException extends ConfabConnectionException {
    /**
     * Starts the reason {@link ClientListener#onConnectionState} gives with
     * {@link ConnectionState#DISCONNECTED} when the client stopped reconnecting because the server's
     * certificate was refused ({@code UNTRUSTED_SERVER: } and this exception's message), so a user
     * interface can tell this apart from an ordinary connection loss.
     */
    public static final String REASON_CODE = "UNTRUSTED_SERVER";

    private static final long serialVersionUID = 1L;

    private final String serverAddress;
    private final Fingerprint presented;
    private final transient Optional<Fingerprint> expected;

    public UntrustedServerException(String serverAddress, Fingerprint presented, Optional<Fingerprint> expected) {
        super(describe(serverAddress, presented, expected));
        this.serverAddress = serverAddress;
        this.presented = presented;
        this.expected = expected;
    }

    private static String describe(String server, Fingerprint presented, Optional<Fingerprint> expected) {
        return expected.map(known -> "the TLS certificate of " + server + " has CHANGED: expected " + known
                + ", the server presented " + presented + "; someone may be intercepting the connection")
                .orElseGet(() -> "the server " + server + " is not known; its TLS certificate fingerprint is " + presented);
    }

    /** {@code host:port} as configured in the client. */
    public String serverAddress() {
        return serverAddress;
    }

    /** The fingerprint of the certificate the server presented. */
    public Fingerprint presented() {
        return presented;
    }

    /** The fingerprint this client expected for the server, empty when it knew none. */
    public Optional<Fingerprint> expected() {
        return expected;
    }

    /** Whether a different certificate than the known or pinned one was presented. */
    public boolean isChanged() {
        return expected.isPresent();
    }
}
