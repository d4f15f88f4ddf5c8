package org.confab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * A database written before rich messages (protocol version 2) upgrades in place: the real server
 * product stores plain messages (one read, one waiting), the three columns rich messages added
 * ({@code KIND}, {@code META}, {@code ATTACHMENTS}) are dropped with plain SQL while the server is
 * stopped, and the restarted server must add them again, read every old message as text, and store,
 * deliver, list and find a new rich message with its kind, metadata and attachment.
 */
class RichMessageUpgradeTest {
    private static final Map<String, String> PASSWORD = Map.of("CONFAB_PASSWORD", "rich upgrade password 9");
    private static final List<String> NEW_COLUMNS = List.of("KIND", "META", "ATTACHMENTS");

    @Test
    void embeddedH2() throws Exception {
        UpgradeDatabases.embeddedH2("rich-upgrade", this::upgradeKeepsOldMessagesAndStoresRichOnes);
    }

    @Test
    void mysql() throws Exception {
        UpgradeDatabases.mysql("rich-upgrade", this::upgradeKeepsOldMessagesAndStoresRichOnes);
    }

    private void upgradeKeepsOldMessagesAndStoresRichOnes(Path data, List<String> databaseOptions,
            UpgradeDatabases.Database database) throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String alice = "richa" + suffix;
        String bob = "richb" + suffix;
        String[] options = databaseOptions.toArray(String[]::new);

        ServerProcess server = ServerProcess.start(data, Map.of(), options);
        try {
            Cli cli = new Cli(server.address(), server.fingerprint, PASSWORD);
            assertEquals(0, cli.run(alice, "register").exitCode());
            assertEquals(0, cli.run(bob, "register").exitCode());
            assertEquals(0, cli.run(alice, "send", bob, "plain and read " + suffix).exitCode());
            assertTrue(cli.run(bob, "inbox").stdout().contains("plain and read " + suffix));
            assertEquals(0, cli.run(alice, "send", bob, "plain and waiting " + suffix).exitCode());
            assertEquals(0, server.terminate(30));
        } finally {
            server.close();
        }

        try (Connection connection = database.open(); Statement sql = connection.createStatement()) {
            for (String column : NEW_COLUMNS) {
                sql.execute("ALTER TABLE CONFAB_MESSAGE DROP COLUMN " + column);
            }
            assertEquals(List.of(), columns(connection), "rewound to the layout before rich messages");
            if (connection.getMetaData().getURL().startsWith("jdbc:h2:")) {
                sql.execute("SHUTDOWN"); // releases the file at once, before the server opens it again
            }
        }

        server = ServerProcess.start(data, Map.of(), options);
        try {
            Cli cli = new Cli(server.address(), server.fingerprint, PASSWORD);
            Processes.Result inbox = cli.run(bob, "inbox");
            assertEquals(0, inbox.exitCode(), inbox.toString());
            assertTrue(inbox.stdout().contains(": plain and waiting " + suffix + System.lineSeparator()),
                    "an old message reads as plain text, without a kind marker: " + inbox);

            Processes.Result sent = cli.run(alice, "send", bob, "rolled a four " + suffix, "--kind", "x.dice",
                    "--meta", "{\"sides\":6,\"rolled\":4}", "--attach", "f-1:report.pdf:2202009:application/pdf");
            assertEquals(0, sent.exitCode(), sent.toString());
            Processes.Result delivered = cli.run(bob, "--json", "inbox");
            assertTrue(delivered.stdout().contains("\"body\":\"rolled a four " + suffix + "\"") && delivered.stdout().contains(
                    "\"kind\":\"x.dice\",\"meta\":{\"sides\":6,\"rolled\":4},\"attachments\":[{\"id\":\"f-1\",\"name\":\"report.pdf\","
                            + "\"size\":2202009,\"mediaType\":\"application/pdf\"}]"), delivered.toString());

            Processes.Result history = cli.run(bob, "history", alice, "--limit", "10");
            assertTrue(history.stdout().contains(": rolled a four " + suffix + " [x.dice: report.pdf, 2.1 MB]"), history.toString());
            for (String old : List.of("plain and read ", "plain and waiting ")) {
                assertTrue(history.stdout().contains(": " + old + suffix + System.lineSeparator()), old + "in the history: " + history);
            }
            Processes.Result found = cli.run(bob, "history", alice, "--search", "A FOUR " + suffix);
            assertTrue(found.stdout().contains("[x.dice: report.pdf, 2.1 MB]"), "found by its text: " + found);
            assertFalse(found.stdout().contains("plain"), found.toString());
            assertEquals(0, server.terminate(30));
        } finally {
            server.close();
        }

        try (Connection connection = database.open(); Statement sql = connection.createStatement()) {
            assertEquals(NEW_COLUMNS, columns(connection), "added again by the upgrade");
            List<String> kinds = new ArrayList<>();
            try (ResultSet rows = sql.executeQuery("SELECT BODY, KIND FROM CONFAB_MESSAGE WHERE SENDER = '" + alice + "' ORDER BY ID")) {
                while (rows.next()) {
                    kinds.add(rows.getString(1).replace(" " + suffix, "") + "=" + rows.getString(2));
                }
            }
            assertEquals(List.of("plain and read=null", "plain and waiting=null", "rolled a four=x.dice"), kinds,
                    "old rows keep NULL (text); only the rich message has a kind");
            if (connection.getMetaData().getURL().startsWith("jdbc:h2:")) {
                sql.execute("SHUTDOWN");
            }
        }
    }

    private static List<String> columns(Connection connection) throws SQLException {
        List<String> present = new ArrayList<>();
        for (String column : NEW_COLUMNS) {
            try (ResultSet found = connection.getMetaData().getColumns(connection.getCatalog(), null, "CONFAB_MESSAGE", column)) {
                if (found.next()) {
                    present.add(column);
                }
            }
        }
        return present;
    }
}
