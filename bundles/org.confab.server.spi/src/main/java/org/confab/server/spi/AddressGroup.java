package org.confab.server.spi;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * The key under which per-address limits count a remote address. An IPv4 address is one host; over
 * IPv6 one host usually holds a whole /64 (the smallest block a network is given, and its own
 * addresses are free to choose within it), so limits that counted single IPv6 addresses could be
 * escaped by changing the address for every attempt. IPv6 addresses are therefore counted by their
 * first {@code prefixBits} bits (64 by default); an IPv4 address carried in IPv6 counts as that IPv4.
 */
public final class AddressGroup {
    /** The default IPv6 prefix counted as one address. */
    public static final int DEFAULT_IPV6_PREFIX_BITS = 64;

    private AddressGroup() {
    }

    /**
     * The address that stands for {@code address}'s group: itself for IPv4, the network address of
     * its /{@code prefixBits} for IPv6 (for example {@code 2001:db8:1:2::} for any address in
     * {@code 2001:db8:1:2::/64}). Equal groups give equal results.
     */
    public static InetAddress of(InetAddress address, int prefixBits) {
        if (!(address instanceof Inet6Address)) {
            return address;
        }
        byte[] bytes = address.getAddress();
        if (isIpv4Mapped(bytes)) {
            return ipv4(Arrays.copyOfRange(bytes, 12, 16));
        }
        int bits = Math.max(0, Math.min(128, prefixBits));
        for (int i = 0; i < bytes.length; i++) {
            int keep = Math.max(0, Math.min(8, bits - 8 * i));
            bytes[i] &= (byte) (0xFF << (8 - keep));
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("16 bytes are always an IPv6 address", e);
        }
    }

    /** How the group is written in logs and refusals: the address, or {@code network/bits} for IPv6. */
    public static String describe(InetAddress address, int prefixBits) {
        InetAddress group = of(address, prefixBits);
        return group instanceof Inet4Address ? group.getHostAddress()
                : group.getHostAddress() + "/" + Math.max(0, Math.min(128, prefixBits));
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xFF && bytes[11] == (byte) 0xFF;
    }

    private static InetAddress ipv4(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 bytes are always an IPv4 address", e);
        }
    }
}
