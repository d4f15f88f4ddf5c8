package org.confab.server.cluster.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.nats.client.Connection;
import io.nats.client.Nats;

/** The directory against a real nats-server with JetStream (a private one on a free port). */
class SessionDirectoryTest {
    private static final Path SERVER = Path.of("/usr/sbin/nats-server");

    private Process nats;
    private Connection connection;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(Files.isExecutable(SERVER), "nats-server is not installed (.ci/run installs it)");
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Path store = Files.createTempDirectory("confab-nats-test");
        nats = new ProcessBuilder(SERVER.toString(), "-a", "127.0.0.1", "-p", Integer.toString(port), "-js", "-sd",
                store.toString()).redirectErrorStream(true).redirectOutput(store.resolve("log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                break;
            } catch (java.io.IOException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("nats-server did not start");
                }
                Thread.sleep(50);
            }
        }
        connection = Nats.connect("nats://127.0.0.1:" + port);
    }

    @AfterEach
    void stop() throws Exception {
        if (connection != null) {
            connection.close();
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
        // The watched copy replays the bucket's revisions in order, so it passes through states with only one of
        // the two nodes before it reaches the last revision: wait for the end state, not for one node.
        Set<String> both = Set.of("n1", "n2");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!first.watchedNodesOf("zoë").equals(both) && System.nanoTime() < deadline) {
            first.awaitWatched("zoë", "n1", true, 100);
            first.awaitWatched("zoë", "n2", true, 100);
        }
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
