package org.confab.client.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where a server (or one node of a cluster) listens: a host name or address and a TCP port. Its text
 * form, {@code host:port} ({@code [ipv6]:port}), is the key under which {@link KnownServers} remembers
 * the node's certificate.
 *
 * @param host host name or address (an IPv6 address without brackets)
 * @param port TCP port, 1 to 65535
 */
public record ServerAddress(String host, int port) {
    /** The port a Confab server listens on unless told otherwise. */
    public static final int DEFAULT_PORT = 7777;
    /** The most addresses a list given by a user may hold: a cluster has a few nodes, not hundreds. */
    public static final int MAX_LIST = 16;

    public ServerAddress {
        Objects.requireNonNull(host, "host");
        if (host.isBlank() || host.chars().anyMatch(c -> c <= ' ' || c == ',' || c == 0x7f)) {
            throw new IllegalArgumentException("bad host name '" + host + "'");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be between 1 and 65535, was " + port);
        }
    }

    /**
     * Parses {@code host}, {@code host:port} or {@code [ipv6]:port} (a bare IPv6 address takes the
     * default port).
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static ServerAddress parse(String text) {
        String trimmed = Objects.requireNonNull(text, "text").strip();
        String host = trimmed;
        String port = null;
        if (trimmed.startsWith("[")) {
            int close = trimmed.indexOf(']');
            if (close < 0 || close + 1 < trimmed.length() && trimmed.charAt(close + 1) != ':') {
                throw new IllegalArgumentException("bad server address '" + text + "'; expected [IPV6]:PORT");
            }
            host = trimmed.substring(1, close);
            port = close + 1 < trimmed.length() ? trimmed.substring(close + 2) : null;
        } else if (trimmed.indexOf(':') >= 0 && trimmed.indexOf(':') == trimmed.lastIndexOf(':')) {
            host = trimmed.substring(0, trimmed.indexOf(':'));
            port = trimmed.substring(trimmed.indexOf(':') + 1);
        }
        if (host.isBlank()) {
            throw new IllegalArgumentException("bad server address '" + text + "'; expected HOST:PORT");
        }
        try {
            return new ServerAddress(host, port == null ? DEFAULT_PORT : parsePort(port));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad server address '" + text + "': " + e.getMessage(), e);
        }
    }

    /**
     * Parses a comma-separated list of addresses, such as {@code n1:7771,n2:7772,n3} (blanks around the
     * commas are ignored; an address listed twice counts once).
     *
     * @throws IllegalArgumentException for an empty list, more than {@value #MAX_LIST} addresses or a bad one
     */
    public static List<ServerAddress> parseList(String text) {
        String[] parts = Objects.requireNonNull(text, "text").split(",", -1);
        if (parts.length > MAX_LIST) {
            throw new IllegalArgumentException("at most " + MAX_LIST + " server addresses, got " + parts.length);
        }
        List<ServerAddress> addresses = new ArrayList<>();
        for (String part : parts) {
            if (part.isBlank()) {
                throw new IllegalArgumentException("empty server address in '" + text + "'");
            }
            ServerAddress address = parse(part);
            if (!addresses.contains(address)) {
                addresses.add(address);
            }
        }
        return List.copyOf(addresses);
    }

    /** The list's text form, {@code a:1,b:2}, which {@link #parseList} reads back. */
    public static String format(List<ServerAddress> addresses) {
        return String.join(",", addresses.stream().map(ServerAddress::toString).toList());
    }

    private static int parsePort(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad port '" + text + "'; expected a number from 1 to 65535", e);
        }
    }

    /** {@code host:port}, with an IPv6 address in brackets. */
    @Override
    public String toString() {
        return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
    }
}
