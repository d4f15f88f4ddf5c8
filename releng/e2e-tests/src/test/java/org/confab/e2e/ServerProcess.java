package org.confab.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
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
    /** Copies the process's output into {@link #log}; ends when the process has exited. */
    private final Thread console;
    /** What the copier has read so far. */
    private final Console output;
    final Path log;
    final int port;
    /** The TLS certificate's fingerprint the server logged; empty for a server run with --plain. */
    final String fingerprint;

    private ServerProcess(Process process, Thread console, Console output, Path log, int port, String fingerprint) {
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
        // The console is copied line by line into the log file (kept for reading after a failed run) and
        // into memory, where every new line, and the end of the output, wakes the tests that wait for one.
        Console output = new Console();
        Thread console = Thread.ofPlatform().daemon().name("server-console-" + data.getFileName()).start(() -> {
            try (BufferedReader printed = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                    Writer file = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
                String line;
                while ((line = printed.readLine()) != null) {
                    file.write(line);
                    file.write('\n');
                    file.flush();
                    output.add(line);
                }
            } catch (IOException e) {
                output.add("(reading the server's console failed: " + e + ")");
            } finally {
                output.end();
            }
        });
        String printed;
        try {
            printed = output.await("listening on", 90);
        } catch (AssertionError e) {
            process.destroyForcibly();
            throw e;
        }
        Matcher listening = LISTENING.matcher(printed);
        listening.find();
        Matcher fingerprint = FINGERPRINT.matcher(printed); // logged before the listening line
        return new ServerProcess(process, console, output, log, Integer.parseInt(listening.group(2)),
                fingerprint.find() ? fingerprint.group(1) : "");
    }

    /** What the server printed so far; {@link #add} and {@link #end} wake whoever waits in {@link #await}. */
    private static final class Console {
        private final StringBuilder text = new StringBuilder();
        private boolean ended;

        synchronized void add(String line) {
            text.append(line).append('\n');
            notifyAll();
        }

        synchronized void end() {
            ended = true;
            notifyAll();
        }

        synchronized String text() {
            return text.toString();
        }

        /** Waits until {@code wanted} was printed; fails when the timeout passes or the output ends without it. */
        synchronized String await(String wanted, long timeoutSeconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            while (text.indexOf(wanted) < 0) {
                long left = deadline - System.nanoTime();
                if (ended || left <= 0) {
                    throw new AssertionError("the server " + (ended ? "stopped" : "ran " + timeoutSeconds + " s")
                            + " without printing '" + wanted + "':\n" + text);
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return text.toString();
        }
    }

    String address() {
        return "127.0.0.1:" + port;
    }

    /** Everything the server printed so far; after it exited, everything it printed. */
    String log() throws InterruptedException {
        if (!process.isAlive()) {
            console.join(TimeUnit.SECONDS.toMillis(10)); // the last lines may still be on their way
        }
        return output.text();
    }

    /** Waits until the server has printed {@code text} (woken by each new line, not polled). */
    String awaitLog(String text, long timeoutSeconds) throws InterruptedException {
        return output.await(text, timeoutSeconds);
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
