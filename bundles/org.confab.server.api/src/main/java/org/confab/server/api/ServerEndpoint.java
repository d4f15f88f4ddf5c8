package org.confab.server.api;

import java.net.InetSocketAddress;
import java.util.Optional;

import org.confab.protocol.Fingerprint;

import org.osgi.annotation.versioning.ProviderType;

/** A transport that is listening: registered as a service once clients can connect to it. */
@ProviderType
public interface ServerEndpoint {

    /** The protocol this endpoint speaks, for example {@code confab} or {@code xmpp}. */
    String protocol();

    /** The bound address, with the real port when port 0 was configured. */
    InetSocketAddress address();

    /** The fingerprint of the TLS certificate clients see, empty when the endpoint is not encrypted. */
    default Optional<Fingerprint> tlsFingerprint() {
        return Optional.empty();
    }
}
