package org.confab.e2e;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A nats-server of the test's own with JetStream, on a free loopback port with its store under the
 * build directory, so a test can stop and restart the engine without touching anybody else's.
 */
final class NatsProcess implements AutoCloseable {
    private static final Path SERVER = Path.of("/usr/sbin/nats-server");

    final int port;
    private final Path directory;
    private Process process;

    private NatsProcess(Path directory, int port) {
        this.directory = directory;
        this.port = port;
    }

    static boolean available() {
        return Files.isExecutable(SERVER);
    }

    static NatsProcess start(Path directory) throws Exception {
        Files.createDirectories(directory);
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        NatsProcess nats = new NatsProcess(directory, port);
        nats.start();
        return nats;
    }

    String url() {
        return "nats://127.0.0.1:" + port;
    }

    void start() throws Exception {
        process = new ProcessBuilder(SERVER.toString(), "-a", "127.0.0.1", "-p", Integer.toString(port), "-js", "-sd",
                directory.resolve("store").toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("nats.log").toFile())).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!accepts()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("nats-server did not start:\n" + Files.readString(directory.resolve("nats.log")));
            }
            Thread.sleep(100);
        }
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
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
