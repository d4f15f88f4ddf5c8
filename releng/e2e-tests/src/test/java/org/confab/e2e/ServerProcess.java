package org.confab.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The real server product, started with {@code ./confab server} on a free port. */
final class ServerProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on ([0-9.]+):(\\d+)");
    private static final Pattern FINGERPRINT = Pattern.compile("fingerprint (SHA256:[A-Za-z0-9+/]+)");

    final Process process;
    final Path log;
    final int port;
    /** The TLS certificate's fingerprint the server logged; empty for a server run with --plain. */
    final String fingerprint;

    private ServerProcess(Process process, Path log, int port, String fingerprint) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.fingerprint = fingerprint;
    }

    static ServerProcess start(Path data, Map<String, String> environment, String... extraOptions)
            throws IOException, InterruptedException {
        Files.createDirectories(data);
        Path log = data.resolve("server-console.log");
        java.util.List<String> arguments = new java.util.ArrayList<>(
                java.util.List.of("server", "--port", "0", "--bind", "127.0.0.1", "--data", data.toString()));
        arguments.addAll(java.util.List.of(extraOptions));
        Process process = Processes.confab(environment, arguments.toArray(String[]::new)).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            Matcher matcher = LISTENING.matcher(text);
            if (matcher.find()) {
                Matcher fingerprint = FINGERPRINT.matcher(text);
                return new ServerProcess(process, log, Integer.parseInt(matcher.group(2)),
                        fingerprint.find() ? fingerprint.group(1) : "");
            }
            if (!process.isAlive()) {
                throw new AssertionError("server exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new AssertionError("server did not print 'listening on' within 90 s:\n" + Files.readString(log));
    }

    String address() {
        return "127.0.0.1:" + port;
    }

    String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** SIGKILL: the process dies at once, as in a power cut or an OOM kill. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, as a service manager would send; returns the exit code. */
    int terminate(long timeoutSeconds) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("server did not stop within " + timeoutSeconds + " s of SIGTERM");
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
