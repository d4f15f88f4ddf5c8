package org.confab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * A database written by the first message layout (delivery state in a {@code DELIVERED} column of
 * the message table) keeps every message when the server is upgraded: the real server product writes
 * three messages (one read, two waiting), the database is turned back into the old layout with plain
 * SQL while the server is stopped, and the restarted server must deliver exactly the two waiting
 * messages, keep all three in the history, accept new ones, and leave no old column behind.
 */
class MessageLayoutUpgradeTest {
    private static final Map<String, String> PASSWORD = Map.of("CONFAB_PASSWORD", "upgrade test password 7");

    @Test
    void embeddedH2() throws Exception {
        UpgradeDatabases.embeddedH2("upgrade", this::upgradeKeepsEveryMessage);
    }

    @Test
    void mysql() throws Exception {
        UpgradeDatabases.mysql("upgrade", this::upgradeKeepsEveryMessage);
    }

    private void upgradeKeepsEveryMessage(Path data, List<String> databaseOptions, UpgradeDatabases.Database database)
            throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String alice = "olda" + suffix;
        String bob = "oldb" + suffix;
        String[] options = databaseOptions.toArray(String[]::new);

        ServerProcess server = ServerProcess.start(data, Map.of(), options);
        try {
            Cli cli = new Cli(server.address(), server.fingerprint, PASSWORD);
            assertEquals(0, cli.run(alice, "register").exitCode());
            assertEquals(0, cli.run(bob, "register").exitCode());
            assertEquals(0, cli.run(alice, "send", bob, "read before the upgrade " + suffix).exitCode());
            Processes.Result read = cli.run(bob, "inbox");
            assertTrue(read.stdout().contains("read before the upgrade"), read.toString());
            assertEquals(0, cli.run(alice, "send", bob, "waiting one " + suffix).exitCode());
            assertEquals(0, cli.run(alice, "send", bob, "waiting two " + suffix).exitCode());
            assertEquals(0, server.terminate(30));
        } finally {
            server.close();
        }

        try (Connection connection = database.open(); Statement sql = connection.createStatement()) {
            sql.execute("ALTER TABLE CONFAB_MESSAGE ADD COLUMN DELIVERED BOOLEAN DEFAULT FALSE NOT NULL");
            sql.execute("UPDATE CONFAB_MESSAGE SET DELIVERED = TRUE WHERE ID NOT IN (SELECT MESSAGE_ID FROM CONFAB_PENDING)");
            sql.execute("CREATE INDEX IX_MESSAGE_PENDING ON CONFAB_MESSAGE (RECIPIENT, DELIVERED, ID)");
            sql.execute("DROP TABLE CONFAB_PENDING");
            if (connection.getMetaData().getURL().startsWith("jdbc:h2:")) {
                sql.execute("SHUTDOWN"); // releases the file at once, before the server opens it again
            }
        }

        server = ServerProcess.start(data, Map.of(), options);
        try {
            Cli cli = new Cli(server.address(), server.fingerprint, PASSWORD);
            Processes.Result inbox = cli.run(bob, "inbox");
            assertEquals(0, inbox.exitCode(), inbox.toString());
            assertTrue(inbox.stdout().contains("waiting one " + suffix), inbox.toString());
            assertTrue(inbox.stdout().contains("waiting two " + suffix), inbox.toString());
            assertFalse(inbox.stdout().contains("read before the upgrade"), "a read message is not delivered again: " + inbox);
            assertFalse(cli.run(bob, "inbox").stdout().contains("waiting"), "acknowledged after the upgrade: not again");

            assertEquals(0, cli.run(alice, "send", bob, "after the upgrade " + suffix).exitCode());
            Processes.Result history = cli.run(bob, "history", alice, "--limit", "10");
            for (String text : List.of("read before the upgrade", "waiting one", "waiting two", "after the upgrade")) {
                assertTrue(history.stdout().contains(text + " " + suffix), text + " in the history: " + history);
            }
            assertTrue(server.log().contains("undelivered messages moved to CONFAB_PENDING"), server.log());
            assertEquals(0, server.terminate(30));
        } finally {
            server.close();
        }
        try (Connection connection = database.open();
                ResultSet column = connection.getMetaData().getColumns(connection.getCatalog(), null, "CONFAB_MESSAGE", "DELIVERED")) {
            assertFalse(column.next(), "the old DELIVERED column is gone");
        }
    }
}
