package org.confab.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.confab.protocol.Frame;
import org.confab.protocol.messages.AdminMessages.AddUser;
import org.confab.protocol.messages.AdminMessages.AuditQuery;
import org.confab.protocol.messages.AdminMessages.Broadcast;
import org.confab.protocol.messages.AdminMessages.DeleteUser;
import org.confab.protocol.messages.AdminMessages.Kick;
import org.confab.protocol.messages.AdminMessages.StatusReport;
import org.confab.protocol.messages.AdminMessages.UpdateUser;
import org.confab.protocol.messages.AdminMessages.UserQuery;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.AuthOk;
import org.confab.server.api.Account;
import org.confab.server.api.AccountChanges;
import org.confab.server.api.AdminActor;
import org.junit.jupiter.api.Test;

/** Every administrative request is checked on the server: refused to non-administrators, with no effect. */
class AdminAuthorizationTest extends AdminTestSupport {

    private record Attempt(String type, Object body) {
    }

    private static List<Attempt> everyAdminRequest(String self, String victim, String newName) {
        return List.of(
                new Attempt(MessageTypes.ADMIN_USERS, new UserQuery(null, null, 10)),
                new Attempt(MessageTypes.ADMIN_USER_ADD, new AddUser(newName, PASSWORD, "Sneaky", true)),
                new Attempt(MessageTypes.ADMIN_USER_UPDATE, new UpdateUser(victim, "Hacked", "another password 1", true, true, true)),
                new Attempt(MessageTypes.ADMIN_USER_UPDATE, new UpdateUser(self, null, null, true, null, null)),
                new Attempt(MessageTypes.ADMIN_USER_DELETE, new DeleteUser(victim)),
                new Attempt(MessageTypes.ADMIN_ONLINE, null),
                new Attempt(MessageTypes.ADMIN_KICK, new Kick(victim, "bye", 60)),
                new Attempt(MessageTypes.ADMIN_BROADCAST, new Broadcast("fake notice")),
                new Attempt(MessageTypes.ADMIN_AUDIT, new AuditQuery(null, 10)),
                new Attempt(MessageTypes.ADMIN_STATUS, null),
                // malformed bodies are refused as NOT_ALLOWED too: a non-administrator learns nothing
                new Attempt(MessageTypes.ADMIN_USER_DELETE, null),
                new Attempt(MessageTypes.ADMIN_KICK, Map.of("username", 42)));
    }

    private static Frame send(TestClient client, Attempt attempt) throws Exception {
        return attempt.body() == null ? client.request(attempt.type()) : client.request(attempt.type(), attempt.body());
    }

    @Test
    void everyAdminRequestIsRefusedToAUserAndChangesNothing() throws Exception {
        String user = register("plain");
        String victim = register("victim");
        String newName = uniqueName("sneaky");
        long auditBefore = newestAuditId();
        Account victimBefore = stored(victim);
        Account userBefore = stored(user);
        try (TestClient u = loggedIn(user); TestClient v = loggedIn(victim)) {
            List<String> wrong = new ArrayList<>();
            for (Attempt attempt : everyAdminRequest(user, victim, newName)) {
                Frame response = send(u, attempt);
                if (!"error".equals(response.type()) || !"NOT_ALLOWED".equals(errorCode(u, response))) {
                    wrong.add(attempt.type() + " -> " + response);
                }
            }
            assertEquals(List.of(), wrong, "requests not refused with NOT_ALLOWED");

            assertEquals(victimBefore, stored(victim), "the victim's account is unchanged");
            assertEquals(userBefore, stored(user), "the caller did not promote itself");
            assertTrue(accountStore().find(newName).isEmpty(), "no account was added");
            assertEquals(auditBefore, newestAuditId(), "nothing was audited, because nothing happened");
            assertEquals("ping.ok", v.request(MessageTypes.PING).type(), "the victim was not kicked");
            assertFalse(v.receives(MessageTypes.SESSION_CLOSED, 300));
            assertFalse(v.receives(MessageTypes.ADMIN_NOTICE, 0), "no notice was broadcast");
            assertFalse(u.receives(MessageTypes.ADMIN_NOTICE, 0));
            assertEquals("ping.ok", u.request(MessageTypes.PING).type(), "the refused caller keeps its session");
        }
        try (TestClient again = TestClient.connected(server())) {
            assertEquals("auth.finish.ok", again.login(victim, PASSWORD).type(), "the victim's password is unchanged");
        }
    }

    @Test
    void adminRequestsNeedALogin() throws Exception {
        try (TestClient anonymous = TestClient.connected(server())) {
            for (Attempt attempt : everyAdminRequest("nobody", "nobody", uniqueName("anon"))) {
                assertEquals("NOT_AUTHENTICATED", errorCode(anonymous, send(anonymous, attempt)), attempt.type());
            }
        }
    }

    @Test
    void aDemotedAdministratorLosesTheRightsAtOnce() throws Exception {
        String admin = newAdmin();
        try (TestClient client = loggedIn(admin)) {
            ok(client, MessageTypes.ADMIN_STATUS, null, StatusReport.class);
            adminService().updateUser(AdminActor.console(), admin, AccountChanges.none().withAdmin(false));
            assertEquals("NOT_ALLOWED", errorCode(client, client.request(MessageTypes.ADMIN_STATUS)));
        }
    }

    @Test
    void aPromotedUserGetsTheRightsAtTheNextLogin() throws Exception {
        String user = register("promoted");
        try (TestClient before = loggedIn(user)) {
            adminService().updateUser(AdminActor.console(), user, AccountChanges.none().withAdmin(true));
            assertEquals("NOT_ALLOWED", errorCode(before, before.request(MessageTypes.ADMIN_STATUS)),
                    "the session logged in without the role");
        }
        try (TestClient after = TestClient.connected(server())) {
            Frame login = after.login(user, PASSWORD);
            assertTrue(after.body(login, AuthOk.class).admin());
            ok(after, MessageTypes.ADMIN_STATUS, null, StatusReport.class);
        }
    }
}
