package org.confab.discovery;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.confab.protocol.Fingerprint;

/**
 * The DNS-SD names a Confab server announces: service type {@value #SERVICE_TYPE} and the TXT keys of its
 * record. One place for both sides, so the announcer and the browser cannot drift apart.
 */
public final class DnsSd {
    /** The DNS-SD service type, fully qualified as multicast DNS spells it. */
    public static final String SERVICE_TYPE = "_confab._tcp.local.";
    /** TXT key: the TLS certificate's fingerprint, {@code SHA256:<base64>}; absent without TLS. */
    public static final String FINGERPRINT = "fp";
    /** TXT key: the newest protocol version the server speaks, a decimal number. */
    public static final String PROTOCOL = "proto";
    /** TXT key: {@code true} when the port speaks TLS, {@code false} for a plain TCP server. */
    public static final String TLS = "tls";
    /** TXT key: the name people see in a list of servers. */
    public static final String NAME = "name";
    /** Longest name a browser accepts; also the longest a DNS label (the instance name) may be. */
    public static final int MAX_NAME_LENGTH = 63;

    private DnsSd() {
    }

    /** The TXT pairs a server announces; the fingerprint only with TLS. */
    public static Map<String, String> txt(String name, Optional<Fingerprint> fingerprint, int protocolVersion) {
        Map<String, String> txt = new LinkedHashMap<>();
        txt.put(NAME, name);
        txt.put(TLS, Boolean.toString(fingerprint.isPresent()));
        txt.put(PROTOCOL, Integer.toString(protocolVersion));
        fingerprint.ifPresent(value -> txt.put(FINGERPRINT, value.toString()));
        return txt;
    }
}
