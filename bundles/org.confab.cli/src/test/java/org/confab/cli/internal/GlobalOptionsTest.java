package org.confab.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.confab.client.core.ServerAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GlobalOptionsTest {
    private final ArgumentParser parser = new ArgumentParser(GlobalOptions.VALUE_OPTIONS, GlobalOptions.FLAGS);

    @TempDir
    Path dir;

    private GlobalOptions parse(Map<String, String> env, String... args) {
        return GlobalOptions.from(parser.parse(List.of(args)), env);
    }

    @Test
    void defaultsToLocalhostAndTenSeconds() {
        GlobalOptions options = parse(Map.of(), "ping");

        assertEquals(List.of(new ServerAddress("localhost", 7777)), options.servers());
        assertEquals(Duration.ofSeconds(10), options.timeout());
        assertFalse(options.json());
        assertTrue(options.user().isEmpty());
    }

    @Test
    void environmentFillsInWhatTheCommandLineLeavesOut() {
        Map<String, String> env = Map.of("CONFAB_SERVER", "chat.example:9000", "CONFAB_USER", "alice",
                "CONFAB_PASSWORD", "from env");

        GlobalOptions fromEnv = parse(env, "online");
        GlobalOptions fromArgs = parse(env, "online", "--server", "other:1", "--user", "bob");

        assertEquals(List.of(new ServerAddress("chat.example", 9000)), fromEnv.servers());
        assertEquals("alice", fromEnv.requireUser());
        assertEquals("from env", fromEnv.requirePassword());
        assertEquals(List.of(new ServerAddress("other", 1)), fromArgs.servers());
        assertEquals("bob", fromArgs.requireUser());
    }

    @Test
    void passwordFileWinsOverTheEnvironmentAndOnlyItsFirstLineCounts() throws Exception {
        Path file = Files.writeString(dir.resolve("pw"), "  spaces kept  \nsecond line\n");

        GlobalOptions options = parse(Map.of("CONFAB_PASSWORD", "env"), "send", "--password-file", file.toString());

        assertEquals("  spaces kept  ", options.requirePassword());
    }

    @Test
    void missingUserPasswordOrFileIsAUsageError() {
        GlobalOptions nothing = parse(Map.of(), "send");
        GlobalOptions badFile = parse(Map.of(), "send", "--password-file", dir.resolve("absent").toString());

        assertThrows(UsageException.class, nothing::requireUser);
        assertThrows(UsageException.class, nothing::requirePassword);
        assertThrows(UsageException.class, badFile::requirePassword);
    }

    @Test
    void timeoutAcceptsDecimalSecondsAboveZero() {
        assertEquals(Duration.ofMillis(1500), parse(Map.of(), "ping", "--timeout", "1.5").timeout());
        assertThrows(UsageException.class, () -> parse(Map.of(), "ping", "--timeout", "0"));
        assertThrows(UsageException.class, () -> parse(Map.of(), "ping", "--timeout", "soon"));
    }

    @Test
    void serverAddressForms() {
        assertEquals(List.of(new ServerAddress("h", 7777)), parse(Map.of(), "ping", "--server", "h").servers());
        assertEquals(List.of(new ServerAddress("::1", 7000)), parse(Map.of(), "ping", "--server", "[::1]:7000").servers());
        for (String bad : List.of("h:0", "h:port", ":80")) {
            UsageException refused = assertThrows(UsageException.class, () -> parse(Map.of(), "ping", "--server", bad));
            assertTrue(refused.getMessage().startsWith("--server: bad server address"), refused.getMessage());
        }
    }

    @Test
    void severalServersAreTheNodesOfAClusterInOrder() {
        List<ServerAddress> nodes = List.of(new ServerAddress("n1", 7771), new ServerAddress("n2", 7772),
                new ServerAddress("n3", 7777));

        assertEquals(nodes, parse(Map.of(), "receive", "--server", "n1:7771,n2:7772,n3").servers());
        assertEquals(nodes, parse(Map.of("CONFAB_SERVER", "n1:7771, n2:7772, n3"), "receive").servers());
    }

    @Test
    void aServerListIsBoundedAndEachEntryChecked() {
        String seventeen = String.join(",", java.util.Collections.nCopies(17, "node"));
        assertTrue(assertThrows(UsageException.class, () -> parse(Map.of(), "ping", "--server", seventeen)).getMessage()
                .contains("at most 16"));
        assertTrue(assertThrows(UsageException.class, () -> parse(Map.of("CONFAB_SERVER", "a:1,b:x"), "ping"))
                .getMessage().contains("bad port 'x'"));
        assertThrows(UsageException.class, () -> parse(Map.of(), "ping", "--server", "a:1,,b:2"));
    }

    @Test
    void trustDefaultsToTheKnownServersAndFollowsTheFlags() {
        Path known = dir.resolve("known");
        assertEquals("TLS, servers known in " + known.toAbsolutePath(),
                parse(Map.of("CONFAB_KNOWN_SERVERS", known.toString()), "ping").trust().serverTrust().toString());
        assertTrue(parse(Map.of(), "ping", "--trust-new", "--known-servers", known.toString()).trust().serverTrust()
                .toString().startsWith("TLS, new servers remembered"));
        String pin = org.confab.protocol.Fingerprint.of(new byte[] { 7 }).toString();
        assertEquals("TLS pinned to " + pin, parse(Map.of(), "ping", "--fingerprint", pin).trust().serverTrust().toString());
        assertFalse(parse(Map.of(), "ping", "--plain").trust().serverTrust().usesTls());
        String otherNode = org.confab.protocol.Fingerprint.of(new byte[] { 8 }).toString();
        assertEquals("TLS pinned to " + pin + ", " + otherNode,
                parse(Map.of(), "ping", "--fingerprint", pin + "," + otherNode).trust().serverTrust().toString());
        assertThrows(UsageException.class, () -> parse(Map.of(), "ping", "--fingerprint", pin + ",SHA256:nonsense"));
    }

    @Test
    void plainCannotBeMixedWithTrustOptionsAndABadFingerprintIsAUsageError() {
        assertThrows(UsageException.class, () -> parse(Map.of(), "ping", "--plain", "--trust-new"));
        UsageException bad = assertThrows(UsageException.class, () -> parse(Map.of(), "ping", "--fingerprint", "SHA256:nope"));
        assertTrue(bad.getMessage().startsWith("--fingerprint"), bad.getMessage());
    }
}
