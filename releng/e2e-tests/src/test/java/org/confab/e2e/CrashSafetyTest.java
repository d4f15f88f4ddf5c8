package org.confab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * No acknowledged message is lost or duplicated when the server dies: CLI senders chat against the
 * real server product, the server is killed with SIGKILL in the middle, restarted on the same data
 * directory and port, and every message a sender saw acknowledged must then be delivered to the
 * recipient exactly once and stored exactly once. Senders that were waiting when the server died
 * resend under the same client message id once it is back, which must not store a second copy.
 */
class CrashSafetyTest {
    private static final Map<String, String> PASSWORD = Map.of("CONFAB_PASSWORD", "crash test password 1");
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private static final int SENDERS = 3;

    @Test
    void embeddedH2() throws Exception {
        crashAndRecover("h2", List.of());
    }

    @Test
    void mysql() throws Exception {
        assumeFalse(Boolean.getBoolean("confab.test.mysql.skip"), "no MySQL on this machine (outside CI only)");
        crashAndRecover("mysql", mysqlOptions());
    }

    /** The server options of the test database (MySQL/MariaDB). */
    static List<String> mysqlOptions() {
        return List.of("--db-url", System.getProperty("confab.test.mysql.url"),
                "--db-user", System.getProperty("confab.test.mysql.user"),
                "--db-password-file", System.getProperty("confab.test.mysql.passwordFile"));
    }

    private void crashAndRecover(String name, List<String> databaseOptions) throws Exception {
        Path data = Processes.freshDirectory("crash-" + name);
        ServerProcess server = ServerProcess.start(data, Map.of(), databaseOptions.toArray(String[]::new));
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String sender = "crash" + suffix;
        String recipient = "sink" + suffix;
        try {
            Cli cli = new Cli(server.address(), server.fingerprint, PASSWORD);
            assertEquals(0, cli.run(sender, "register").exitCode());
            assertEquals(0, cli.run(recipient, "register").exitCode());

            Map<String, Long> acknowledged = new ConcurrentHashMap<>();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger attempts = new AtomicInteger();
            List<Thread> senders = new ArrayList<>();
            for (int s = 0; s < SENDERS; s++) {
                int number = s;
                senders.add(Thread.ofPlatform().start(() -> {
                    for (int n = 0; !stop.get(); n++) {
                        String text = name + " message " + number + "-" + n + " " + suffix;
                        attempts.incrementAndGet();
                        try {
                            // a generous timeout: a send caught by the crash is resent once the server is back
                            Processes.Result sent = cli.run(sender, "--json", "--timeout", "40", "send", recipient, text);
                            Matcher id = ID.matcher(sent.stdout());
                            if (sent.exitCode() == 0 && id.find()) {
                                acknowledged.put(text, Long.parseLong(id.group(1)));
                                synchronized (acknowledged) {
                                    acknowledged.notifyAll();
                                }
                            }
                        } catch (Exception e) {
                            return;
                        }
                    }
                }));
            }
            awaitAtLeast(acknowledged, 4, 60);
            server.kill();
            int beforeCrash = acknowledged.size();
            server = ServerProcess.start(data, Map.of(), restartOptions(server.port, databaseOptions));
            awaitAtLeast(acknowledged, beforeCrash + 3, 90);
            stop.set(true);
            for (Thread thread : senders) {
                thread.join(TimeUnit.SECONDS.toMillis(60));
            }

            Map<Long, Integer> deliveries = new ConcurrentHashMap<>();
            for (int round = 0; round < 2; round++) {
                Processes.Result inbox = cli.run(recipient, "--json", "inbox", "--wait", "4");
                assertEquals(0, inbox.exitCode(), inbox.toString());
                Matcher id = ID.matcher(inbox.stdout());
                while (id.find()) {
                    deliveries.merge(Long.parseLong(id.group(1)), 1, Integer::sum);
                }
            }
            Processes.Result history = cli.run(recipient, "--json", "history", sender, "--limit", "200");
            assertEquals(0, history.exitCode(), history.toString());
            for (Map.Entry<String, Long> message : acknowledged.entrySet()) {
                assertEquals(1, deliveries.getOrDefault(message.getValue(), 0),
                        "acknowledged message " + message + " delivered exactly once; deliveries " + deliveries);
                assertEquals(1, count(history.stdout(), message.getKey() + "\""),
                        "stored exactly once: " + message.getKey());
            }
            deliveries.forEach((id, times) -> assertEquals(1, times, "message " + id + " delivered once"));
            System.out.printf("crash test %s: %d sends attempted, %d acknowledged (%d before the SIGKILL), all delivered once%n",
                    name, attempts.get(), acknowledged.size(), beforeCrash);
            assertTrue(server.log().contains("listening on"));
        } finally {
            server.close();
        }
    }

    static String[] restartOptions(int port, List<String> databaseOptions) {
        List<String> options = new ArrayList<>(List.of("--port", Integer.toString(port)));
        options.addAll(databaseOptions);
        return options.toArray(String[]::new);
    }

    private static void awaitAtLeast(Map<String, Long> acknowledged, int wanted, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        synchronized (acknowledged) { // the senders notify after each acknowledgement
            while (acknowledged.size() < wanted) {
                long left = deadline - System.nanoTime();
                assertTrue(left > 0, "only " + acknowledged.size() + " of " + wanted
                        + " messages acknowledged within " + seconds + " s");
                TimeUnit.NANOSECONDS.timedWait(acknowledged, left);
            }
        }
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            count++;
        }
        return count;
    }
}
