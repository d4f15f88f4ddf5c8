package org.confab.bench.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code --sources}: the local addresses the bench's client connections come from, taken round-robin
 * by session. Every source address has its own range of ephemeral ports (about 28,000 on Linux's
 * default range), and one load generator on loopback runs out of them long before the server runs out
 * of anything; Linux routes all of 127.0.0.0/8 to loopback, so 127.0.0.2, 127.0.0.3, ... are there
 * without any set-up. Without the option the system chooses (127.0.0.1 for a server on loopback).
 */
final class SourceAddresses {
    /** 127.0.0.1 to 127.0.0.254: far more ports than one machine has file descriptors for. */
    static final int MAX_COUNT = 254;

    private static final Pattern COUNT = Pattern.compile("\\d+");
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    /** What an IPv6 literal is written with (no zone ids): anything else could make a DNS lookup. */
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.\\[\\]]*:[0-9A-Fa-f:.\\[\\]]*");
    private static final Path PORT_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");

    private final List<InetAddress> addresses;

    private SourceAddresses(List<InetAddress> addresses) {
        this.addresses = List.copyOf(addresses);
    }

    static SourceAddresses of(Options options) {
        String value = options.text("sources", null);
        return value == null ? new SourceAddresses(List.of()) : parse(value);
    }

    /**
     * {@code N} for 127.0.0.1 to 127.0.0.N, or a comma-separated list of IP addresses of this machine.
     *
     * @throws IllegalArgumentException for anything else, saying what was wrong
     */
    static SourceAddresses parse(String value) {
        String text = value.strip();
        if (COUNT.matcher(text).matches()) {
            int count = text.length() > 3 ? Integer.MAX_VALUE : Integer.parseInt(text);
            if (count < 1 || count > MAX_COUNT) {
                throw new IllegalArgumentException("--sources N must be between 1 and " + MAX_COUNT
                        + " (127.0.0.1 to 127.0.0.N), was " + text);
            }
            List<InetAddress> loopback = new ArrayList<>(count);
            for (int last = 1; last <= count; last++) {
                loopback.add(address(new byte[] { 127, 0, 0, (byte) last }));
            }
            return new SourceAddresses(loopback);
        }
        List<InetAddress> listed = new ArrayList<>();
        for (String item : text.split(",", -1)) {
            InetAddress address = literal(item.strip());
            if (address.isAnyLocalAddress() || address.isMulticastAddress()) {
                throw new IllegalArgumentException("--sources: " + item.strip()
                        + " cannot be a source address (wildcard or multicast)");
            }
            if (listed.contains(address)) {
                throw new IllegalArgumentException("--sources lists " + item.strip() + " twice");
            }
            listed.add(address);
        }
        return new SourceAddresses(listed);
    }

    /** An IP address written as one; never a host name, so parsing never asks DNS. */
    private static InetAddress literal(String item) {
        String problem = "--sources takes a count (1 to " + MAX_COUNT + ") or comma-separated IP addresses, '"
                + item + "' is neither";
        if (item.isEmpty()) {
            throw new IllegalArgumentException("--sources takes a count (1 to " + MAX_COUNT
                    + ") or comma-separated IP addresses, with no empty entries");
        }
        var ipv4 = IPV4.matcher(item);
        if (ipv4.matches()) {
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(ipv4.group(i + 1));
                if (octet > 255) {
                    throw new IllegalArgumentException(problem);
                }
                bytes[i] = (byte) octet;
            }
            return address(bytes);
        }
        if (IPV6.matcher(item).matches()) {
            try {
                // hex digits and a colon: InetAddress parses it as an IPv6 literal, without a lookup
                return InetAddress.getByName(item);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(problem);
            }
        }
        throw new IllegalArgumentException(problem);
    }

    private static InetAddress address(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are an IPv4 address", e);
        }
    }

    /** The source for session {@code index} (0-based), round-robin; null when the system chooses. */
    InetAddress forSession(int index) {
        return addresses.isEmpty() ? null : addresses.get(Math.floorMod(index, addresses.size()));
    }

    /** The addresses {@code sessions} sessions use, in order; empty when the system chooses. */
    List<String> used(int sessions) {
        return addresses.stream().limit(Math.max(0, sessions)).map(InetAddress::getHostAddress).toList();
    }

    /** How many sessions of {@code sessions} the busiest source carries. */
    int perSource(int sessions) {
        int count = Math.max(1, addresses.size());
        return (sessions + count - 1) / count;
    }

    /** Says which sources the sessions use, and warns when they would run out of ports. */
    void announce(int sessions, PrintStream progress) {
        if (!addresses.isEmpty()) {
            progress.println("connecting from " + String.join(", ", used(sessions)) + " (round-robin)");
        }
        String warning = portWarning(sessions);
        if (!warning.isEmpty()) {
            progress.println(warning);
        }
    }

    /**
     * A warning when the busiest source needs more ports than the system's ephemeral range holds, or
     * empty; the connections beyond it would fail with "cannot assign requested address".
     */
    String portWarning(int sessions) {
        int ports = ephemeralPorts();
        int busiest = perSource(sessions);
        if (ports <= 0 || busiest <= ports) {
            return "";
        }
        int needed = (sessions + ports - 1) / ports;
        return "warning: " + busiest + " connections per source address, but only " + ports
                + " ephemeral ports per address (" + PORT_RANGE + "); use --sources " + needed + " or more";
    }

    /** The size of Linux's ephemeral port range; 0 when unknown. */
    static int ephemeralPorts() {
        try {
            String[] range = Files.readString(PORT_RANGE).strip().split("\\s+");
            return Integer.parseInt(range[1]) - Integer.parseInt(range[0]) + 1;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
