package org.confab.server.cluster.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
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
 * comma-separated names of the nodes holding a session, then, once the user set one, {@code ;} and
 * the presence status. Changes are compare-and-set on the entry's revision, so two nodes changing one
 * user's entry at once cannot lose each other's change. Each node also writes its heartbeat to key
 * {@code node.NAME} ({@link #beat}): a write that fails tells it that JetStream has no quorum for it.
 *
 * <p>Every node watches the bucket and keeps a copy ({@link #watchedNodesOf}), which routes each message
 * without a round trip to NATS. The copy lags by the time a change takes to travel; a node that lists a
 * user at login therefore waits until its own copy shows the change ({@link #awaitWatched}) before it
 * reads the user's pending messages, by which time the others' copies have it too (the same stream
 * delivers it to all). Presence asks the bucket itself ({@link #nodesOf}).
 */
final class SessionDirectory {
    private static final int MAX_TRIES = 50;
    private static final String NODE_KEY = "node.";

    /** One user's entry: the nodes holding a session, and the status the user set (null: none). */
    private record Entry(Set<String> nodes, String status) {
        static final Entry NONE = new Entry(Set.of(), null);

        static Entry parse(byte[] value) {
            String text = value == null ? "" : new String(value, StandardCharsets.UTF_8);
            int split = text.indexOf(';');
            String nodes = split < 0 ? text : text.substring(0, split);
            String status = split < 0 || split == text.length() - 1 ? null : text.substring(split + 1);
            return new Entry(nodes.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(nodes.split(","))), status);
        }

        byte[] bytes() {
            // a user on no node has no status: it lives as long as the user's sessions
            String text = String.join(",", new TreeSet<>(nodes)) + (status == null || nodes.isEmpty() ? "" : ";" + status);
            return text.getBytes(StandardCharsets.UTF_8);
        }

        Entry withNodes(UnaryOperator<Set<String>> how) {
            return new Entry(Set.copyOf(how.apply(new TreeSet<>(nodes))), status);
        }
    }

    private final KeyValue bucket;
    private final Map<String, Set<String>> watched = new ConcurrentHashMap<>();
    /** The bucket's revision the watched copy has reached (guarded by {@link #watched}). */
    private long watchedRevision;
    private final Map<String, String> watchedStatuses = new ConcurrentHashMap<>();
    private io.nats.client.impl.NatsKeyValueWatchSubscription watch;

    private SessionDirectory(KeyValue bucket) {
        this.bucket = bucket;
    }

    /** Opens the bucket, creating it with {@code replicas} copies if no node has yet. */
    static SessionDirectory open(Connection connection, String clusterName, int replicas)
            throws IOException, JetStreamApiException, InterruptedException {
        String name = "confab-" + clusterName + "-sessions";
        KeyValueManagement management = connection.keyValueManagement();
        try {
            management.getStatus(name);
        } catch (JetStreamApiException missing) {
            try {
                management.create(KeyValueConfiguration.builder().name(name).maxHistoryPerKey(1)
                        .storageType(StorageType.File).replicas(replicas).build());
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
        return entry == null || entry.getOperation() != KeyValueOperation.PUT ? Set.of()
                : Entry.parse(entry.getValue()).nodes();
    }

    /** The status {@code username} set, as last watched; empty when none. */
    Optional<String> watchedStatusOf(String username) {
        return Optional.ofNullable(watchedStatuses.get(username));
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

    /**
     * Waits (at most {@code millis}) until the watched copy holds every change written to the bucket
     * before this call, however many revisions it still has to replay; false when it does not in time.
     */
    boolean awaitCaughtUp(long millis) throws IOException, JetStreamApiException, InterruptedException {
        long written = bucket.getStatus().getBackingStreamInfo().getStreamState().getLastSequence();
        long deadline = System.nanoTime() + millis * 1_000_000;
        synchronized (watched) {
            while (watchedRevision < written) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(watched, left);
            }
            return true;
        }
    }

    /** Users and their nodes as last watched. */
    Map<String, Set<String>> users() {
        return Map.copyOf(watched);
    }

    void add(String username, String node) throws IOException, JetStreamApiException {
        change(username, entry -> entry.withNodes(nodes -> {
            nodes.add(node);
            return nodes;
        }));
    }

    void remove(String username, String node) throws IOException, JetStreamApiException {
        change(username, entry -> entry.withNodes(nodes -> {
            nodes.remove(node);
            return nodes;
        }));
    }

    /** Records the status {@code username} set (while listed on some node; else there is nobody to show it for). */
    void setStatus(String username, String status) throws IOException, JetStreamApiException {
        change(username, entry -> entry.nodes().isEmpty() ? entry : new Entry(entry.nodes(), status));
        if (!watchedNodesOf(username).isEmpty()) {
            // this node answers with it at once; the watch brings the same value
            watchedStatuses.put(username, status);
        }
    }

    /** Writes this node's heartbeat; fails when JetStream cannot store it (no quorum, no stream leader). */
    void beat(String node, byte[] heartbeat) throws IOException, JetStreamApiException {
        bucket.put(NODE_KEY + node, heartbeat);
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

    private void change(String username, UnaryOperator<Entry> how) throws IOException, JetStreamApiException {
        String key = key(username);
        for (int attempt = 0; attempt < MAX_TRIES; attempt++) {
            KeyValueEntry entry = bucket.get(key);
            boolean present = entry != null && entry.getOperation() == KeyValueOperation.PUT;
            Entry before = present ? Entry.parse(entry.getValue()) : Entry.NONE;
            Entry after = how.apply(before);
            if (after.equals(before)) {
                return;
            }
            try {
                byte[] value = after.bytes();
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

    static String key(String username) {
        return HexFormat.of().formatHex(username.getBytes(StandardCharsets.UTF_8));
    }

    static String username(String key) {
        return new String(HexFormat.of().parseHex(key), StandardCharsets.UTF_8);
    }

    private final class Watcher implements KeyValueWatcher {
        @Override
        public void watch(KeyValueEntry entry) {
            synchronized (watched) {
                watchedRevision = Math.max(watchedRevision, entry.getRevision());
                if (!entry.getKey().startsWith(NODE_KEY)) { // else a heartbeat, not a user
                    follow(entry);
                }
                watched.notifyAll();
            }
        }

        private void follow(KeyValueEntry entry) {
            String user = username(entry.getKey());
            Entry value = entry.getOperation() == KeyValueOperation.PUT ? Entry.parse(entry.getValue()) : Entry.NONE;
            if (value.nodes().isEmpty()) {
                watched.remove(user);
                watchedStatuses.remove(user);
            } else {
                watched.put(user, value.nodes());
                if (value.status() == null) {
                    watchedStatuses.remove(user);
                } else {
                    watchedStatuses.put(user, value.status());
                }
            }
        }

        @Override
        public void endOfData() {
        }
    }
}
