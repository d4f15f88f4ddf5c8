package org.confab.server.cluster.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.confab.server.api.ClientSession;
import org.confab.server.spi.AccountCache;
import org.confab.server.spi.ClusterInbox;
import org.confab.server.spi.NodePush;
import org.confab.server.spi.SessionPolicy;
import org.confab.server.spi.SessionRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.nats.client.Connection;
import io.nats.client.Nats;

/**
 * A real three-server NATS cluster with the directory bucket replicated on all three (R3). The node is
 * connected to server 1 only; when servers 2 and 3 stop, its connection stays up but JetStream has no
 * quorum and stores none of its writes: the node isolates after the dead time, and serves again once
 * the two servers are back.
 */
@Timeout(180)
class MinorityPartitionTest {
    private static final Path SERVER = NatsServerBinary.SERVER;

    private final List<Process> servers = new ArrayList<>(java.util.Arrays.asList(null, null, null));
    private final int[] clientPorts = new int[3];
    private final int[] routePorts = new int[3];
    private Path store;
    private ClusterEngine engine;

    @AfterEach
    void stop() throws Exception {
        if (engine != null) {
            engine.stop();
        }
        for (Process server : servers) {
            if (server != null) {
                server.destroy();
                server.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void aNodeWhoseWritesFailIsolatesAndRejoinsWhenTheyWorkAgain() throws Exception {
        NatsServerBinary.requireInstalled();
        store = Files.createTempDirectory("confab-nats-cluster-test");
        for (int i = 0; i < 3; i++) {
            clientPorts[i] = freePort();
            routePorts[i] = freePort();
        }
        for (int i = 0; i < 3; i++) {
            start(i);
        }
        String url = "nats://127.0.0.1:" + clientPorts[0];
        // the node creates the bucket with three replicas, once the JetStream cluster has elected its leader
        ClusterSettings settings = ClusterSettings.from(Map.of("url", url, "node", "n1", "name", "p",
                "heartbeatMillis", 200, "deadAfterMillis", 1500, "replicas", 3));
        engine = new ClusterEngine(settings, new NoSessions(), new NodeMessages.Local(new NoSessions(), new NoInbox(), new NoCache(), null));
        assertTrue(engine.awaitState(EngineState.SERVING, Duration.ofSeconds(60)), "the node serves within 60 s");
        try (Connection check = Nats.connect(url)) {
            assertEquals(3, check.keyValueManagement().getStatus("confab-p-sessions").getReplicas());
        }

        servers.get(1).destroy();
        servers.get(2).destroy();
        servers.get(1).waitFor(10, TimeUnit.SECONDS);
        servers.get(2).waitFor(10, TimeUnit.SECONDS);
        assertTrue(engine.awaitState(EngineState.ISOLATED, Duration.ofSeconds(60)), "the node isolates within 60 s");
        assertEquals(Connection.Status.CONNECTED, engine.connection().getStatus(), "isolated with its connection up");

        start(1);
        start(2);
        assertTrue(engine.awaitState(EngineState.SERVING, Duration.ofSeconds(90)), "the node serves again within 90 s");
    }

    private void start(int i) throws Exception {
        List<String> routes = new ArrayList<>();
        for (int j = 0; j < 3; j++) {
            if (j != i) {
                routes.add("nats://127.0.0.1:" + routePorts[j]);
            }
        }
        Path dir = Files.createDirectories(store.resolve("s" + i));
        Process server = new ProcessBuilder(SERVER.toString(), "-a", "127.0.0.1", "-p", Integer.toString(clientPorts[i]),
                "-js", "-sd", dir.toString(), "-n", "s" + i, "--cluster_name", "confab-test", "--cluster",
                "nats://127.0.0.1:" + routePorts[i], "--routes", String.join(",", routes)).redirectErrorStream(true).start();
        servers.set(i, server);
        awaitReady(server, dir.resolve("log"), "s" + i);
    }

    /**
     * Copies nats-server's output to its log file and waits for its "Server is ready" line, which it
     * prints once it accepts clients; fails at once when the server ends first.
     */
    private static void awaitReady(Process server, Path log, String name) throws Exception {
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread.ofVirtual().name("nats-" + name + "-output").start(() -> {
            try (BufferedReader output = server.inputReader();
                    Writer copy = Files.newBufferedWriter(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                for (String line; (line = output.readLine()) != null;) {
                    copy.write(line + "\n");
                    copy.flush();
                    if (line.contains("Server is ready")) {
                        ready.complete(null);
                    }
                }
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
            ready.completeExceptionally(new AssertionError("nats-server " + name + " ended before it was ready"));
        });
        try {
            ready.get(20, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new AssertionError("nats-server " + name + " not ready within 20 s:\n" + Files.readString(log), e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    /** A node without users: isolation has no session to close. */
    private static final class NoSessions implements SessionRegistry {
        @Override
        public void opened(ClientSession session) {
        }

        @Override
        public void closed(ClientSession session) {
        }

        @Override
        public void bind(ClientSession session, String username, boolean admin) {
        }

        @Override
        public void authenticated(ClientSession session) {
        }

        @Override
        public Collection<ClientSession> all() {
            return List.of();
        }

        @Override
        public List<ClientSession> sessionsOf(String username) {
            return List.of();
        }

        @Override
        public List<String> onlineUsers() {
            return List.of();
        }

        @Override
        public SessionPolicy policy() {
            return new SessionPolicy(30, 90, 30);
        }
    }

    private static final class NoCache implements AccountCache {
        @Override
        public void forget(String username) {
        }

        @Override
        public void forgetAll() {
        }
    }

    /** Nothing reaches the router: this test watches the engine's state only. */
    private static final class NoInbox implements ClusterInbox {
        @Override
        public void presenceChanged(String username) {
        }

        @Override
        public void messagePushed(String username, NodePush push) {
        }
    }
}
