package org.confab.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A MariaDB server of the test's own, on a free port with its data under the build directory, so a
 * test can stop and start the database without touching the shared one other builds use.
 */
final class PrivateMariaDb implements AutoCloseable {
    private static final Path SERVER = Path.of("/usr/sbin/mariadbd");
    private static final Path INSTALL = Path.of("/usr/bin/mariadb-install-db");

    final int port;
    private final Path directory;
    private Process process;

    private PrivateMariaDb(Path directory, int port) {
        this.directory = directory;
        this.port = port;
    }

    static boolean available() {
        return Files.isExecutable(SERVER) && Files.isExecutable(INSTALL);
    }

    /** Initialises an empty data directory and starts the server. */
    static PrivateMariaDb create(Path directory) throws Exception {
        Files.createDirectories(directory);
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        PrivateMariaDb db = new PrivateMariaDb(directory, port);
        run(List.of(INSTALL.toString(), "--no-defaults", "--datadir=" + directory.resolve("data"), "--user=" + user(),
                "--auth-root-authentication-method=normal", "--skip-test-db"), directory.resolve("install.log"));
        db.start();
        return db;
    }

    void start() throws Exception {
        process = new ProcessBuilder(SERVER.toString(), "--no-defaults", "--datadir=" + directory.resolve("data"),
                "--user=" + user(), "--port=" + port, "--bind-address=127.0.0.1", "--socket=" + directory.resolve("sock"),
                "--pid-file=" + directory.resolve("pid"), "--skip-log-bin", "--innodb-buffer-pool-size=32M")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("server.log").toFile()))
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (sql("SELECT 1") != 0) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("private MariaDB did not start:\n" + Files.readString(directory.resolve("server.log")));
            }
            Thread.sleep(200);
        }
    }

    /** Stops the server (SIGTERM) and waits until it is gone. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** Runs SQL as root; returns the client's exit code. */
    int sql(String statements) throws IOException, InterruptedException {
        return run(List.of("mariadb", "--no-defaults", "-h127.0.0.1", "-P" + port, "-uroot", "-e", statements),
                directory.resolve("sql.log"));
    }

    private static int run(List<String> command, Path log) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish");
        }
        return p.exitValue();
    }

    private static String user() {
        return System.getProperty("user.name");
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            stop();
        }
    }
}
