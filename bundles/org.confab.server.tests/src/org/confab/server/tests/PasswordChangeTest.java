package org.confab.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.confab.protocol.Frame;
import org.confab.protocol.Scram;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.AuthStart;
import org.confab.protocol.messages.Messages.ChangePassword;
import org.confab.server.api.AdminActor;
import org.confab.server.api.AuditEntry;
import org.junit.jupiter.api.Test;

/** {@code account.passwd} (protocol section 11.17): a user changes their own password over a real socket. */
class PasswordChangeTest extends AdminTestSupport {
    private static final String NEW_PASSWORD = "a brand new secret 7";

    @Test
    void theNewPasswordLogsInTheOldOneNoLongerAndTheChangeIsAudited() throws Exception {
        String name = register("changer");
        long before = newestAuditId();
        try (TestClient client = loggedIn(name)) {
            Frame answer = client.request(MessageTypes.CHANGE_PASSWORD, new ChangePassword(PASSWORD, NEW_PASSWORD));
            assertEquals("account.passwd.ok", answer.type(), answer.toString());
            assertEquals(0, answer.body().size(), "no fields: " + answer);
            assertTrue(client.request(MessageTypes.PING).type().equals("ping.ok"), "the session stays logged in");
        }
        try (TestClient old = TestClient.connected(server())) {
            assertEquals("AUTH_FAILED", errorCode(old, old.login(name, PASSWORD)));
        }
        try (TestClient fresh = TestClient.connected(server())) {
            assertEquals("auth.finish.ok", fresh.login(name, NEW_PASSWORD).type());
        }
        List<AuditEntry> entries = adminService().audit(AdminActor.console(), Optional.empty(), 50).stream()
                .filter(entry -> entry.id() > before && entry.target().filter(name::equals).isPresent()).toList();
        assertEquals(1, entries.size(), entries.toString());
        AuditEntry entry = entries.get(0);
        assertEquals("user.passwd", entry.action());
        assertEquals(name, entry.actor());
        assertFalse(entry.details().contains(NEW_PASSWORD) || entry.details().contains(PASSWORD), entry.details());
    }

    @Test
    void theRulesApplyToTheNewPassword() throws Exception {
        String name = register("ruled");
        try (TestClient client = loggedIn(name)) {
            assertEquals("WEAK_PASSWORD", errorCode(client, client.request(MessageTypes.CHANGE_PASSWORD,
                    new ChangePassword(PASSWORD, "short"))));
            assertEquals("WEAK_PASSWORD", errorCode(client, client.request(MessageTypes.CHANGE_PASSWORD,
                    new ChangePassword(PASSWORD, "My" + name.toUpperCase() + "!"))));
            assertEquals("WEAK_PASSWORD", errorCode(client, client.request(MessageTypes.CHANGE_PASSWORD,
                    new ChangePassword(PASSWORD, PASSWORD))), "the same password again is no change");
            assertEquals("BAD_REQUEST", errorCode(client, client.request(MessageTypes.CHANGE_PASSWORD,
                    Map.of("password", PASSWORD))), "no new password");
        }
        try (TestClient again = TestClient.connected(server())) {
            assertEquals("auth.finish.ok", again.login(name, PASSWORD).type(), "nothing changed");
        }
    }

    @Test
    void aWrongCurrentPasswordCountsAsAFailedLoginAndLocksOutLikeOne() throws Exception {
        String name = register("guessed");
        try (TestClient client = loggedIn(name)) {
            for (int i = 1; i <= 5; i++) {
                assertEquals("AUTH_FAILED", errorCode(client, client.request(MessageTypes.CHANGE_PASSWORD,
                        new ChangePassword("guess number " + i, NEW_PASSWORD))), "attempt " + i);
            }
            assertEquals("RATE_LIMITED", errorCode(client, client.request(MessageTypes.CHANGE_PASSWORD,
                    new ChangePassword(PASSWORD, NEW_PASSWORD))), "locked out even with the right password");
        }
        try (TestClient other = TestClient.connected(server())) {
            assertEquals("RATE_LIMITED", errorCode(other, other.request(MessageTypes.AUTH_START,
                    new AuthStart(name, Scram.nonce()))),
                    "the lockout is the login's own");
        }
    }

    @Test
    void onlyALoggedInSessionMayChangeAPassword() throws Exception {
        String name = register("anonymous");
        try (TestClient client = TestClient.connected(server())) {
            assertEquals("NOT_AUTHENTICATED", errorCode(client, client.request(MessageTypes.CHANGE_PASSWORD,
                    new ChangePassword(PASSWORD, NEW_PASSWORD))));
        }
        try (TestClient again = TestClient.connected(server())) {
            assertEquals("auth.finish.ok", again.login(name, PASSWORD).type());
        }
    }
}
