package org.confab.server.boot.internal;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.confab.server.spi.LoginGate;

/**
 * Maps the launcher's framework properties ({@code ./confab server --port 9000} becomes
 * {@code confab.port=9000}) to the Configuration Admin PIDs and keys the components read. Only
 * properties that are set are mapped, so anything configured otherwise stays as it is.
 *
 * <p>Launch options apply to one launch. Configuration Admin keeps what it is given in the data
 * directory, so each configuration also records which of its keys the launch set
 * ({@link #LAUNCH_KEYS}); the next start removes those before it applies its own options. Without
 * that, {@code --limits-exempt} (or any option) given once stayed in force for every later start
 * with the same data directory, silently.
 */
final class LaunchOptions {

    private static final String LIMITS = "org.confab.server.limits";
    private static final String ATTACHMENTS = "org.confab.server.attachments";
    private static final String TRANSPORT = "org.confab.server.transport";

    /**
     * The launch property naming the plugins installed at a data directory's first start; the plugin
     * management bundle ({@code org.confab.server.plugins}) registers a condition service of the same
     * id once they are settled.
     */
    static final String BUILT_IN_PLUGINS = "confab.plugins.builtIn";
    /** The launch property naming the cluster engine: set, this server is a cluster node. */
    static final String CLUSTER_URL = "confab.cluster.url";
    /** The transport's configuration key for the target of its reference {@code startCondition}. */
    static final String TRANSPORT_START_CONDITION = "startCondition.target";
    /** How many services that target must match before the transport opens its port (DS 1.4). */
    static final String TRANSPORT_START_CONDITIONS_MINIMUM = "startCondition.cardinality.minimum";

    /** One launcher property and where it goes. */
    record Mapping(String property, String pid, String key, Class<?> type) {
    }

    static final List<Mapping> MAPPINGS = List.of(
            new Mapping("confab.port", TRANSPORT, "port", Integer.class),
            new Mapping("confab.bind", TRANSPORT, "bindAddress", String.class),
            new Mapping("confab.maxFrameBytes", TRANSPORT, "maxFrameBytes", Integer.class),
            new Mapping("confab.maxConnections", TRANSPORT, "maxConnections", Integer.class),
            new Mapping("confab.maxConnectionsPerAddress", TRANSPORT, "maxConnectionsPerAddress", Integer.class),
            new Mapping("confab.sendQueueFrames", TRANSPORT, "sendQueueFrames", Integer.class),
            new Mapping("confab.sendQueueKiB", TRANSPORT, "sendQueueKiB", Integer.class),
            new Mapping("confab.sendQueueTotalMiB", TRANSPORT, "sendQueueTotalMiB", Integer.class),
            new Mapping("confab.tls", TRANSPORT, "tls", Boolean.class),
            new Mapping("confab.tls.keystore", TRANSPORT, "tlsKeystore", String.class),
            new Mapping("confab.tls.keystorePasswordFile", TRANSPORT, "tlsKeystorePasswordFile", String.class),
            new Mapping("confab.tls.keystoreType", TRANSPORT, "tlsKeystoreType", String.class),
            new Mapping("confab.idleTimeout", "org.confab.server.sessions", "idleTimeoutSeconds", Integer.class),
            new Mapping("confab.heartbeat", "org.confab.server.sessions", "heartbeatSeconds", Integer.class),
            new Mapping("confab.loginTimeout", "org.confab.server.sessions", "loginTimeoutSeconds", Integer.class),
            new Mapping("confab.db.url", "org.confab.server.database", "url", String.class),
            new Mapping("confab.db.user", "org.confab.server.database", "user", String.class),
            new Mapping("confab.db.passwordFile", "org.confab.server.database", "passwordFile", String.class),
            new Mapping("confab.db.passwordEnv", "org.confab.server.database", "passwordEnvironmentVariable", String.class),
            new Mapping(CLUSTER_URL, "org.confab.server.cluster", "url", String.class),
            new Mapping("confab.cluster.node", "org.confab.server.cluster", "node", String.class),
            new Mapping("confab.cluster.name", "org.confab.server.cluster", "name", String.class),
            new Mapping("confab.cluster.clientAddress", "org.confab.server.cluster", "clientAddress", String.class),
            new Mapping("confab.cluster.replicas", "org.confab.server.cluster", "replicas", Integer.class),
            new Mapping("confab.cluster.deadAfterMillis", "org.confab.server.cluster", "deadAfterMillis", Long.class),
            new Mapping("confab.registration", "org.confab.server.accounts", "registrationPolicy", String.class),
            new Mapping("confab.scramIterations", "org.confab.server.accounts", "scramIterations", Integer.class),
            new Mapping("confab.limits.exempt", LIMITS, "exemptAddresses", String[].class),
            new Mapping("confab.limits.requestsPerSecond", LIMITS, "requestsPerSecond", Integer.class),
            new Mapping("confab.limits.requestBurst", LIMITS, "requestBurst", Integer.class),
            new Mapping("confab.limits.loginFailuresPerAccount", LIMITS, "loginFailuresPerAccount", Integer.class),
            new Mapping("confab.limits.loginFailuresPerAddress", LIMITS, "loginFailuresPerAddress", Integer.class),
            new Mapping("confab.limits.loginLockoutSeconds", LIMITS, "loginLockoutSeconds", Integer.class),
            new Mapping("confab.limits.registrationsPerAddress", LIMITS, "registrationsPerAddress", Integer.class),
            new Mapping("confab.limits.loginsPerAccountPerMinute", LIMITS, "loginsPerAccountPerMinute", Integer.class),
            new Mapping("confab.limits.loginBurstPerAccount", LIMITS, "loginBurstPerAccount", Integer.class),
            new Mapping("confab.attachments.maxFileBytes", ATTACHMENTS, "maxFileBytes", Long.class),
            new Mapping("confab.attachments.quotaBytes", ATTACHMENTS, "quotaBytes", Long.class),
            new Mapping("confab.attachments.diskFloorBytes", ATTACHMENTS, "diskFloorBytes", Long.class),
            new Mapping("confab.attachments.chunkBytes", ATTACHMENTS, "chunkBytes", Integer.class),
            new Mapping("confab.attachments.retention", ATTACHMENTS, "retention", String.class),
            new Mapping("confab.attachments.maxAge", ATTACHMENTS, "maxAge", String.class),
            new Mapping("confab.announce", "org.confab.server.discovery", "enabled", Boolean.class),
            new Mapping("confab.announceName", "org.confab.server.discovery", "name", String.class),
            new Mapping("confab.plugins.repository", "org.confab.server.plugins.repository", "repository", String.class));

