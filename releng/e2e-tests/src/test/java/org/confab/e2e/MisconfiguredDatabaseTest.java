package org.confab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A server whose database cannot be used ends its start in seconds with one plain line saying why and
 * a non-zero status (hardening round 2). Before, it logged stack traces and waited for ever without
 * listening, until whoever started it gave up.
 */
class MisconfiguredDatabaseTest {

    private static final String SECRET = "not-the-password-7f3a";

    static Stream<Arguments> misconfigurations() throws Exception {
        // The build's MySQL/MariaDB server and its working account: each case breaks one thing only.
        String url = System.getProperty("confab.test.mysql.url", "jdbc:mysql://127.0.0.1:3306/test");
        String server = url.replaceFirst("^(jdbc:mysql://[^/]+/).*$", "$1");
        String query = url.contains("?") ? url.substring(url.indexOf('?')) : "";
        String user = System.getProperty("confab.test.mysql.user", "root");
        String passwordFile = System.getProperty("confab.test.mysql.passwordFile");
        String password = passwordFile == null ? "" : Files.readAllLines(Path.of(passwordFile)).get(0).strip();
        return Stream.of(
                Arguments.of("missing password file", url, user, null, "cannot read the database password file"),
                Arguments.of("wrong password", url, user, SECRET, "Access denied"),
                Arguments.of("unknown database", server + "nosuch_confab_db" + query, user, password, "nosuch_confab_db"),
                Arguments.of("unsupported URL", "jdbc:postgresql://127.0.0.1/x", user, password, "unsupported database URL"),
                Arguments.of("nobody listening", "jdbc:mysql://127.0.0.1:9/confab", user, password, "Communications link failure"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("misconfigurations")
    void startEndsAtOnceWithOnePlainLine(String name, String url, String user, String password, String expected)
            throws Exception {
        Path work = Processes.freshDirectory("misconfigured-" + name.replace(' ', '-'));
        Path passwordFile = work.resolve("db-password");
        if (password != null) {
            Files.writeString(passwordFile, password + "\n");
        }
        long started = System.nanoTime();
        Processes.Result result = Processes.run(Map.of(), "server", "--port", "0", "--bind", "127.0.0.1",
                "--data", work.resolve("data").toString(), "--db-url", url, "--db-user", user,
                "--db-password-file", passwordFile.toString());
        String output = assertEndedWithPlainLine(result, started, "database", expected);
        assertFalse(output.contains(SECRET), "the password reached the output");
        // no stack trace about the database; the framework's shell may print one of its own when it is
        // stopped while still starting ("Command not found: gosh"), which says nothing about this
        assertFalse(output.lines().anyMatch(l -> l.startsWith("\tat org.confab") || l.startsWith("\tat com.mysql")
                || l.startsWith("\tat org.apache.aries") || l.startsWith("\tat org.eclipse.persistence")),
                "a stack trace about the database was printed:\n" + output);
    }

    /**
     * The start ended within 45 s of {@code started} (nanoTime), with status 3, without listening,
     * saying {@code confab: cannot start: WHAT: } and {@code expected} on one line.
     *
     * @return everything the process printed
     */
    static String assertEndedWithPlainLine(Processes.Result result, long started, String what, String expected) {
        double seconds = (System.nanoTime() - started) / 1e9;
        String output = result.stdout() + result.stderr();
        assertEquals(3, result.exitCode(), output);
        assertTrue(seconds < 45, "took " + seconds + " s");
        assertFalse(output.contains("listening on"), output);
        String line = output.lines().filter(l -> l.contains("confab: cannot start: " + what + ": ")).findFirst()
                .orElseThrow(() -> new AssertionError("no plain line in:\n" + output));
        assertTrue(line.contains(expected), line);
        return output;
    }
}
