package org.confab.client.ui.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    }

    @Test
    void connectionStatusAndTitle() {
        assertEquals("Connected as alice to h:1", ConnectionStatus.of(ConnectionState.CONNECTED, "alice", "h:1", "").text());
        assertEquals(ConnectionStatus.Level.WORKING,
                ConnectionStatus.of(ConnectionState.RECONNECTING, "alice", "h:1", "connection reset").level());
        assertTrue(ConnectionStatus.of(ConnectionState.RECONNECTING, "alice", "h:1", "connection reset").text()
                .startsWith("Reconnecting to h:1"));
        assertEquals("Reconnecting to h:1\u2026 (the server is shutting down)", ConnectionStatus.of(
                ConnectionState.RECONNECTING, "alice", "h:1", "SHUTDOWN: the server is shutting down").text());
        assertEquals("Offline (logged out)", ConnectionStatus.of(ConnectionState.DISCONNECTED, "", "h:1", "logged out").text());
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
