package org.confab.server.cluster.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener.Events;
import io.nats.client.Nats;
import io.nats.client.Options;

/** The directory against a real nats-server with JetStream (a private one on a free port). */
class SessionDirectoryTest {
    private static final Path SERVER = NatsServerBinary.SERVER;

    private Process nats;
    private Connection connection;
    /** The connection the background connect reported last, closed even when it never connected. */
    private volatile Connection pending;

    @BeforeEach
    void start() throws Exception {
        NatsServerBinary.requireInstalled();
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Path store = Files.createTempDirectory("confab-nats-test");
        nats = new ProcessBuilder(SERVER.toString(), "-a", "127.0.0.1", "-p", Integer.toString(port), "-js", "-sd",
                store.toString()).redirectErrorStream(true).redirectOutput(store.resolve("log").toFile()).start();
        connection = connectOnceUp("nats://127.0.0.1:" + port, store.resolve("log"));
    }

    /**
     * Connects in the background while nats-server is still starting: the client tries again until the
     * server accepts, and its connection event ends the wait.
     */
    private Connection connectOnceUp(String url, Path log) throws Exception {
        CompletableFuture<Connection> connected = new CompletableFuture<>();
        Options options = new Options.Builder().server(url).maxReconnects(-1).reconnectWait(Duration.ofMillis(100))
                .connectionListener((client, event) -> {
                    pending = client;
                    if (event == Events.CONNECTED || event == Events.RECONNECTED) {
                        connected.complete(client);
                    }
                }).build();
        Nats.connectAsynchronously(options, true);
        try {
            return connected.get(20, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("no connection to nats-server within 20 s (" + (nats.isAlive() ? "running" : "ended")
                    + "):\n" + Files.readString(log));
        }
    }

    @AfterEach
    void stop() throws Exception {
        if (pending != null) {
            pending.close();
        }
        if (nats != null) {
            nats.destroy();
            nats.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void nodesChangingOneUserAtOnceLoseNoChange() throws Exception {
        SessionDirectory first = SessionDirectory.open(connection, "t", 1);
        SessionDirectory second = SessionDirectory.open(connection, "t", 1);
        CompletableFuture<Void> a = CompletableFuture.runAsync(() -> flap(first, "n1"));
        CompletableFuture<Void> b = CompletableFuture.runAsync(() -> flap(second, "n2"));
        a.get(60, TimeUnit.SECONDS);
        b.get(60, TimeUnit.SECONDS);
        assertEquals(Set.of("n1", "n2"), first.nodesOf("zoë"));
        // The watched copy replays the bucket's revisions in order and passes through states with one, both or
        // neither node (the flapping above) before the last one: wait until it has replayed every revision.
        Set<String> both = Set.of("n1", "n2");
        assertTrue(first.awaitCaughtUp(10_000), "the watched copy catches up within 10 s");
        assertEquals(both, first.watchedNodesOf("zoë"), "the watched copy follows");
    }

    @Test
    void aNodeIsTakenOutOfEveryEntry() throws Exception {
        SessionDirectory directory = SessionDirectory.open(connection, "t2", 1);
        directory.add("ann", "n1");
        directory.add("bob", "n1");
        directory.add("bob", "n2");
        directory.awaitWatched("bob", "n2", true, 5000);
        assertEquals(Set.of("ann", "bob"), directory.removeEverywhere("n1"));
        assertEquals(Set.of(), directory.nodesOf("ann"));
        assertEquals(Set.of("n2"), directory.nodesOf("bob"));
    }

    @Test
    void theStatusLivesWithTheUsersEntryAndHeartbeatsAreNoUsers() throws Exception {
        SessionDirectory writer = SessionDirectory.open(connection, "t3", 1);
        SessionDirectory reader = SessionDirectory.open(connection, "t3", 1);
        writer.setStatus("ann", "away");
        assertEquals(java.util.Optional.empty(), writer.watchedStatusOf("ann"), "not listed: no status to keep");
        writer.add("ann", "n1");
        writer.setStatus("ann", "away");
        writer.beat("n1", "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        writer.add("ann", "n2");
        reader.awaitWatched("ann", "n2", true, 5000);
        assertEquals(java.util.Optional.of("away"), reader.watchedStatusOf("ann"), "kept when another node lists her");
        assertEquals(Set.of("ann"), reader.users().keySet(), "a heartbeat key is no user");
        writer.remove("ann", "n1");
        writer.remove("ann", "n2");
        reader.awaitWatched("ann", "n2", false, 5000);
        assertEquals(java.util.Optional.empty(), reader.watchedStatusOf("ann"), "gone with her last session");
        writer.add("ann", "n1");
        reader.awaitWatched("ann", "n1", true, 5000);
        assertEquals(java.util.Optional.empty(), reader.watchedStatusOf("ann"), "a new login starts available");
    }

    /** Adds and removes the node 50 times, ending added. */
    private static void flap(SessionDirectory directory, String node) {
        try {
            for (int i = 0; i < 50; i++) {
                directory.add("zoë", node);
                directory.remove("zoë", node);
            }
            directory.add("zoë", node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
