package org.confab.client.core;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.confab.protocol.Fingerprint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerTrustTest {
    private static final Fingerprint REAL = Fingerprint.of("the real certificate".getBytes(StandardCharsets.UTF_8));
    private static final Fingerprint IMPOSTOR = Fingerprint.of("someone else's".getBytes(StandardCharsets.UTF_8));
    private static final String SERVER = "chat.example:7777";

    @TempDir
    Path home;

    @Test
    void pinnedTrustsOnlyItsFingerprint() {
        ServerTrust trust = ServerTrust.pinned(REAL);
        assertDoesNotThrow(() -> trust.check(SERVER, REAL));
        UntrustedServerException refused = assertThrows(UntrustedServerException.class, () -> trust.check(SERVER, IMPOSTOR));
        assertTrue(refused.isChanged());
        assertEquals(IMPOSTOR, refused.presented());
        assertEquals(Optional.of(REAL), refused.expected());
        assertTrue(refused.getMessage().contains("CHANGED"), refused.getMessage());
    }

    @Test
    void pinnedToSeveralNodesTrustsAnyOfThemAndNothingElse() {
        Fingerprint otherNode = Fingerprint.of("another node's certificate".getBytes(StandardCharsets.UTF_8));
        ServerTrust trust = ServerTrust.pinned(java.util.List.of(REAL, otherNode));
        assertDoesNotThrow(() -> trust.check(SERVER, REAL));
        assertDoesNotThrow(() -> trust.check("node2.example:7777", otherNode));
        assertTrue(assertThrows(UntrustedServerException.class, () -> trust.check(SERVER, IMPOSTOR)).isChanged());
        assertThrows(IllegalArgumentException.class, () -> ServerTrust.pinned(java.util.List.of()));
    }

    @Test
    void knownServersRefuseANewServerWithItsFingerprintAndRememberNothing() {
        KnownServers store = KnownServers.at(home.resolve("known_servers"));
        UntrustedServerException refused = assertThrows(UntrustedServerException.class,
                () -> ServerTrust.knownServers(store).check(SERVER, REAL));
        assertFalse(refused.isChanged());
        assertTrue(refused.getMessage().contains(REAL.toString()), refused.getMessage());
        assertEquals(Optional.empty(), store.lookup(SERVER));
    }

    @Test
    void acceptNewRemembersTheFirstCertificateAndRefusesAnotherOneLater() {
        KnownServers store = KnownServers.at(home.resolve("nested/known_servers"));
        ServerTrust.acceptNew(store).check(SERVER, REAL);
        assertEquals(Optional.of(REAL), KnownServers.at(store.file()).lookup(SERVER), "kept on disk");
        assertDoesNotThrow(() -> ServerTrust.knownServers(store).check(SERVER, REAL));
        UntrustedServerException changed = assertThrows(UntrustedServerException.class,
                () -> ServerTrust.acceptNew(store).check(SERVER, IMPOSTOR));
        assertTrue(changed.isChanged(), "a changed certificate is never accepted silently");
        assertEquals(Optional.of(REAL), store.lookup(SERVER));
    }

    @Test
    void theStoreIsAReadableTextFileAndForgets() throws Exception {
        KnownServers store = KnownServers.at(home.resolve("known_servers"));
        store.remember(SERVER, REAL);
        store.remember("other:1", IMPOSTOR);
        String text = Files.readString(store.file());
        assertTrue(text.contains(SERVER + " " + REAL), text);
        store.forget(SERVER);
        assertEquals(Optional.empty(), store.lookup(SERVER));
        assertEquals(Optional.of(IMPOSTOR), store.lookup("other:1"));
    }

    @Test
    void plainUsesNoTlsAndDefaultsTrustOnlyKnownServers() {
        assertFalse(ServerTrust.plain().usesTls());
        ClientOptions defaults = ClientOptions.of("localhost", 7777);
        assertTrue(defaults.trust().usesTls(), "TLS unless told otherwise");
        assertTrue(defaults.trust().store().isPresent());
        assertFalse(defaults.withTrust(ServerTrust.plain()).trust().usesTls());
    }
}
