package org.confab.client.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.confab.protocol.Fingerprint;

/**
 * How a client decides whether the server at the other end is the right one. Confab servers usually
 * present a self-signed TLS certificate, so instead of certificate authorities the client compares the
 * certificate's SHA-256 fingerprint with one it knows:
 * <ul>
 * <li>{@link #pinned}: exactly this fingerprint (handed out by the server's operator), or for a cluster
 * whose nodes have certificates of their own, any of the nodes' fingerprints;</li>
 * <li>{@link #knownServers}: the fingerprint remembered in a {@link KnownServers} store; a server not in
 * the store is refused with an {@link UntrustedServerException} that carries its fingerprint, so a user
 * interface can ask the user and {@link KnownServers#remember remember} the answer;</li>
 * <li>{@link #acceptNew}: like {@code knownServers}, but a new server is trusted and remembered without
 * asking (trust on first use; for scripts whose user asked for exactly that);</li>
 * <li>{@link #plain}: no TLS at all, for servers run with TLS switched off on a trusted network.</li>
 * </ul>
 * With every TLS policy a fingerprint that differs from the known one is refused. Immutable.
 */
public final class ServerTrust {
    private enum Mode {
        PLAIN, PINNED, KNOWN, ACCEPT_NEW
    }

    private final Mode mode;
    private final List<Fingerprint> pins;
    private final Optional<KnownServers> store;

    private ServerTrust(Mode mode, List<Fingerprint> pins, Optional<KnownServers> store) {
        this.mode = mode;
        this.pins = List.copyOf(pins);
        this.store = store;
    }

    /** No TLS: talk plain TCP. Only for a server started without TLS. */
    public static ServerTrust plain() {
        return new ServerTrust(Mode.PLAIN, List.of(), Optional.empty());
    }

    /** TLS, trusting only the certificate with this fingerprint. */
    public static ServerTrust pinned(Fingerprint fingerprint) {
        return new ServerTrust(Mode.PINNED, List.of(Objects.requireNonNull(fingerprint)), Optional.empty());
    }

    /**
     * TLS, trusting a certificate with any of these fingerprints: those of the nodes of a cluster.
     *
     * @throws IllegalArgumentException for an empty list
     */
    public static ServerTrust pinned(List<Fingerprint> fingerprints) {
        if (fingerprints.isEmpty()) {
            throw new IllegalArgumentException("at least one fingerprint is needed");
        }
        return new ServerTrust(Mode.PINNED, fingerprints, Optional.empty());
    }

    /** TLS, trusting servers whose fingerprint is in {@code store}; unknown servers are refused. */
    public static ServerTrust knownServers(KnownServers store) {
        return new ServerTrust(Mode.KNOWN, List.of(), Optional.of(Objects.requireNonNull(store)));
    }

    /** TLS, trusting known servers and remembering new ones in {@code store} (trust on first use). */
    public static ServerTrust acceptNew(KnownServers store) {
        return new ServerTrust(Mode.ACCEPT_NEW, List.of(), Optional.of(Objects.requireNonNull(store)));
    }

    public boolean usesTls() {
        return mode != Mode.PLAIN;
    }

    /** The store this policy reads and writes, if any. */
    public Optional<KnownServers> store() {
        return store;
    }

    /**
     * Decides about the certificate a server presented during the TLS handshake; called by the client
     * before anything is sent.
     *
     * @throws UntrustedServerException when the server must not be trusted
     */
    public void check(String serverAddress, Fingerprint presented) {
        if (mode == Mode.PINNED && pins.stream().anyMatch(pin -> pin.matches(presented))) {
            return;
        }
        Optional<Fingerprint> expected = switch (mode) {
            case PLAIN -> throw new IllegalStateException("a plain connection has no certificate to check");
            case PINNED -> Optional.of(pins.get(0));
            case KNOWN, ACCEPT_NEW -> store.orElseThrow().lookup(serverAddress);
        };
        if (expected.isPresent()) {
            if (!expected.get().matches(presented)) {
                throw new UntrustedServerException(serverAddress, presented, expected);
            }
            return;
        }
        if (mode != Mode.ACCEPT_NEW) {
            throw new UntrustedServerException(serverAddress, presented, Optional.empty());
        }
        store.orElseThrow().remember(serverAddress, presented);
    }

    @Override
    public String toString() {
        return switch (mode) {
            case PLAIN -> "plain TCP";
            case PINNED -> "TLS pinned to " + String.join(", ", pins.stream().map(Fingerprint::toString).toList());
            case KNOWN -> "TLS, servers known in " + store.orElseThrow().file();
            case ACCEPT_NEW -> "TLS, new servers remembered in " + store.orElseThrow().file();
        };
    }
}
