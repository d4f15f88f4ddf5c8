package org.confab.client.core.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.confab.client.core.ServerAddress;
import org.confab.protocol.Fingerprint;
import org.confab.protocol.messages.ClusterMessages.NodeAddress;

/**
 * The servers a client may connect to and where the next reconnect attempt goes. A configured host
 * name that resolves to several addresses stands for several nodes, one per address (each then has its
 * own entry in the known servers, keyed by its address); a name with one record, or one that does not
 * resolve now, stays as written. Names are resolved again for every attempt, so a changed DNS record
 * is followed. A login answer from a node of a cluster adds the cluster's serving nodes after the
 * configured ones, so a client given one address can still fail over. Thread-safe.
 */
final class Nodes {
    /** Bounds what one DNS answer can make us try: a cluster has a few nodes. */
    static final int MAX_NODES = 64;

    /** Looks up the addresses of a host name. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final List<ServerAddress> configured;
    private final Resolver resolver;
    /**
     * The serving nodes the last login answer listed (after the configured ones in {@link #inOrder}),
     * with the certificate fingerprint the answering node vouched for, where it has one.
     */
    private volatile Map<ServerAddress, Optional<Fingerprint>> learned = Map.of();
    /** The node tried last, connected or not; the next reconnect attempt goes to the one after it. */
    private ServerAddress last;

    Nodes(List<ServerAddress> configured, Resolver resolver) {
        this.configured = List.copyOf(configured);
        this.resolver = resolver;
    }

    /**
     * The nodes in the configured order, host names with several records expanded, then those the
     * cluster announced that are not among them.
     */
    List<ServerAddress> inOrder() {
        Set<ServerAddress> nodes = new LinkedHashSet<>();
        for (ServerAddress server : configured) {
            nodes.addAll(expand(server));
        }
        nodes.addAll(learned.keySet());
        return new ArrayList<>(nodes).subList(0, Math.min(nodes.size(), MAX_NODES));
    }

    /**
     * Takes the serving nodes a login answer listed (null or empty from a server that runs alone: then
     * the client knows only its configured nodes again). Addresses a client cannot parse are left out.
     */
    void learn(List<NodeAddress> announced) {
        Map<ServerAddress, Optional<Fingerprint>> nodes = new LinkedHashMap<>();
        for (NodeAddress node : announced == null ? List.<NodeAddress>of() : announced) {
            try {
                nodes.putIfAbsent(ServerAddress.parse(node.address()),
                        Optional.ofNullable(node.fingerprint()).map(Fingerprint::parse));
            } catch (IllegalArgumentException unusable) {
                // a node's announced address this client cannot use: it is simply not a place to go
            }
            if (nodes.size() == MAX_NODES) {
                break;
            }
        }
        learned = Collections.unmodifiableMap(nodes); // in the order announced
    }

    /** The fingerprint the cluster vouched for at {@code node}, if the node was learned from it with one. */
    Optional<Fingerprint> vouched(ServerAddress node) {
        return learned.getOrDefault(node, Optional.empty());
    }

    /** Notes the node an attempt went to. */
    synchronized void tried(ServerAddress node) {
        last = node;
    }

    /** The node after the one tried last (the first when none was, or it is no longer listed). */
    synchronized ServerAddress next() {
        List<ServerAddress> nodes = inOrder();
        int position = last == null ? -1 : nodes.indexOf(last);
        ServerAddress node = nodes.get((position + 1) % nodes.size());
        last = node;
        return node;
    }

    /** How many nodes there are now. */
    int count() {
        return inOrder().size();
    }

    private List<ServerAddress> expand(ServerAddress server) {
        if (isLiteral(server.host())) {
            return List.of(server);
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(server.host());
        } catch (UnknownHostException e) {
            return List.of(server); // connecting will say so, naming the host
        }
        if (addresses.length <= 1) {
            return List.of(server);
        }
        List<ServerAddress> nodes = new ArrayList<>();
        for (InetAddress address : addresses) {
            nodes.add(new ServerAddress(address.getHostAddress(), server.port()));
        }
        return nodes;
    }

    /** Whether {@code host} is an address rather than a name (looked up without asking DNS). */
    private static boolean isLiteral(String host) {
        return host.contains(":") || host.chars().allMatch(c -> c == '.' || Character.isDigit(c));
    }
}
