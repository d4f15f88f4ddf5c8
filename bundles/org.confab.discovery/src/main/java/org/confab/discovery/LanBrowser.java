package org.confab.discovery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.jmdns.JmDNS;
import javax.jmdns.ServiceInfo;

import org.confab.discovery.internal.Announced;
import org.confab.discovery.internal.FoundServers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks for Confab servers on the LAN for a bounded time and returns what it found, checked. Browses on
 * every interface that is up and can multicast, and on loopback (so a server on the same machine is
 * found too). Blocking: call it off the UI thread.
 */
public final class LanBrowser {
    // slf4j as JmDNS imports it ([2.0,3), which org.confab.slf4j.compat offers): the same logger binding as
    // JmDNS's own messages, and the build orders the compat bundle before this one
    private static final Logger LOG = LoggerFactory.getLogger(LanBrowser.class);
    /** Most servers one browse returns; more announcements are ignored. */
    public static final int MAX_RESULTS = 32;
    /** How long a browse listens unless told otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);
    /** Longest browse allowed. */
    public static final Duration MAX_TIMEOUT = Duration.ofSeconds(60);

    private final List<InetAddress> interfaces;

    private LanBrowser(List<InetAddress> interfaces) {
        this.interfaces = List.copyOf(interfaces);
    }

    /** Browses on every IPv4 interface that is up and multicast-capable, and on loopback. */
    public static LanBrowser onAllInterfaces() {
        try {
            List<InetAddress> addresses = new ArrayList<>();
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (nic.isUp() && (nic.isLoopback() || nic.supportsMulticast())) {
                    nic.inetAddresses().filter(Inet4Address.class::isInstance).forEach(addresses::add);
                }
            }
            return new LanBrowser(addresses);
        } catch (SocketException e) {
            throw new UncheckedIOException("cannot list the network interfaces", e);
        }
    }

    /** Browses on the interfaces holding these addresses only. */
    public static LanBrowser on(List<InetAddress> interfaceAddresses) {
        return new LanBrowser(interfaceAddresses);
    }

    /** The interface addresses this browser listens on. */
    public List<InetAddress> interfaces() {
        return interfaces;
    }

    /**
     * Listens for {@code timeout} (at most {@link #MAX_TIMEOUT}) and returns the valid announcements heard,
     * at most {@link #MAX_RESULTS}, by name.
     *
     * @throws IOException when not one interface could be listened on
     * @throws InterruptedException when the calling thread is interrupted
     */
    public List<FoundServer> browse(Duration timeout) throws IOException, InterruptedException {
        long millis = Math.clamp(timeout.toMillis(), 100, MAX_TIMEOUT.toMillis());
        FoundServers found = new FoundServers(MAX_RESULTS);
        Map<InetAddress, IOException> failures = Collections.synchronizedMap(new LinkedHashMap<>());
        List<Thread> browsers = new ArrayList<>();
        for (InetAddress address : interfaces) {
            browsers.add(Thread.ofVirtual().name("confab-lan-browser-" + address.getHostAddress()).start(() -> {
                try {
                    browse(address, millis, found);
                } catch (IOException e) {
                    LOG.debug("cannot browse on {}", address.getHostAddress(), e);
                    failures.put(address, e);
                }
            }));
        }
        // opening an interface may take a moment beyond the listening time; never wait unbounded
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis + 2000);
        for (Thread browser : browsers) {
            browser.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        }
        if (!interfaces.isEmpty() && failures.size() == interfaces.size()) {
            IOException failure = new IOException("cannot listen for servers on " + failures.keySet());
            failures.values().forEach(failure::addSuppressed);
            throw failure;
        }
        return found.list();
    }

    private static void browse(InetAddress address, long millis, FoundServers found) throws IOException {
        JmDNS jmdns = JmDNS.create(address, "confab-browser");
        try {
            for (ServiceInfo info : jmdns.list(DnsSd.SERVICE_TYPE, millis)) {
                found.offer(announced(info));
            }
        } finally {
            // closing says goodbye and takes seconds; the caller has its answer already
            Thread.ofPlatform().daemon().name("confab-lan-browser-close").start(() -> {
                try {
                    jmdns.close();
                } catch (IOException e) {
                    // nothing is left to do with a browser that failed to close
                }
            });
        }
    }

    private static Announced announced(ServiceInfo info) {
        Map<String, byte[]> txt = new LinkedHashMap<>();
        for (String key : new String[] { DnsSd.NAME, DnsSd.TLS, DnsSd.PROTOCOL, DnsSd.FINGERPRINT }) {
            byte[] value = info.getPropertyBytes(key);
            if (value != null) {
                txt.put(key, value);
            }
        }
        return new Announced(info.getName(), Arrays.asList(info.getInetAddresses()), info.getPort(), txt);
    }
}
