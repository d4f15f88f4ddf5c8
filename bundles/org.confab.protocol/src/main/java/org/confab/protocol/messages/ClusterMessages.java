package org.confab.protocol.messages;

import java.util.List;
import java.util.regex.Pattern;

import org.confab.protocol.Fingerprint;

/**
 * What a server that is a node of a cluster (docs/clustering.md) tells administrators: the nodes of
 * {@code admin.cluster.ok}, and the cluster's health in {@code admin.status.ok}. A single server
 * answers {@code admin.cluster} with {@code UNKNOWN_TYPE} and leaves the health out. The records
 * bound what they accept, because a client shows them to people: names as the cluster bundle allows
 * them, states as plain words (a newer server may know more states than {@link #NODE_STATES}), at
 * most {@link #MAX_NODES} nodes, addresses without spaces or control characters.
 */
public final class ClusterMessages {
    public static final String CLUSTER = "admin.cluster";
    /** A node's or cluster's name: letters, digits, '_' and '-', as {@code --node} and {@code --cluster-name} take them. */
    public static final int MAX_NAME = 64;
    /** Most nodes an answer may list (and name as missing). */
    public static final int MAX_NODES = 256;
    /** Longest client address: a host name of 253 characters, brackets, a colon and a port. */
    public static final int MAX_CLIENT_ADDRESS = 262;
    /** "SHA256:" and 43 base64 characters, with room to spare. */
    private static final int MAX_FINGERPRINT = 128;
    private static final int MAX_STATE = 32;
    /** A host (name, IPv4, or IPv6 in brackets with an optional zone) and a port. */
    private static final Pattern HOST_PORT = Pattern.compile("[A-Za-z0-9.:\\[\\]%_-]+");

    /** The states of a node ({@link NodeEntry#state()}) that servers know now. */
    public static final List<String> NODE_STATES = List.of("JOINING", "SERVING", "ISOLATED", "STOPPED", "DEAD");
    /** The states of the whole cluster ({@link ClusterHealth#state()}) that servers know now. */
    public static final List<String> CLUSTER_STATES = List.of("HEALTHY", "DEGRADED", "ISOLATED");
    /** A node that serves users. */
    public static final String SERVING = "SERVING";

    private ClusterMessages() {
    }

    /**
     * One node as the answering node knows it: its state, its logged-in sessions (from its last
     * heartbeat), whether it is the answering node, and where clients reach it, when the node says.
     */
    public record NodeEntry(String node, String state, int sessions, boolean self, String clientAddress) {
        public NodeEntry {
            Check.token("node", node, MAX_NAME);
            nodeState(state);
            Check.range("sessions", sessions, 0, Integer.MAX_VALUE);
            clientAddress = hostAndPort(clientAddress);
        }
    }

    /** {@code admin.cluster.ok}: the cluster's name, the answering node, and every node it knows, by name. */
    /**
     * A serving node of the cluster as clients reach it, in {@code auth.finish.ok}'s {@code nodes}:
     * {@code address} (host:port) and, when it speaks TLS, the {@code fingerprint} of its certificate,
     * vouched for by the node the client is logged in to.
     */
    public record NodeAddress(String address, String fingerprint) {
        public NodeAddress {
            if (address == null) {
                throw new IllegalArgumentException("field 'address' is required");
            }
            address = hostAndPort("address", address);
            if (fingerprint != null) {
                Check.text("fingerprint", fingerprint, MAX_FINGERPRINT);
                try {
                    Fingerprint.parse(fingerprint);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("field 'fingerprint' must be a SHA256: fingerprint: " + e.getMessage());
                }
            }
        }

        /** At most {@value ClusterMessages#MAX_NODES}; null for none (a server that runs alone sends none). */
        public static List<NodeAddress> checked(List<NodeAddress> nodes) {
            if (nodes == null) {
                return null;
            }
            if (nodes.size() > MAX_NODES) {
                throw new IllegalArgumentException("field 'nodes' must hold at most " + MAX_NODES + " nodes");
            }
            for (NodeAddress node : nodes) {
                if (node == null) {
                    throw new IllegalArgumentException("field 'nodes' must not hold null");
                }
            }
            return List.copyOf(nodes);
        }
    }

    public record ClusterReport(String cluster, String self, List<NodeEntry> nodes) {
        public ClusterReport {
            Check.token("cluster", cluster, MAX_NAME);
            Check.token("self", self, MAX_NAME);
            nodes = Check.list("nodes", nodes, MAX_NODES);
        }

        /** How many of the nodes serve users. */
        public long serving() {
            return nodes.stream().filter(node -> SERVING.equals(node.state())).count();
        }
    }

    /**
     * The {@code cluster} object of {@code admin.status.ok}: the cluster's name, the answering node,
     * the state the answering node sees ({@code HEALTHY}: every node it knows serves; {@code DEGRADED}:
     * some do not; {@code ISOLATED}: it lost the engine itself), how many nodes it knows and how many
     * of them serve.
     */
    public record ClusterHealth(String name, String self, String state, int nodes, int serving) {
        /** Every known node serves. */
        public static final String HEALTHY = "HEALTHY";
        /** Some known node is dead, isolated or still joining. */
        public static final String DEGRADED = "DEGRADED";
        /** The answering node has lost the cluster engine. */
        public static final String ISOLATED = "ISOLATED";

        public ClusterHealth {
            Check.token("name", name, MAX_NAME);
            Check.token("self", self, MAX_NAME);
            nodeState(state);
            Check.range("nodes", nodes, 0, MAX_NODES);
            Check.range("serving", serving, 0, nodes);
        }
    }

    /** The node names of {@code missingNodes} in {@code admin.online.ok}: absent is none. */
    static List<String> nodeNames(String field, List<String> names) {
        List<String> checked = Check.list(field, names, MAX_NODES);
        checked.forEach(name -> Check.token(field, name, MAX_NAME));
        return checked;
    }

    /** An optional node name, as {@code node} of a session in {@code admin.online.ok}. */
    static String optionalNodeName(String field, String name) {
        return name == null ? null : Check.token(field, name, MAX_NAME);
    }

    private static String nodeState(String state) {
        Check.text("state", state, MAX_STATE);
        if (!state.matches("[A-Z_]+")) {
            throw new IllegalArgumentException("field 'state' must be a word in capitals such as SERVING");
        }
        return state;
    }

    private static String hostAndPort(String address) {
        return address == null ? null : hostAndPort("clientAddress", address);
    }

    private static String hostAndPort(String field, String address) {
        Check.text(field, address, MAX_CLIENT_ADDRESS);
        if (!HOST_PORT.matcher(address).matches()) {
            throw new IllegalArgumentException("field '" + field + "' must be a host and port such as 192.0.2.7:7771");
        }
        return address;
    }
}
