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

        assertEquals(new ServerAddress("localhost", 7777), options.server());
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

        assertEquals(new ServerAddress("chat.example", 9000), fromEnv.server());
        assertEquals("alice", fromEnv.requireUser());
        assertEquals("from env", fromEnv.requirePassword());
        assertEquals(new ServerAddress("other", 1), fromArgs.server());
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
        assertEquals(new ServerAddress("h", 7777), ServerAddress.parse("h"));
        assertEquals(new ServerAddress("10.0.0.1", 80), ServerAddress.parse("10.0.0.1:80"));
        assertEquals(new ServerAddress("::1", 7000), ServerAddress.parse("[::1]:7000"));
        assertEquals("[::1]:7000", ServerAddress.parse("[::1]:7000").toString());
        assertThrows(UsageException.class, () -> ServerAddress.parse("h:0"));
        assertThrows(UsageException.class, () -> ServerAddress.parse("h:port"));
        assertThrows(UsageException.class, () -> ServerAddress.parse(":80"));
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
    }

    @Test
    void plainCannotBeMixedWithTrustOptionsAndABadFingerprintIsAUsageError() {
        assertThrows(UsageException.class, () -> parse(Map.of(), "ping", "--plain", "--trust-new"));
        UsageException bad = assertThrows(UsageException.class, () -> parse(Map.of(), "ping", "--fingerprint", "SHA256:nope"));
        assertTrue(bad.getMessage().startsWith("--fingerprint"), bad.getMessage());
    }
}
