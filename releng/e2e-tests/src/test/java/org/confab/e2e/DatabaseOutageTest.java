package org.confab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * With its MySQL database gone the server refuses messages with STORAGE_UNAVAILABLE (acknowledging
 * nothing it could not store) and serves again, without a restart, once the database is back. Runs
 * against a MariaDB server of its own, so the shared one stays untouched.
 */
class DatabaseOutageTest {
    private static final Map<String, String> PASSWORD = Map.of("CONFAB_PASSWORD", "outage test password 1");

    @Test
    void refusesWhileTheDatabaseIsDownAndRecoversByItself() throws Exception {
        assumeTrue(PrivateMariaDb.available() || "true".equals(System.getenv("CI")), "no MariaDB server binaries here");
        Path work = Processes.WORK.resolve("outage");
        delete(work);
        Files.createDirectories(work);
        try (PrivateMariaDb db = PrivateMariaDb.create(work.resolve("mariadb"))) {
            assertEquals(0, db.sql("CREATE DATABASE confab_outage CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;"
                    + " CREATE USER 'confab'@'127.0.0.1' IDENTIFIED BY 'outage-db-pw';"
                    + " GRANT ALL ON confab_outage.* TO 'confab'@'127.0.0.1';"));
            Path passwordFile = Files.writeString(work.resolve("db-password"), "outage-db-pw\n");
            ServerProcess server = ServerProcess.start(work.resolve("server"), Map.of(), "--db-url",
                    "jdbc:mysql://127.0.0.1:" + db.port + "/confab_outage?useSSL=false&allowPublicKeyRetrieval=true",
                    "--db-user", "confab", "--db-password-file", passwordFile.toString());
            try {
                assertEquals(0, cli(server, "ann", "register").exitCode());
                assertEquals(0, cli(server, "bert", "register").exitCode());
                assertEquals(0, cli(server, "ann", "send", "bert", "before the outage").exitCode());

                db.stop();
                Processes.Result refused = cli(server, "ann", "--timeout", "30", "send", "bert", "during the outage");
                assertNotEquals(0, refused.exitCode(), refused.toString());
                assertTrue(refused.stderr().contains("STORAGE_UNAVAILABLE"), refused.toString());
                assertFalse(refused.stdout().contains("\"id\""), "nothing acknowledged: " + refused);

                db.start();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                Processes.Result after;
                do {
                    after = cli(server, "ann", "send", "bert", "after the outage");
                    assertTrue(System.nanoTime() < deadline, "no recovery within 60 s: " + after);
                } while (after.exitCode() != 0);

                Processes.Result history = cli(server, "bert", "--json", "history", "ann", "--limit", "10");
                assertEquals(0, history.exitCode(), history.toString());
                assertTrue(history.stdout().contains("before the outage") && history.stdout().contains("after the outage"),
                        history.toString());
                assertFalse(history.stdout().contains("during the outage"), history.toString());
                server.awaitLog("storage failure", 10); // the outage is logged
            } finally {
                server.close();
            }
        }
    }

    private static Processes.Result cli(ServerProcess server, String user, String... arguments) throws Exception {
        List<String> all = new ArrayList<>(List.of("cli", "--server", server.address(), "--user", user,
                "--fingerprint", server.fingerprint));
        all.addAll(List.of(arguments));
        return Processes.run(PASSWORD, all.toArray(String[]::new));
    }

    private static void delete(Path directory) throws Exception {
        if (Files.exists(directory)) {
            try (var paths = Files.walk(directory)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
