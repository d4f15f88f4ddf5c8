package org.confab.client.core.internal;

import java.util.Optional;

import org.confab.client.core.ServerTrust;
import org.confab.protocol.Fingerprint;

/**
 * How the certificate of a node is checked: by the client's {@link ServerTrust}, except for a node the
 * client learned from the cluster (a login answer lists the serving nodes with their certificates'
 * fingerprints). Such a node is trusted when it presents the fingerprint the node the client was logged
 * in to vouched for, and the user's own trust store says nothing else about its address: what the user
 * decided for an address (a remembered or pinned certificate) always governs.
 */
final class VouchedTrust {
    /** Checks a certificate presented during the TLS handshake. */
    @FunctionalInterface
    interface Check {
        /** @throws org.confab.client.core.UntrustedServerException when it must not be trusted */
        void check(String serverAddress, Fingerprint presented);
    }

    private VouchedTrust() {
    }

    static Check of(ServerTrust trust, Optional<Fingerprint> vouched) {
        if (vouched.isEmpty()) {
            return trust::check;
        }
        return (serverAddress, presented) -> {
            boolean userDecided = trust.store().flatMap(store -> store.lookup(serverAddress)).isPresent();
            if (!userDecided && vouched.get().matches(presented)) {
                return;
            }
            trust.check(serverAddress, presented);
        };
    }
}
