package org.confab.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The real server product, started with {@code ./confab server} on a free port. */
final class ServerProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on ([0-9.]+):(\\d+)");
    private static final Pattern FINGERPRINT = Pattern.compile("fingerprint (SHA256:[A-Za-z0-9+/]+)");

    final Process process;
    /** Copies the process's output into {@link #log}; ends when the process has exited. */
    private final Thread console;
    /** What the copier has read so far; the copier notifies on it after every line. */
    private final StringBuilder output;
    final Path log;
    final int port;
    /** The TLS certificate's fingerprint the server logged; empty for a server run with --plain. */
    final String fingerprint;

    private ServerProcess(Process process, Thread console, StringBuilder output, Path log, int port, String fingerprint) {
        this.process = process;
        this.console = console;
        this.output = output;
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
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        // The console is copied line by line into the log file (which tests read later); the line that
        // says where the server listens completes the future, and the end of the output (the process
        // died) completes it empty: no polling.
        CompletableFuture<Optional<String>> listening = new CompletableFuture<>();
        StringBuilder output = new StringBuilder();
        Thread console = Thread.ofPlatform().daemon().name("server-console-" + data.getFileName()).start(() -> {
            try (BufferedReader printed = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                    Writer file = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
                String line;
                while ((line = printed.readLine()) != null) {
                    file.write(line);
                    file.write('\n');
                    file.flush();
                    synchronized (output) {
                        output.append(line).append('\n');
                        output.notifyAll(); // wakes awaitLog
                    }
                    if (LISTENING.matcher(line).find()) {
                        listening.complete(Optional.of(line));
                    }
                }
            } catch (IOException e) {
                listening.completeExceptionally(e);
            } finally {
                listening.complete(Optional.empty());
            }
        });
        Optional<String> line;
        try {
            line = listening.get(90, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            process.destroyForcibly();
            throw new AssertionError("server did not print 'listening on' within 90 s:\n" + Files.readString(log));
        } catch (ExecutionException e) {
            process.destroyForcibly();
            throw new AssertionError("could not read the server's console", e.getCause());
        }
        if (line.isEmpty()) {
            process.waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("server exited before listening:\n" + Files.readString(log));
        }
        Matcher matcher = LISTENING.matcher(line.get());
        matcher.find();
        // the fingerprint is logged before the listening line
        Matcher fingerprint = FINGERPRINT.matcher(Files.readString(log, StandardCharsets.UTF_8));
        return new ServerProcess(process, console, output, log, Integer.parseInt(matcher.group(2)),
                fingerprint.find() ? fingerprint.group(1) : "");
    }

    String address() {
        return "127.0.0.1:" + port;
    }

    /** Everything the server printed so far; after it exited, everything it printed. */
    String log() throws InterruptedException {
        if (!process.isAlive()) {
            console.join(TimeUnit.SECONDS.toMillis(10)); // the last lines may still be on their way
        }
        synchronized (output) {
            return output.toString();
        }
    }

    /** Waits until the server has printed {@code text} (woken by the copier, not polled); fails after the timeout. */
    String awaitLog(String text, long timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        synchronized (output) {
            while (output.indexOf(text) < 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !console.isAlive() && output.indexOf(text) < 0) {
                    throw new AssertionError("the server did not print '" + text + "' within " + timeoutSeconds
                            + " s:\n" + output);
                }
                TimeUnit.NANOSECONDS.timedWait(output, left);
            }
            return output.toString();
        }
    }

    /** SIGKILL: the process dies at once, as in a power cut or an OOM kill. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, as a service manager would send; returns the exit code. */
    int terminate(long timeoutSeconds) throws InterruptedException {
        // through the handle: Process.destroy() also closes the pipe the console copier reads, and the
        // server's last words ("Confab server stopped") would be lost
        process.toHandle().destroy();
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
