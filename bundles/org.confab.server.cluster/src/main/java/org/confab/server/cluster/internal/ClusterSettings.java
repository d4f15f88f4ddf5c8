package org.confab.server.cluster.internal;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Configuration PID {@code org.confab.server.cluster} ({@code ./confab server --cluster URL --node NAME}):
 * {@code url} of the NATS server(s), comma-separated; {@code node}, this node's name, unique in the
 * cluster; {@code name}, the cluster's name, which prefixes its subjects and buckets so several
 * clusters can share one NATS; {@code heartbeatMillis} and {@code deadAfterMillis}, how often a node
 * says it is alive and after how long without a word the others count it dead (also how long this node
 * serves while JetStream accepts none of its writes); {@code clientAddress}, the host:port clients use
 * for this node, announced to the others (empty: the address its endpoint is bound to); {@code replicas},
 * how many NATS servers keep the session directory when a node creates it (1 to 5).
 */
record ClusterSettings(String url, String node, String name, long heartbeatMillis, long deadAfterMillis,
        String clientAddress, int replicas) {

    /** Node and cluster names become parts of NATS subjects and bucket names. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    /** A host name, IPv4 or bracketed IPv6 address, and a port. */
    private static final Pattern ADDRESS = Pattern.compile("([A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}\\]):[0-9]{1,5}");

    static ClusterSettings from(Map<String, Object> properties) {
        String url = text(properties, "url", "");
        String node = text(properties, "node", "");
        String name = text(properties, "name", "confab");
        if (!url.isBlank()) {
            if (!NAME.matcher(node).matches()) {
                throw new IllegalArgumentException("the node name (--node) must be 1 to 64 letters, digits, '-' or '_', was '"
                        + node + "'");
            }
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("the cluster name must be 1 to 64 letters, digits, '-' or '_', was '"
                        + name + "'");
            }
        }
        String clientAddress = text(properties, "clientAddress", "");
        if (!clientAddress.isEmpty() && !ADDRESS.matcher(clientAddress).matches()) {
            throw new IllegalArgumentException("the client address must be HOST:PORT, was '" + clientAddress + "'");
        }
        long heartbeat = Math.max(100, number(properties, "heartbeatMillis", 1000));
        long deadAfter = Math.max(3 * heartbeat, number(properties, "deadAfterMillis", 5000));
        int replicas = (int) Math.max(1, Math.min(5, number(properties, "replicas", 1)));
        return new ClusterSettings(url, node, name, heartbeat, deadAfter, clientAddress, replicas);
    }

    boolean enabled() {
        return !url.isBlank();
    }

    /** A subject of this cluster: {@code confab.NAME.suffix}. */
    String subject(String suffix) {
        return "confab." + name + "." + suffix;
    }

    /** The subject on which {@code node} receives what is meant for it alone. */
    String nodeSubject(String node) {
        return subject("node." + node);
    }

    private static String text(Map<String, Object> properties, String key, String fallback) {
        Object value = properties.get(key);
        return value == null ? fallback : value.toString().strip();
    }

    private static long number(Map<String, Object> properties, String key, long fallback) {
        Object value = properties.get(key);
        if (value instanceof Number n) {
            return n.longValue();
        }
        return value == null || value.toString().isBlank() ? fallback : Long.parseLong(value.toString().strip());
    }
}
