package org.confab.client.ui.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

import org.confab.client.core.ConfabConnectionException;
import org.confab.client.core.ConfabException;
import org.confab.client.core.ConnectionState;
import org.confab.client.ui.internal.model.Highlights.Range;
import org.confab.client.ui.internal.model.RegistrationProblem.Field;
import org.confab.protocol.ErrorCode;
import org.junit.jupiter.api.Test;

/** Highlights, the words for failures and states, and the composer's keys. */
class SmallModelsTest {
    private static final int SHIFT = 1 << 17;

    @Test
    void highlightsFindEveryOccurrenceIgnoringCase() {
        assertEquals(List.of(new Range(0, 5), new Range(13, 5)), Highlights.find("Lunch at the LUNCH place", "lunch"));
        assertEquals(List.of(), Highlights.find("anything", " "));
        assertEquals(List.of(new Range(0, 2), new Range(2, 2)), Highlights.find("aaaa", "aa"));
    }

    @Test
    void loginFailuresInWordsPeopleUnderstand() {
        String server = "chat:7777";
        assertEquals("Wrong username or password.",
                Problems.login(new CompletionException(new ConfabException(ErrorCode.AUTH_FAILED, "x")), server));
        assertEquals("This account is locked. Ask an administrator to unlock it.",
                Problems.login(new ConfabException(ErrorCode.ACCOUNT_LOCKED, "locked"), server));
        assertTrue(Problems.login(new ConfabConnectionException("refused"), server)
                .startsWith("Cannot reach the server at chat:7777."));
        assertTrue(Problems.login(new TimeoutException(), server).contains("did not answer in time"));
    }

    @Test
    void registrationProblemsPointAtTheirField() {
        assertEquals(Field.USERNAME, RegistrationProblem.of(
                new ConfabException(ErrorCode.INVALID_USERNAME, "username must start with a letter"), "s").field());
        assertEquals("Username must start with a letter.", RegistrationProblem.of(
                new ConfabException(ErrorCode.INVALID_USERNAME, "username must start with a letter"), "s").message());
        assertEquals(Field.USERNAME, RegistrationProblem.of(new ConfabException(ErrorCode.USERNAME_TAKEN, ""), "s").field());
        assertEquals(Field.PASSWORD, RegistrationProblem.of(new ConfabException(ErrorCode.WEAK_PASSWORD, ""), "s").field());
        assertEquals(Field.FORM, RegistrationProblem.of(new ConfabException(ErrorCode.REGISTRATION_CLOSED, ""), "s").field());
        assertEquals(Field.FORM, RegistrationProblem.of(new ConfabConnectionException("down"), "s").field());
        assertEquals(Optional.of(Field.CONFIRMATION),
                RegistrationProblem.check("bob", "secret-one", "secret-two").map(RegistrationProblem::field));
        assertEquals(Optional.empty(), RegistrationProblem.check("bob", "secret-one", "secret-one"));
        assertEquals(new RegistrationProblem(Field.USERNAME, "The username must start with a letter and contain only"
                + " letters, digits, '.', '_' and '-'."), RegistrationProblem.check("9-lives", "secret-one", "secret-one")
                        .orElseThrow());
        assertEquals(new RegistrationProblem(Field.PASSWORD, "The password must not contain the username."),
                RegistrationProblem.check("Bob", "my bob pass", "my bob pass").orElseThrow());
        assertEquals(Optional.of(Field.PASSWORD), RegistrationProblem.check("bob", "aaaabbbb", "aaaabbbb")
                .map(RegistrationProblem::field), "fewer than 4 different characters");
        assertEquals(Optional.of(Field.FORM), RegistrationProblem.check("bob", "x".repeat(65), "secret-one", "secret-one")
                .map(RegistrationProblem::field), "a display name too long");
    }

