package org.confab.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A nats-server of the test's own with JetStream, on a free loopback port with its store under the
 * build directory, so a test can stop and restart the engine without touching anybody else's.
 */
final class NatsProcess implements AutoCloseable {
    private static final Path SERVER = Path.of("/usr/sbin/nats-server");
    /** What nats-server logs once it accepts clients (JetStream included). */
    private static final String READY = "Server is ready";
    private static final int STARTUP_SECONDS = 30;

    final int port;
    private final Path directory;
    /** A member of a NATS cluster: its name, cluster name, route port and the others' routes. */
    private final List<String> clusterArguments;
    private Process process;

    private NatsProcess(Path directory, int port, List<String> clusterArguments) {
        this.directory = directory;
        this.port = port;
        this.clusterArguments = clusterArguments;
    }

    static boolean available() {
        return Files.isExecutable(SERVER);
    }

    static NatsProcess start(Path directory) throws Exception {
        Files.createDirectories(directory);
        NatsProcess nats = new NatsProcess(directory, freePort(), List.of());
        nats.start();
        return nats;
    }

    /**
     * {@code size} nats-servers routed to each other as one cluster with JetStream (each in its own
     * subdirectory s0, s1, ...), started one after the other.
     */
    static List<NatsProcess> startCluster(Path directory, int size) throws Exception {
        int[] routePorts = new int[size];
        for (int i = 0; i < size; i++) {
            routePorts[i] = freePort();
        }
        List<NatsProcess> servers = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            List<String> routes = new ArrayList<>();
            for (int j = 0; j < size; j++) {
                if (j != i) {
                    routes.add("nats://127.0.0.1:" + routePorts[j]);
                }
            }
            Path own = Files.createDirectories(directory.resolve("s" + i));
            servers.add(new NatsProcess(own, freePort(), List.of("-n", "s" + i, "--cluster_name", "e2e", "--cluster",
                    "nats://127.0.0.1:" + routePorts[i], "--routes", String.join(",", routes))));
        }
        for (NatsProcess server : servers) {
            server.start();
        }
        return servers;
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    String url() {
        return "nats://127.0.0.1:" + port;
    }

    void start() throws Exception {
        Path log = directory.resolve("nats.log");
        List<String> command = new ArrayList<>(List.of(SERVER.toString(), "-a", "127.0.0.1", "-p", Integer.toString(port),
                "-js", "-sd", directory.resolve("store").toString()));
        command.addAll(clusterArguments);
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<Boolean> ready = new CompletableFuture<>();
        Thread.ofPlatform().name("nats-output-" + port).daemon().start(() -> copyOutput(process, log, ready));
        boolean said;
        try {
            said = ready.get(STARTUP_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            said = false;
        }
        if (!said) {
            throw new AssertionError("nats-server did not say \"" + READY + "\" within " + STARTUP_SECONDS + " s ("
                    + (process.isAlive() ? "still running" : "exited") + "):\n" + Files.readString(log));
        }
    }

    /**
     * Appends the server's output to its log and completes {@code ready} with true at its ready line, or
     * with false when the output ends before it (the server exited).
     */
    private static void copyOutput(Process process, Path log, CompletableFuture<Boolean> ready) {
        try (BufferedReader output = process.inputReader(StandardCharsets.UTF_8);
                Writer copy = Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND)) {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                copy.write(line);
                copy.write('\n');
                copy.flush();
                if (line.contains(READY)) {
                    ready.complete(true);
                }
            }
        } catch (IOException e) {
            // the process went away; whoever waits is told below
        }
        ready.complete(false);
    }

    /** SIGKILL: the engine disappears at once. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
