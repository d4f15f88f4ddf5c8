package org.confab.discovery;

import java.util.Objects;
import java.util.Optional;

import org.confab.protocol.Fingerprint;

/**
 * A Confab server announced on the LAN, every field already checked ({@code ServiceRecords} in this
 * bundle). What it says is what someone on the network claimed: the fingerprint must still be compared
 * with the one the server's operator gives out before the client trusts it.
 *
 * @param name what the announcement calls the server, printable and at most
 *        {@value DnsSd#MAX_NAME_LENGTH} characters
 * @param host a literal IP address (never a name to look up)
 * @param port the TCP port, 1 to 65535
 * @param tls whether the port speaks TLS
 * @param fingerprint the announced certificate fingerprint; present exactly when {@code tls} is
 * @param protocolVersion the newest protocol version the server says it speaks
 */
public record FoundServer(String name, String host, int port, boolean tls, Optional<Fingerprint> fingerprint,
        int protocolVersion) {

    public FoundServer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(fingerprint, "fingerprint");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (tls != fingerprint.isPresent()) {
            throw new IllegalArgumentException("a TLS server has a fingerprint and a plain one has none");
        }
    }

    /** {@code host:port}, with an IPv6 host in brackets, as the login dialog and the CLI take it. */
    public String address() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