    /** The configuration property that lists the keys the last launch set. */
    static final String LAUNCH_KEYS = "confab.launch.keys";

    private LaunchOptions() {
    }

    /** Every PID a launch option can write to. */
    static java.util.Set<String> pids() {
        return MAPPINGS.stream().map(Mapping::pid).collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }

    /**
     * A configuration's properties for this launch: {@code existing} without the keys the last launch
     * set, with {@code launch}'s keys and their list; null when nothing changes.
     */
    static Dictionary<String, Object> merge(Dictionary<String, Object> existing, Dictionary<String, Object> launch) {
        Dictionary<String, Object> merged = new Hashtable<>();
        if (existing != null) {
            for (java.util.Enumeration<String> keys = existing.keys(); keys.hasMoreElements();) {
                String key = keys.nextElement();
                merged.put(key, existing.get(key));
            }
            if (existing.get(LAUNCH_KEYS) instanceof String[] earlier) {
                for (String key : earlier) {
                    merged.remove(key);
                }
            }
            merged.remove(LAUNCH_KEYS);
        }
        List<String> set = new java.util.ArrayList<>();
        for (java.util.Enumeration<String> keys = launch.keys(); keys.hasMoreElements();) {
            String key = keys.nextElement();
            merged.put(key, launch.get(key));
            set.add(key);
        }
        if (!set.isEmpty()) {
            java.util.Collections.sort(set);
            merged.put(LAUNCH_KEYS, set.toArray(String[]::new));
        }
        return sameProperties(existing, merged) ? null : merged;
    }

    private static boolean sameProperties(Dictionary<String, Object> a, Dictionary<String, Object> b) {
        Map<String, Object> left = comparable(a);
        return left.equals(comparable(b));
    }

    private static Map<String, Object> comparable(Dictionary<String, Object> properties) {
        Map<String, Object> map = new TreeMap<>();
        if (properties != null) {
            for (java.util.Enumeration<String> keys = properties.keys(); keys.hasMoreElements();) {
                String key = keys.nextElement();
                Object value = properties.get(key);
                map.put(key, value instanceof Object[] array ? List.of(array) : value);
            }
        }
        map.remove("service.pid"); // Configuration Admin adds it; it is not ours to compare
        return map;
    }

    /**
     * The configuration updates, per PID, for the properties {@code lookup} knows. When the launch
     * names built-in plugins ({@value #BUILT_IN_PLUGINS}), the transport also waits for their condition
     * before it opens the port.
     *
     * @throws IllegalArgumentException for a value of the wrong type, naming the property
     */
    static Map<String, Dictionary<String, Object>> updates(UnaryOperator<String> lookup) {
        Map<String, Dictionary<String, Object>> updates = new TreeMap<>();
        for (Mapping mapping : MAPPINGS) {
            String value = lookup.apply(mapping.property());
            if (value == null) {
                continue;
            }
            updates.computeIfAbsent(mapping.pid(), pid -> new Hashtable<>()).put(mapping.key(), convert(mapping, value.strip()));
        }
        List<String> conditions = new java.util.ArrayList<>();
        if (isSet(lookup.apply(BUILT_IN_PLUGINS))) {
            // the first client must find the built-in plugins' types: the port opens once they are settled
            conditions.add(BUILT_IN_PLUGINS);
        }
        if (isSet(lookup.apply(CLUSTER_URL))) {
            // a login served before the node's gate is there would be served as on a single server,
            // invisible to the other nodes' routing and presence
            conditions.add(LoginGate.REGISTERED_CONDITION);
        }
        if (!conditions.isEmpty()) {
            Dictionary<String, Object> transport = updates.computeIfAbsent(TRANSPORT, pid -> new Hashtable<>());
            String each = conditions.stream().map(id -> "(osgi.condition.id=" + id + ")").collect(Collectors.joining());
            transport.put(TRANSPORT_START_CONDITION, conditions.size() == 1 ? each : "(|" + each + ")");
            if (conditions.size() > 1) {
                transport.put(TRANSPORT_START_CONDITIONS_MINIMUM, conditions.size());
            }
        }
        return updates;
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    private static Object convert(Mapping mapping, String value) {
        if (mapping.type() == Integer.class) {
            try {
                return Integer.valueOf(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(mapping.property() + " must be a whole number, was '" + value + "'");
            }
        }
        if (mapping.type() == Long.class) {
            try {
                return Long.valueOf(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(mapping.property() + " must be a whole number, was '" + value + "'");
            }
        }
        if (mapping.type() == String[].class) {
            return java.util.Arrays.stream(value.split(",")).map(String::strip).filter(item -> !item.isEmpty())
                    .toArray(String[]::new);
        }
        if (mapping.type() == Boolean.class) {
            if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                throw new IllegalArgumentException(mapping.property() + " must be true or false, was '" + value + "'");
            }
            return Boolean.valueOf(value);
        }
        return value;
    }
}
