package org.confab.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.confab.client.core.ConfabConnectionException;
import org.confab.client.core.ConfabException;
import org.confab.client.core.UntrustedServerException;
import org.confab.protocol.Fingerprint;
import org.confab.protocol.ErrorCode;
import org.confab.client.core.ServerAddress;
import org.junit.jupiter.api.Test;

class CliApplicationTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final AtomicReference<CommandContext> seen = new AtomicReference<>();
    private CommandContext.Connector connector = global -> {
        throw new ConfabConnectionException("cannot connect to " + ServerAddress.format(global.servers()) + ": Connection refused");
    };

    /** A command that records its context instead of talking to a server. */
    private final Command probe = new Command() {
        @Override
        public String name() {
            return "probe";
        }

        @Override
        public String synopsis() {
            return "ARGS...";
        }

        @Override
        public String description() {
            return "test command";
        }

        @Override
        public Set<String> options() {
            return Set.of("limit");
        }

        @Override
        public int run(CommandContext context) {
            seen.set(context);
            return ExitCodes.OK;
        }
    };

    private int run(String... args) {
        CommandRegistry registry = Commands.standard().register(probe);
        PrintStream stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream stderr = new PrintStream(err, true, StandardCharsets.UTF_8);
        return new CliApplication(registry, connector, stdout, stderr, Map.of("CONFAB_USER", "alice",
                "CONFAB_PASSWORD", "pw")).run(List.of(args));
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void dispatchesToTheNamedCommandWithItsArgumentsAndTheGlobalOptions() {
        assertEquals(ExitCodes.OK, run("--json", "probe", "a", "b", "--limit", "3", "--server", "h:9"));

        CommandContext context = seen.get();
        assertEquals(List.of("a", "b"), context.operands());
        assertEquals("3", context.option("limit").orElseThrow());
        assertEquals(List.of(new ServerAddress("h", 9)), context.global().servers());
        assertTrue(context.global().json());
    }

    @Test
    void helpPrintsUsageListingEveryCommand() {
        assertEquals(ExitCodes.OK, run("--help"));

        String usage = out.toString(StandardCharsets.UTF_8);
        for (String command : List.of("register", "send", "history", "search", "online", "receive", "ping")) {
            assertTrue(usage.contains("  " + command), command + " missing from\n" + usage);
        }
    }

    @Test
    void usageErrorsExitWithTwoAndPrintTheUsage() {
        assertEquals(ExitCodes.USAGE, run());
        assertEquals(ExitCodes.USAGE, run("teleport"));
        assertEquals(ExitCodes.USAGE, run("send", "bob"));
        assertEquals(ExitCodes.USAGE, run("ping", "--limit", "3"));
        assertEquals(ExitCodes.USAGE, run("history", "bob", "--limit", "500"));
        assertEquals(ExitCodes.USAGE, run("receive", "--count", "0"));
        assertEquals(ExitCodes.USAGE, run("send", "--password", "x", "bob", "hi"));
        assertTrue(stderr().contains("usage: confab cli"), stderr());
        assertTrue(stderr().contains("error: --limit does not apply to ping"), stderr());
    }

    @Test
    void inboxIsAnotherNameForReceiveAndHistoryCanSearch() {
        // the connector always fails: exit 3 shows the command line was accepted and the command ran
        assertEquals(ExitCodes.CANNOT_CONNECT, run("inbox", "--wait", "2"));
        assertEquals(ExitCodes.CANNOT_CONNECT, run("history", "bob", "--search", "BUDGET"));
        assertEquals(ExitCodes.USAGE, run("inbox", "--search", "x"));

        assertEquals(ExitCodes.OK, run("help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("(also: inbox)"));
    }

    @Test
    void unreachableServerExitsWithThree() {
        assertEquals(ExitCodes.CANNOT_CONNECT, run("ping", "--server", "localhost:1"));

        assertEquals("error: cannot connect to localhost:1: Connection refused", stderr().strip());
    }

    @Test
    void serverRefusalExitsWithOneAndNamesTheCode() {
        connector = global -> {
            throw new ConfabException(ErrorCode.AUTH_FAILED, "wrong username or password");
        };

        assertEquals(ExitCodes.SERVER_ERROR, run("online"));

        assertEquals("error: AUTH_FAILED: wrong username or password", stderr().strip());
    }

    @Test
    void unknownServerIsRefusedInOneLineThatShowsTheFingerprintAndWhatToDo() {
        Fingerprint presented = Fingerprint.of(new byte[] { 1 });
        connector = global -> {
            throw new UntrustedServerException("h:9", presented, Optional.empty());
        };

        assertEquals(ExitCodes.UNTRUSTED_SERVER, run("online"));

        String line = stderr().strip();
        assertEquals(1, line.lines().count(), line);
        assertTrue(line.contains(presented.toString()) && line.contains("--fingerprint") && line.contains("--trust-new"), line);
    }

    @Test
    void changedCertificateIsRefusedLoudly() {
        Fingerprint presented = Fingerprint.of(new byte[] { 1 });
        connector = global -> {
            throw new UntrustedServerException("h:9", presented, Optional.of(Fingerprint.of(new byte[] { 2 })));
        };

        assertEquals(ExitCodes.UNTRUSTED_SERVER, run("online"));

        assertTrue(stderr().startsWith("error: WARNING: THE SERVER'S CERTIFICATE HAS CHANGED"), stderr());
        assertEquals(1, stderr().strip().lines().count());
    }
}
