package org.confab.server.discovery.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.confab.discovery.DnsSd;

/** What to announce where: the name people see and the interfaces to announce on. */
record AnnouncementPlan(String name, List<InetAddress> interfaces) {

    static AnnouncementPlan of(DiscoveryConfig config, InetAddress bound) throws SocketException, UnknownHostException {
        return new AnnouncementPlan(name(config.name()), interfaces(config.interfaces(), bound));
    }

    /** The configured name cut to what a DNS label and the browsers allow, or "Confab on HOST". */
    static String name(String configured) {
        String name = configured.strip();
        if (name.isEmpty()) {
            name = "Confab on " + hostName();
        }
        int cut = name.offsetByCodePoints(0, Math.min(DnsSd.MAX_NAME_LENGTH, name.codePointCount(0, name.length())));
        return name.substring(0, cut);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "this host";
        }
    }

    /**
     * The configured addresses; else the listening address when the server listens on one; else every
     * IPv4 address of an interface that is up, can multicast and is not loopback (loopback alone when
     * there is none: a laptop without a network still finds its own server).
     */
    static List<InetAddress> interfaces(String[] configured, InetAddress bound) throws SocketException, UnknownHostException {
        List<InetAddress> addresses = new ArrayList<>();
        for (String address : configured) {
            if (!address.isBlank()) {
                addresses.add(InetAddress.getByName(address.strip()));
            }
        }
        if (!addresses.isEmpty()) {
            return addresses;
        }
        if (!bound.isAnyLocalAddress()) {
            return List.of(bound);
        }
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback() && nic.supportsMulticast()) {
                nic.inetAddresses().filter(Inet4Address.class::isInstance).forEach(addresses::add);
            }
        }
        return addresses.isEmpty() ? List.of(InetAddress.getLoopbackAddress()) : addresses;
    }
}