    @Test
    void bansAreToldInLocalTimeWithTheTimeLeftAndInOneSentence() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        Instant now = Instant.parse("2026-12-03T15:12:23Z");
        ServerNotice kicked = ServerNotice.sessionClosed("KICKED",
                "Please take a break (banned until 2026-12-03T15:22:23Z)", now, berlin).orElseThrow();
        assertEquals("An administrator ended your session: Please take a break. You cannot log in again until 16:22,"
                + " in 10 minutes.", kicked.text());
        assertEquals("An administrator ended your session: bye.",
                ServerNotice.sessionClosed("KICKED", "bye", now, berlin).orElseThrow().text());
        ConfabException banned = new ConfabException(ErrorCode.ACCOUNT_BANNED,
                "this account is banned until 2026-12-04T08:00:00Z");
        assertEquals("An administrator banned this account until tomorrow 09:00, in 16 hours.",
                Problems.login(banned, "h:1", now, berlin));
        assertEquals("An administrator banned this account for a while.",
                Problems.login(new ConfabException(ErrorCode.ACCOUNT_BANNED, ""), "h:1", now, berlin));
    }

    @Test
    void momentsForPeople() {
        ZoneId zone = ZoneId.of("UTC");
        Instant now = Instant.parse("2026-12-03T10:00:00Z");
        assertEquals("10:45, in 45 minutes", Moments.momentAndDistance(Instant.parse("2026-12-03T10:45:00Z"), now, zone));
        assertEquals("in 2 hours 5 minutes", Moments.relative(Instant.parse("2026-12-03T12:05:00Z"), now));
        assertEquals("in 7 hours", Moments.relative(Instant.parse("2026-12-03T17:05:00Z"), now));
        assertEquals("in 1 day 2 hours", Moments.relative(Instant.parse("2026-12-04T12:00:00Z"), now));
        assertEquals("5 minutes ago", Moments.relative(Instant.parse("2026-12-03T09:55:00Z"), now));
        assertEquals("in less than a minute", Moments.relative(Instant.parse("2026-12-03T10:00:20Z"), now));
        assertEquals("Sat 5 Dec, 08:00", Moments.moment(Instant.parse("2026-12-05T08:00:00Z"), now, zone));
        assertEquals("1 Jan 2027, 08:00", Moments.moment(Instant.parse("2027-01-01T08:00:00Z"), now, zone));
        assertEquals(Optional.of(Instant.parse("2026-12-03T15:22:23.5Z")),
                Moments.firstInstant("until 2026-12-03T15:22:23.5Z, then"));
        assertEquals(Optional.empty(), Moments.firstInstant("until 18:00"));
    }

    @Test
    void connectionStatusAndTitle() {
        assertEquals("Connected as alice to h:1", ConnectionStatus.of(ConnectionState.CONNECTED, "alice", "h:1", "").text());
        assertEquals(ConnectionStatus.Level.WORKING,
                ConnectionStatus.of(ConnectionState.RECONNECTING, "alice", "h:1", "connection reset").level());
        assertTrue(ConnectionStatus.of(ConnectionState.RECONNECTING, "alice", "h:1", "connection reset").text()
                .startsWith("Reconnecting to h:1"));
        Optional<ZonedDateTime> at = Optional.of(ZonedDateTime.of(2026, 12, 3, 14, 2, 59, 0, ZoneId.of("Europe/Berlin")));
        ConnectionStatus shutdown = ConnectionStatus.of(ConnectionState.RECONNECTING, "alice", "h:1",
                "SHUTDOWN: the server is shutting down", at);
        assertEquals("Reconnecting to h:1\u2026 (connection lost at 14:02: the server shut down)", shutdown.text());
        assertEquals("SHUTDOWN: the server is shutting down", shutdown.details(), "the raw words go to the tooltip");
        assertEquals("Reconnecting to h:1\u2026 (connection lost: the server stopped answering)", ConnectionStatus.of(
                ConnectionState.RECONNECTING, "alice", "h:1",
                "no acknowledgement for a sent message within the request timeout").text());
        assertEquals("Reconnecting to h:1\u2026 (connection lost: the server stopped answering)", ConnectionStatus.of(
                ConnectionState.RECONNECTING, "alice", "h:1", "no answer to heartbeat ping").text());
        assertEquals("Reconnecting to h:1\u2026 (connection lost: the network connection broke)", ConnectionStatus.of(
                ConnectionState.RECONNECTING, "alice", "h:1", "write failed: Broken pipe").text());
        assertEquals("Reconnecting to a:1,b:2\u2026 (connection lost: a server whose identity is not confirmed was "
                + "skipped; trying the next)", ConnectionStatus.of(ConnectionState.RECONNECTING, "alice", "a:1,b:2",
                        "skipped b:2: the server b:2 is not known; its TLS certificate fingerprint is SHA256:x").text());
        assertEquals("Offline (logged out)", ConnectionStatus.of(ConnectionState.DISCONNECTED, "", "h:1", "logged out").text());
        assertEquals("Offline (logged out)", ConnectionStatus.of(ConnectionState.DISCONNECTED, "", "h:1", "client closed").text());
        assertEquals("Offline since 14:02 (the server no longer accepts your password; log out and log in again)",
                ConnectionStatus.of(ConnectionState.DISCONNECTED, "alice", "h:1",
                        "re-login refused: AUTH_FAILED: wrong username or password", at).text());
        assertEquals("Connected as alice to h:1", ConnectionStatus.of(ConnectionState.CONNECTED, "alice", "h:1",
                "reconnected as alice", at).text(), "no old cause once connected");
        assertEquals("(3) Confab \u2014 alice", ConnectionStatus.windowTitle("alice", 3));
        assertEquals("Confab", ConnectionStatus.windowTitle("", 0));
    }

    @Test
    void enterSendsShiftEnterBreaksTheLine() {
        assertTrue(ComposerKeys.sends('\r', 0));
        assertTrue(ComposerKeys.sends((1 << 24) + 80, 0), "keypad Enter");
        assertFalse(ComposerKeys.sends('\r', SHIFT));
        assertFalse(ComposerKeys.sends('a', 0));
        assertEquals(Optional.empty(), ComposerKeys.message("  \n "));
        assertEquals(Optional.of("hi"), ComposerKeys.message(" hi\n"));
    }
}
