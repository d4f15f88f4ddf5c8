package org.confab.client.ui.admin.internal.model;

import java.util.List;
import java.util.Optional;

import org.confab.protocol.messages.ClusterMessages.ClusterHealth;
import org.confab.protocol.messages.ClusterMessages.ClusterReport;
import org.confab.protocol.messages.ClusterMessages.NodeEntry;

/**
 * What the administrators' views say about the server's cluster: the nodes {@code admin.cluster}
 * lists, with the health {@code admin.status} reports when the server says it; or that the server runs
 * alone (it does not know {@code admin.cluster}), which is a plain fact, not an error.
 *
 * @param report the nodes, empty for a server that runs alone
 * @param health the cluster's health from the status, empty when the server did not report it
 */
public record ClusterOverview(Optional<ClusterReport> report, Optional<ClusterHealth> health) {
    public static final String ALONE = "This server runs alone: not part of a cluster.";

    /** A server that runs alone. */
    public static ClusterOverview alone() {
        return new ClusterOverview(Optional.empty(), Optional.empty());
    }

    /** The nodes to list, none for a server that runs alone. */
    public List<NodeEntry> nodes() {
        return report.map(ClusterReport::nodes).orElse(List.of());
    }

    /** "Cluster confab: HEALTHY, 3 of 3 nodes serving. Answered by n1." */
    public String summary() {
        return report.map(r -> "Cluster " + r.cluster() + ": " + health.map(h -> h.state() + ", ").orElse("")
                + r.serving() + " of " + count(r.nodes().size(), "node") + " serving. Answered by " + r.self() + ".")
                .orElse(ALONE);
    }

    /** A node's name, marked when it is the node that answered. */
    public static String name(NodeEntry node) {
        return node.self() ? node.node() + " (this node)" : node.node();
    }

    /** The cluster line of the Server Status view. */
    public static String status(Optional<ClusterHealth> health) {
        return health.map(h -> h.name() + ": " + h.state() + ", " + h.serving() + " of " + count(h.nodes(), "node")
                + " serving (this node: " + h.self() + ")").orElse("None: this server runs alone");
    }

    /** The warning of the Online Users view about nodes that did not answer in time; empty when all did. */
    public static Optional<String> missing(List<String> nodes) {
        if (nodes.isEmpty()) {
            return Optional.empty();
        }
        boolean one = nodes.size() == 1;
        return Optional.of("No answer in time from " + (one ? "node " : "nodes ") + String.join(", ", nodes) + ": "
                + (one ? "its" : "their") + " sessions are missing from this list.");
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
