package org.confab.server.cluster.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The nodes this node has heard from, by their heartbeats. A node silent for {@code deadAfterMillis}
 * counts as dead: its directory entries are ignored and then removed. A node never heard of counts as
 * alive, so the entries of a node that has just started are not ignored before its first heartbeat
 * arrives.
 */
final class Roster {

    /**
     * What a node last said about itself, and when it was heard (this node's clock); {@code address} is
     * where its clients connect, empty when it was not configured; {@code fingerprint} its TLS
     * certificate's, empty for a node without TLS.
     */
    record Node(String name, String state, int sessions, long startedAt, long heardAt, String address, String fingerprint) {
    }

    private final long deadAfterMillis;
    private final Map<String, Node> nodes = new ConcurrentHashMap<>();
    private final Set<String> dead = ConcurrentHashMap.newKeySet();

    Roster(long deadAfterMillis) {
        this.deadAfterMillis = deadAfterMillis;
    }

    void heard(Envelope heartbeat, long now) {
        nodes.put(heartbeat.from(), new Node(heartbeat.from(), heartbeat.state(),
                heartbeat.sessions() == null ? 0 : heartbeat.sessions(),
                heartbeat.startedAt() == null ? 0 : heartbeat.startedAt(), now,
                heartbeat.address() == null ? "" : heartbeat.address(),
                heartbeat.fingerprint() == null ? "" : heartbeat.fingerprint()));
        dead.remove(heartbeat.from());
    }

    boolean alive(String node) {
        return !dead.contains(node);
    }

    /** Nodes that fell silent since the last call; each is reported once until it is heard again. */
    List<String> newlyDead(long now) {
        List<String> found = new ArrayList<>();
        for (Node node : nodes.values()) {
            if (now - node.heardAt() > deadAfterMillis && dead.add(node.name())) {
                found.add(node.name());
            }
        }
        return found;
    }

    /** Reports {@code node} again at the next {@link #newlyDead} (handling its death failed). */
    void retry(String node) {
        dead.remove(node);
    }

    /** The other nodes heard of and not silent: those expected to answer a question. */
    Set<String> alive() {
        return nodes.keySet().stream().filter(this::alive).collect(Collectors.toSet());
    }

    /** Every node heard of, with "DEAD" as the state of the silent ones, by name. */
    List<Node> snapshot() {
        return nodes.values().stream()
                .map(n -> dead.contains(n.name())
                        ? new Node(n.name(), "DEAD", 0, n.startedAt(), n.heardAt(), n.address(), n.fingerprint()) : n)
                .sorted(java.util.Comparator.comparing(Node::name)).collect(Collectors.toList());
    }
}
