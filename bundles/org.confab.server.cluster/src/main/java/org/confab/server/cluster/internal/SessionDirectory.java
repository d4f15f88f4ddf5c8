package org.confab.server.cluster.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.KeyValueManagement;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueOperation;
import io.nats.client.api.KeyValueWatcher;
import io.nats.client.api.StorageType;

/**
 * Which nodes hold which user's sessions: a JetStream key-value bucket {@code confab-NAME-sessions},
 * one key per user (the username in hex: usernames may hold characters keys may not), its value the
 * comma-separated names of the nodes holding a session. Changes are compare-and-set on the entry's
 * revision, so two nodes changing one user's entry at once cannot lose each other's change.
 *
 * <p>Every node watches the bucket and keeps a copy ({@link #watchedNodesOf}), which routes each message
 * without a round trip to NATS. The copy lags by the time a change takes to travel; a node that lists a
 * user at login therefore waits until its own copy shows the change ({@link #awaitWatched}) before it
 * reads the user's pending messages, by which time the others' copies have it too (the same stream
 * delivers it to all). Presence asks the bucket itself ({@link #nodesOf}).
 */
final class SessionDirectory {
    private static final int MAX_TRIES = 50;

    private final KeyValue bucket;
    private final Map<String, Set<String>> watched = new ConcurrentHashMap<>();
    private io.nats.client.impl.NatsKeyValueWatchSubscription watch;

    private SessionDirectory(KeyValue bucket) {
        this.bucket = bucket;
    }

    static SessionDirectory open(Connection connection, String clusterName)
            throws IOException, JetStreamApiException, InterruptedException {
        String name = "confab-" + clusterName + "-sessions";
        KeyValueManagement management = connection.keyValueManagement();
        try {
            management.getStatus(name);
        } catch (JetStreamApiException missing) {
            try {
                management.create(KeyValueConfiguration.builder().name(name).maxHistoryPerKey(1)
                        .storageType(StorageType.File).build());
            } catch (JetStreamApiException raced) {
                management.getStatus(name); // another node created it meanwhile; anything else fails here
            }
        }
        SessionDirectory directory = new SessionDirectory(connection.keyValue(name));
        directory.watch = directory.bucket.watchAll(directory.new Watcher());
        return directory;
    }

    /** Stops watching (a rejoining node opens a new directory: a watch does not outlive a restart of NATS). */
    void close() {
        try {
            watch.unsubscribe();
        } catch (RuntimeException alreadyGone) {
            // the connection that carried it is gone; nothing left to stop
        }
    }

    /** The nodes holding a session of {@code username}, read from the bucket now. */
    Set<String> nodesOf(String username) throws IOException, JetStreamApiException {
        KeyValueEntry entry = bucket.get(key(username));
        return entry == null || entry.getOperation() != KeyValueOperation.PUT ? Set.of() : nodes(entry.getValue());
    }

    /** The nodes holding a session of {@code username} as last watched. */
    Set<String> watchedNodesOf(String username) {
        return watched.getOrDefault(username, Set.of());
    }

    /** Waits (at most {@code millis}) until the watched copy lists {@code node} for {@code username} or not, as {@code present} says. */
    void awaitWatched(String username, String node, boolean present, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        synchronized (watched) {
            while (watchedNodesOf(username).contains(node) != present) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(watched, left);
            }
        }
    }

    /** Users and their nodes as last watched. */
    Map<String, Set<String>> users() {
        return Map.copyOf(watched);
    }

    void add(String username, String node) throws IOException, JetStreamApiException {
        change(username, nodes -> {
            nodes.add(node);
            return nodes;
        });
    }

    void remove(String username, String node) throws IOException, JetStreamApiException {
        change(username, nodes -> {
            nodes.remove(node);
            return nodes;
        });
    }

    /** Takes {@code node} out of every entry (its sessions are gone: it restarted, died or lost the engine). */
    Set<String> removeEverywhere(String node) throws IOException, JetStreamApiException {
        Set<String> affected = new TreeSet<>();
        for (Map.Entry<String, Set<String>> user : users().entrySet()) {
            if (user.getValue().contains(node)) {
                remove(user.getKey(), node);
                affected.add(user.getKey());
            }
        }
        return affected;
    }

    private void change(String username, UnaryOperator<Set<String>> how) throws IOException, JetStreamApiException {
        String key = key(username);
        for (int attempt = 0; attempt < MAX_TRIES; attempt++) {
            KeyValueEntry entry = bucket.get(key);
            boolean present = entry != null && entry.getOperation() == KeyValueOperation.PUT;
            Set<String> before = present ? nodes(entry.getValue()) : Set.of();
            Set<String> after = how.apply(new TreeSet<>(before));
            if (after.equals(before)) {
                return;
            }
            try {
                byte[] value = String.join(",", after).getBytes(StandardCharsets.UTF_8);
                if (entry == null) {
                    bucket.create(key, value);
                } else {
                    bucket.update(key, value, entry.getRevision());
                }
                return;
            } catch (JetStreamApiException conflict) {
                // wrong last revision: another node changed the entry first; read it again
            }
        }
        throw new IOException("the session directory entry of '" + username + "' kept changing under " + MAX_TRIES
                + " attempts");
    }

    private static Set<String> nodes(byte[] value) {
        String text = value == null ? "" : new String(value, StandardCharsets.UTF_8);
        return text.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(text.split(",")));
    }

    static String key(String username) {
        return HexFormat.of().formatHex(username.getBytes(StandardCharsets.UTF_8));
    }

    static String username(String key) {
        return new String(HexFormat.of().parseHex(key), StandardCharsets.UTF_8);
    }

    private final class Watcher implements KeyValueWatcher {
        @Override
        public void watch(KeyValueEntry entry) {
            String user = username(entry.getKey());
            Set<String> nodes = entry.getOperation() == KeyValueOperation.PUT ? nodes(entry.getValue()) : Set.of();
            synchronized (watched) {
                if (nodes.isEmpty()) {
                    watched.remove(user);
                } else {
                    watched.put(user, nodes);
                }
                watched.notifyAll();
            }
        }

        @Override
        public void endOfData() {
        }
    }
}
