package org.confab.discovery.internal;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;

/**
 * One service record as it came from the network, before any check: the DNS-SD instance name, the
 * addresses and port of its SRV/A/AAAA records and its TXT key/value pairs as raw bytes.
 */
public record Announced(String instanceName, List<InetAddress> addresses, int port, Map<String, byte[]> txt) {
    public Announced {
        instanceName = instanceName == null ? "" : instanceName;
        addresses = addresses == null ? List.of() : addresses.stream().filter(java.util.Objects::nonNull).toList();
        txt = txt == null ? Map.of() : Map.copyOf(txt);
    }
}
