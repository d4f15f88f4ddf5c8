package org.confab.server.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.confab.protocol.ErrorCode;
import org.confab.protocol.ProtocolException;
import org.confab.server.api.Account;
import org.junit.jupiter.api.Test;

/** The pure text helpers of the console and the audit trail. */
class ConsoleTextTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00.123Z");

    @Test
    void tableAlignsColumnsAndNeutralisesControlCharacters() {
        String table = new TextTable("A", "LONG HEADER").row("wide cell", 1).row("x", "line\nbreak").toString();
        assertEquals("""
                A          LONG HEADER
                wide cell  1
                x          line break
                """, table);
    }

    @Test
    void countsAreWordedForPeople() {
        assertEquals("1 session", Words.count(1, "session"));
        assertEquals("0 sessions", Words.count(0, "session"));
        assertEquals("3 entries", Words.count(3, "entry"));
    }

    @Test
    void durationsAreShort() {
        assertEquals("42s", ConsoleFormat.duration(Duration.ofSeconds(42)));
        assertEquals("3m 07s", ConsoleFormat.duration(Duration.ofSeconds(187)));
        assertEquals("5h 02m", ConsoleFormat.duration(Duration.ofMinutes(302)));
        assertEquals("2d 04h", ConsoleFormat.duration(Duration.ofHours(52)));
    }

    @Test
    void stateShowsLockAndBanInForce() {
        assertEquals("active", ConsoleFormat.state(account(false, Optional.empty()), NOW));
        assertEquals("locked", ConsoleFormat.state(account(true, Optional.of(NOW.plusSeconds(60))), NOW));
        assertEquals("banned until 2026-11-24T10:01:00Z",
                ConsoleFormat.state(account(false, Optional.of(NOW.plusSeconds(60))), NOW));
        assertEquals("active", ConsoleFormat.state(account(false, Optional.of(NOW.minusSeconds(1))), NOW));
    }

    @Test
    void booleansAreReadLeniently() throws ProtocolException {
        assertTrue(AdminCommands.parseBoolean(" Yes"));
        assertFalse(AdminCommands.parseBoolean("off"));
        ProtocolException e = assertThrows(ProtocolException.class, () -> AdminCommands.parseBoolean("maybe"));
        assertEquals(ErrorCode.BAD_REQUEST, e.code());
    }

    @Test
    void generatedPasswordsAreLongAndAvoidTheUsername() {
        for (int i = 0; i < 200; i++) {
            String password = AdminCommands.generatedPassword("Abc");
            assertEquals(20, password.length());
            assertFalse(password.toLowerCase().contains("abc"), password);
        }
    }

    @Test
    void auditDetailsNameEveryChangeButNeverThePassword() {
        Account before = new Account(1, "bob", "Bob", false, false, NOW, Optional.of(NOW.plusSeconds(60)));
        Account after = new Account(1, "bob", "Robert", true, true, NOW, Optional.empty());
        String details = AuditTrail.changes(before, after, true, true, 2);
        assertEquals("displayName 'Bob' -> 'Robert'; password reset; made administrator; locked, closed 2 sessions; "
                + "ban lifted", details);
        assertEquals("no change", AuditTrail.changes(before, before, false, false, 0));
    }

    private static Account account(boolean locked, Optional<Instant> bannedUntil) {
        return new Account(1, "bob", "Bob", false, locked, NOW, bannedUntil);
    }
}
