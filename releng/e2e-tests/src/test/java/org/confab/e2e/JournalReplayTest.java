package org.confab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * On the embedded database an acknowledged message is safe once it is in the message journal, before
 * H2 writes it. Here H2 is told to write nothing for ten minutes and checkpoints are an hour apart, so
 * after a burst of acknowledged messages and a SIGKILL the database file itself lacks them; the
 * restarted server must replay every one of them from the journal, and must not bring back the
 * waiting messages of an account deleted before the crash. A rich message (kind, metadata, attachment)
 * comes back whole.
 */
class JournalReplayTest {
    private static final String ADMIN_PASSWORD = "journal keeper 42";
    private static final Pattern ACKNOWLEDGED = Pattern.compile("\"acknowledged\":(\\d+)");
    private static final Pattern LOST = Pattern.compile("\"lost\":(\\d+)");
    private static final Pattern MESSAGES_TODAY = Pattern.compile("\"messagesToday\":(\\d+)");

    @Test
    void acknowledgedMessagesTheDatabaseHadNotWrittenAreReplayedAfterAKill() throws Exception {
        Path data = Processes.freshDirectory("journal-replay");
        Path database = data.resolve("db").resolve("confab").toAbsolutePath();
        String url = "jdbc:h2:file:" + database + ";WRITE_DELAY=600000;DB_CLOSE_DELAY=-1";
        Map<String, String> environment = Map.of("CONFAB_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "CONFAB_JAVA_OPTS", "-Dconfab.journal.checkpointSeconds=3600");
        String[] options = { "--db-url", url, "--scram-iterations", "4096", "--limits-exempt", "127.0.0.1" };

        ServerProcess server = ServerProcess.start(data, environment, options);
        int acknowledged;
        try {
            // two messages wait for an account that is then deleted: they are discarded for good
            Cli cli = new Cli(server.address(), server.fingerprint, Map.of("CONFAB_PASSWORD", "journal user 42"));
            assertEquals(0, cli.run("jsender", "register").exitCode());
            assertEquals(0, cli.run("jgone", "register").exitCode());
            assertEquals(0, cli.run("jsender", "send", "jgone", "waiting 1").exitCode());
            assertEquals(0, cli.run("jsender", "send", "jgone", "waiting 2").exitCode());
            admin(server, "delete-user", "jgone");

            Processes.Result bench = Processes.run(Map.of(), "bench", "chat", "--server", server.address(),
                    "--fingerprint", server.fingerprint, "--users", "4", "--rate", "100", "--duration", "2",
                    "--warmup", "0", "--size", "40", "--json");
            assertEquals(0, bench.exitCode(), bench.toString());
            acknowledged = number(ACKNOWLEDGED, bench.stdout());
            assertTrue(acknowledged >= 150, "the burst was acknowledged: " + bench);
            assertEquals(0, number(LOST, bench.stdout()), bench.toString());
            // a rich message (protocol version 2) must come back with its kind, metadata and attachment
            assertEquals(0, cli.run("jkeeper", "register").exitCode());
            Processes.Result rich = cli.run("jsender", "send", "jkeeper", "rolled after the burst", "--kind", "x.dice",
                    "--meta", "{\"sides\":6}", "--attach", "f-1:report.pdf:2202009:application/pdf");
            assertEquals(0, rich.exitCode(), rich.toString());
            acknowledged++;
            server.kill();
        } finally {
            server.close();
        }

        long inTheFile = messagesInTheDatabaseFile(database);
        assertTrue(inTheFile < acknowledged,
                "the database file alone lacks acknowledged messages (" + inTheFile + " of " + acknowledged + ")");

        server = ServerProcess.start(data, environment, options);
        try {
            assertTrue(server.log().contains("replayed the message journal"), server.log());
            Processes.Result status = admin(server, "status");
            assertEquals(acknowledged, number(MESSAGES_TODAY, status.stdout()),
                    "every acknowledged message is stored after the replay, the discarded ones are not: " + status);
            Processes.Result rich = new Cli(server.address(), server.fingerprint, Map.of("CONFAB_PASSWORD", "journal user 42"))
                    .run("jkeeper", "--json", "history", "jsender");
            assertTrue(rich.stdout().contains("\"body\":\"rolled after the burst\"") && rich.stdout().contains("\"kind\":\"x.dice\","
                    + "\"meta\":{\"sides\":6},\"attachments\":[{\"id\":\"f-1\",\"name\":\"report.pdf\",\"size\":2202009,"
                    + "\"mediaType\":\"application/pdf\"}]"), "the replay restored the rich message whole: " + rich);
            assertEquals(0, server.terminate(30));
        } finally {
            server.close();
        }
    }

    private static Processes.Result admin(ServerProcess server, String... command) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("--json", "admin"));
        arguments.addAll(List.of(command));
        Processes.Result result = new Cli(server.address(), server.fingerprint, Map.of("CONFAB_PASSWORD", ADMIN_PASSWORD))
                .run("admin", arguments.toArray(String[]::new));
        assertEquals(0, result.exitCode(), result.toString());
        return result;
    }

    private static long messagesInTheDatabaseFile(Path database) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + database, "confab", "");
                Statement sql = connection.createStatement()) {
            long count;
            try (ResultSet rows = sql.executeQuery("SELECT COUNT(*) FROM CONFAB_MESSAGE")) {
                rows.next();
                count = rows.getLong(1);
            }
            sql.execute("SHUTDOWN");
            return count;
        }
    }

    private static int number(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertTrue(matcher.find(), pattern + " in " + text);
        return Integer.parseInt(matcher.group(1));
    }
}
