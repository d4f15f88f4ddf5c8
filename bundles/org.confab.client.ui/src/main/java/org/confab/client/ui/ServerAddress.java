package org.confab.client.ui;

import java.util.List;

/**
 * Where the client connects: from {@code ./confab client --server HOST:PORT}, else localhost:7777. A
 * cluster is given as a list of them ({@link #parseList}), one per node.
 */
public record ServerAddress(String host, int port) {

    public static final int DEFAULT_PORT = 7777;

    /** Parses {@code HOST[:PORT]}; a missing or blank value gives localhost on the default port. */
    public static ServerAddress parse(String text) {
        if (text == null || text.isBlank()) {
            return new ServerAddress("localhost", DEFAULT_PORT);
        }
        String trimmed = text.strip();
        int colon = trimmed.lastIndexOf(':');
        if (colon < 0) {
            return new ServerAddress(trimmed, DEFAULT_PORT);
        }
        try {
            int port = Integer.parseInt(trimmed.substring(colon + 1));
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port out of range in '" + text + "'");
            }
            return new ServerAddress(trimmed.substring(0, colon), port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not HOST:PORT: '" + text + "'", e);
        }
    }

    /**
     * Parses {@code HOST[:PORT][,HOST[:PORT]...]}, the nodes of a cluster in the order to try them (at
     * most {@value org.confab.client.core.ServerAddress#MAX_LIST}; {@code [IPV6]:PORT} for IPv6).
     *
     * @throws IllegalArgumentException naming the address that is not valid
     */
    public static List<ServerAddress> parseList(String text) {
        return org.confab.client.core.ServerAddress.parseList(text).stream()
                .map(address -> new ServerAddress(address.host(), address.port())).toList();
    }

    /** The list's text form, {@code a:1,b:2}, which {@link #parseList} reads back. */
    public static String format(List<ServerAddress> addresses) {
        return String.join(",", addresses.stream().map(ServerAddress::toString).toList());
    }

    /** {@code host:port}, with an IPv6 address in brackets. */
    @Override
    public String toString() {
        return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
    }
}
