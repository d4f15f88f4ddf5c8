package org.confab.cli.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.confab.protocol.messages.ClusterMessages.ClusterHealth;
import org.confab.protocol.messages.ClusterMessages.ClusterReport;
import org.confab.protocol.messages.ClusterMessages.NodeEntry;

/**
 * How the {@code admin} commands show a cluster: the nodes of {@code admin cluster}, the node column
 * and missing nodes of {@code admin online}, the health line of {@code admin status}. A server that
 * runs alone says so instead.
 */
final class ClusterFields {
    static final List<String> NODE_HEADER = List.of("NODE", "STATE", "SESSIONS", "CLIENT ADDRESS", "");
    static final String ALONE = "this server runs alone: not part of a cluster";

    private ClusterFields() {
    }

    static Map<String, Object> node(ClusterReport report, NodeEntry node) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("cluster", report.cluster());
        fields.put("node", node.node());
        fields.put("state", node.state());
        fields.put("sessions", node.sessions());
        fields.put("self", node.self());
        if (node.clientAddress() != null) {
            fields.put("clientAddress", node.clientAddress());
        }
        return fields;
    }

    static List<String> nodeRow(NodeEntry node) {
        return List.of(node.node(), node.state(), Integer.toString(node.sessions()),
                node.clientAddress() == null ? "-" : node.clientAddress(), node.self() ? "(this node)" : "");
    }

    /** {@code cluster confab: 2 of 3 nodes serving, answered by n1}. */
    static String summary(ClusterReport report) {
        return "cluster " + report.cluster() + ": " + report.serving() + " of "
                + AdminFields.count(report.nodes().size(), "node") + " serving, answered by " + report.self();
    }

    /** What {@code --json} prints for a server that runs alone. */
    static Map<String, Object> alone() {
        return Map.of("standalone", true);
    }

    /** The {@code cluster} object of {@code admin status --json}. */
    static Map<String, Object> health(ClusterHealth health) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", health.name());
        fields.put("self", health.self());
        fields.put("state", health.state());
        fields.put("nodes", health.nodes());
        fields.put("serving", health.serving());
        return fields;
    }

    /** {@code confab DEGRADED, 2 of 3 nodes serving, this node n1}, or that the server runs alone. */
    static String healthText(ClusterHealth health) {
        if (health == null) {
            return "none (this server runs alone)";
        }
        return health.name() + " " + health.state() + ", " + health.serving() + " of "
                + AdminFields.count(health.nodes(), "node") + " serving, this node " + health.self();
    }

    /** The session table's header, with NODE when any session names its node. */
    static List<String> sessionHeader(boolean nodes) {
        return nodes ? withNode(AdminFields.SESSION_HEADER, "NODE") : AdminFields.SESSION_HEADER;
    }

    static List<String> withNode(List<String> row, String node) {
        List<String> longer = new ArrayList<>(row);
        longer.add(node == null ? "" : node);
        return longer;
    }

    /** The warning under {@code admin online} when nodes of the cluster did not answer in time. */
    static String missingText(List<String> missing) {
        return "warning: no answer in time from " + (missing.size() == 1 ? "node " : "nodes ")
                + String.join(", ", missing) + ": " + (missing.size() == 1 ? "its" : "their")
                + " sessions are not listed";
    }
}
