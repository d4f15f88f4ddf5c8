package org.confab.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.confab.protocol.Frame;
import org.confab.protocol.messages.AdminMessages.AddUser;
import org.confab.protocol.messages.AdminMessages.DeleteUser;
import org.confab.protocol.messages.AdminMessages.UpdateUser;
import org.confab.protocol.messages.AdminMessages.UserDeleted;
import org.confab.protocol.messages.AdminMessages.UserEntry;
import org.confab.protocol.messages.AdminMessages.UserPage;
import org.confab.protocol.messages.AdminMessages.UserQuery;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.AuthOk;
import org.confab.protocol.messages.Messages.ChatAck;
import org.confab.protocol.messages.Messages.ChatMessage;
import org.confab.protocol.messages.Messages.ChatSend;
import org.confab.protocol.messages.Messages.ChatSent;
import org.confab.protocol.messages.Messages.HistoryRequest;
import org.confab.protocol.messages.Messages.MessagePage;
import org.confab.protocol.messages.Messages.PresenceEntry;
import org.confab.protocol.messages.Messages.Register;
import org.confab.protocol.messages.Messages.SessionClosed;
import org.confab.server.api.AdminActor;
import org.junit.jupiter.api.Test;

/** Account administration over the socket: list, add, update, delete. */
class AdminAccountsTest extends AdminTestSupport {

    @Test
    void addedUsersCanLogInWithTheRoleTheyWereGiven() throws Exception {
        String plain = uniqueName("added");
        String boss = uniqueName("boss");
        try (TestClient admin = loggedIn(newAdmin())) {
            UserEntry created = ok(admin, MessageTypes.ADMIN_USER_ADD, new AddUser(plain.toUpperCase(), PASSWORD, "Added User", null),
                    UserEntry.class);
            assertEquals(plain, created.username());
            assertEquals("Added User", created.displayName());
            assertFalse(created.admin());
            assertFalse(created.locked());
            assertFalse(created.online());
            assertTrue(created.createdAt() > 0);
            assertTrue(ok(admin, MessageTypes.ADMIN_USER_ADD, new AddUser(boss, PASSWORD, null, true), UserEntry.class).admin());

            assertEquals("USERNAME_TAKEN", errorCode(admin, admin.request(MessageTypes.ADMIN_USER_ADD, new AddUser(plain, PASSWORD, null, null))));
            assertEquals("INVALID_USERNAME", errorCode(admin, admin.request(MessageTypes.ADMIN_USER_ADD, new AddUser("x!", PASSWORD, null, null))));
            assertEquals("INVALID_USERNAME", errorCode(admin, admin.request(MessageTypes.ADMIN_USER_ADD, new AddUser("console", PASSWORD, null, null))));
            assertEquals("WEAK_PASSWORD", errorCode(admin, admin.request(MessageTypes.ADMIN_USER_ADD, new AddUser(uniqueName("weak"), "short", null, null))));
            assertEquals("BAD_REQUEST", errorCode(admin, admin.request(MessageTypes.ADMIN_USER_ADD, new AddUser(uniqueName("ctl"), PASSWORD, "bad\u0007name", null))));
        }
        try (TestClient client = TestClient.connected(server())) {
            assertFalse(client.body(client.login(plain, PASSWORD), AuthOk.class).admin());
        }
        try (TestClient client = TestClient.connected(server())) {
            assertTrue(client.body(client.login(boss, PASSWORD), AuthOk.class).admin());
        }
    }

    @Test
    void usersAreSearchedByNameOrDisplayNameSortedAndPaged() throws Exception {
        String tag = uniqueName("pg");
        for (String suffix : List.of("c", "a", "b")) {
            adminService().addUser(AdminActor.console(), tag + suffix, PASSWORD, "Shown " + tag.toUpperCase() + suffix,
                    false);
        }
        try (TestClient admin = loggedIn(newAdmin()); TestClient online = loggedIn(tag + "b")) {
            UserPage first = ok(admin, MessageTypes.ADMIN_USERS, new UserQuery(tag, null, 2), UserPage.class);
            assertEquals(List.of(tag + "a", tag + "b"), first.users().stream().map(UserEntry::username).toList());
            assertEquals(3, first.total());
            assertTrue(first.more());
            assertFalse(first.users().get(0).online());
            assertTrue(first.users().get(1).online());
            UserPage second = ok(admin, MessageTypes.ADMIN_USERS, new UserQuery(tag, 2, 2), UserPage.class);
            assertEquals(List.of(tag + "c"), second.users().stream().map(UserEntry::username).toList());
            assertFalse(second.more());

            UserPage byDisplayName = ok(admin, MessageTypes.ADMIN_USERS, new UserQuery("shown " + tag + "C", null, 10), UserPage.class);
            assertEquals(List.of(tag + "c"), byDisplayName.users().stream().map(UserEntry::username).toList());
            assertEquals(0, ok(admin, MessageTypes.ADMIN_USERS, new UserQuery(tag + "%", null, 10), UserPage.class).total(),
                    "% is a character, not a wildcard");
            assertEquals(0, ok(admin, MessageTypes.ADMIN_USERS, new UserQuery(tag.substring(0, 2) + "_", null, 10), UserPage.class).total(),
                    "_ is a character, not a wildcard");
            UserPage all = ok(admin, MessageTypes.ADMIN_USERS, new UserQuery(null, null, 200), UserPage.class);
            List<String> names = all.users().stream().map(UserEntry::username).toList();
            assertEquals(names.stream().sorted().toList(), names, "sorted by username");
        }
    }

    @Test
    void usersAreSortedByDisplayNameOrCreationEitherWay() throws Exception {
        String tag = uniqueName("so");
        adminService().addUser(AdminActor.console(), tag + "x", PASSWORD, "Zed", false);
        adminService().addUser(AdminActor.console(), tag + "y", PASSWORD, "alpha", false);
        adminService().addUser(AdminActor.console(), tag + "z", PASSWORD, "Mid", false);
        try (TestClient admin = loggedIn(newAdmin())) {
            assertEquals(List.of(tag + "y", tag + "z", tag + "x"), names(admin, new UserQuery(tag, null, 10, "displayName", null)),
                    "display names ignore case");
            assertEquals(List.of(tag + "x", tag + "z", tag + "y"), names(admin, new UserQuery(tag, null, 10, "displayName", true)));
            assertEquals(List.of(tag + "z", tag + "y", tag + "x"), names(admin, new UserQuery(tag, null, 10, "createdAt", true)),
                    "newest first (ties by username, also descending)");
            assertEquals(List.of(tag + "x"), names(admin, new UserQuery(tag, 2, 10, "username", true)), "pages follow the order");
            assertEquals("BAD_REQUEST", errorCode(admin, admin.request(MessageTypes.ADMIN_USERS,
                    Map.of("limit", 10, "sort", "password"))), "only the listed orders; never a column named by the client");
        }
    }

    private static List<String> names(TestClient admin, UserQuery query) throws Exception {
        return ok(admin, MessageTypes.ADMIN_USERS, query, UserPage.class).users().stream().map(UserEntry::username).toList();
    }

    @Test
    void updatesDisplayNamePasswordRoleAndLock() throws Exception {
        String name = register("upd");
        String watcher = register("watch");
        try (TestClient admin = loggedIn(newAdmin()); TestClient user = loggedIn(name); TestClient watching = loggedIn(watcher)) {
            UserEntry renamed = ok(admin, MessageTypes.ADMIN_USER_UPDATE, new UpdateUser(name, "  New Name ", null, null, null, null),
                    UserEntry.class);
            assertEquals("New Name", renamed.displayName());
            assertTrue(renamed.online());
            // the user's own login is pushed after the presence gathering delay, so the watcher may first see
            // that push (old name) and then the rename; the rename must come within the wait
            List<String> seen = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TestClient.WAIT_MILLIS);
            PresenceEntry presence = null;
            while (presence == null || !presence.username().equals(name) || !"New Name".equals(presence.displayName())) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                assertTrue(left > 0, "others see the new name at once; saw only " + seen);
                presence = watching.body(watching.await(MessageTypes.PRESENCE_UPDATE, left), PresenceEntry.class);
                seen.add(presence.username() + "=" + presence.displayName());
            }

            String newPassword = "a fresh password 42";
            ok(admin, MessageTypes.ADMIN_USER_UPDATE, new UpdateUser(name, null, newPassword, null, null, null), UserEntry.class);
            try (TestClient other = TestClient.connected(server())) {
                assertEquals("AUTH_FAILED", errorCode(other, other.login(name, PASSWORD)));
                assertEquals("auth.finish.ok", other.login(name, newPassword).type());
            }
            assertTrue(ok(admin, MessageTypes.ADMIN_USER_UPDATE, new UpdateUser(name, null, null, true, null, null), UserEntry.class).admin());
            assertTrue(stored(name).admin());
            assertFalse(ok(admin, MessageTypes.ADMIN_USER_UPDATE, new UpdateUser(name, null, null, false, null, null), UserEntry.class).admin());

            UserEntry locked = ok(admin, MessageTypes.ADMIN_USER_UPDATE, new UpdateUser(name, null, null, null, true, null), UserEntry.class);
            assertTrue(locked.locked());
            SessionClosed closed = user.body(user.await(MessageTypes.SESSION_CLOSED), SessionClosed.class);
            assertEquals("KICKED", closed.code());
            assertTrue(closed.reason().contains("locked"), closed.reason());
            assertTrue(user.closedWithin(5000), "a locked user's session is closed");
            try (TestClient other = TestClient.connected(server())) {
                assertEquals("ACCOUNT_LOCKED", errorCode(other, other.login(name, newPassword)));
            }
            assertFalse(ok(admin, MessageTypes.ADMIN_USER_UPDATE, new UpdateUser(name, null, null, null, false, null), UserEntry.class).locked());
            try (TestClient other = TestClient.connected(server())) {
                assertEquals("auth.finish.ok", other.login(name, newPassword).type(), "unlocked again");
            }

            assertEquals("NO_SUCH_USER", errorCode(admin, admin.request(MessageTypes.ADMIN_USER_UPDATE,
                    new UpdateUser(uniqueName("ghost"), "x", null, null, null, null))));
            assertEquals("WEAK_PASSWORD", errorCode(admin, admin.request(MessageTypes.ADMIN_USER_UPDATE,
                    new UpdateUser(name, null, name + "123", null, null, null))));
            assertEquals("BAD_REQUEST", errorCode(admin, admin.request(MessageTypes.ADMIN_USER_UPDATE,
                    new UpdateUser(name, "tab\tname", null, null, null, null))));
            assertEquals("New Name", stored(name).displayName(), "a refused update changes nothing");
        }
    }

    @Test
    void deletedAccountsCannotLogInAndTheirNameStaysTaken() throws Exception {
        String doomed = register("doomed");
        String peer = register("peer");
        long kept;
        try (TestClient d = loggedIn(doomed); TestClient p = loggedIn(peer)) {
            kept = d.body(d.request(MessageTypes.CHAT_SEND, new ChatSend(peer, clientId(), "kept in the peer's history")),
                    ChatSent.class).messageId();
            p.await(MessageTypes.CHAT_MESSAGE);
            p.request(MessageTypes.CHAT_ACK, new ChatAck(List.of(kept)));
            p.request(MessageTypes.CHAT_SEND, new ChatSend(doomed, clientId(), "never read"));
            d.await(MessageTypes.CHAT_MESSAGE); // pushed, but never acknowledged

            try (TestClient admin = loggedIn(newAdmin())) {
                UserDeleted deleted = ok(admin, MessageTypes.ADMIN_USER_DELETE, new DeleteUser(doomed), UserDeleted.class);
                assertEquals(doomed, deleted.username());
                assertEquals(1, deleted.discardedMessages());
                SessionClosed closed = d.body(d.await(MessageTypes.SESSION_CLOSED), SessionClosed.class);
                assertEquals("KICKED", closed.code());
                assertTrue(d.closedWithin(5000));

                assertTrue(user(admin, doomed).isEmpty(), "no longer listed");
                assertEquals("NO_SUCH_USER", errorCode(admin, admin.request(MessageTypes.ADMIN_USER_DELETE, new DeleteUser(doomed))));
                assertEquals("USERNAME_TAKEN", errorCode(admin, admin.request(MessageTypes.ADMIN_USER_ADD, new AddUser(doomed, PASSWORD, null, null))));
            }
            MessagePage history = p.body(p.request(MessageTypes.CHAT_HISTORY, new HistoryRequest(doomed, null, 50)), MessagePage.class);
            assertEquals(List.of(kept), history.messages().stream().map(ChatMessage::messageId).toList(),
                    "the peer keeps what the deleted user sent; the undelivered message to it is gone");
            assertEquals("NO_SUCH_USER", errorCode(p, p.request(MessageTypes.CHAT_SEND, new ChatSend(doomed, clientId(), "hello?"))));
        }
        try (TestClient client = TestClient.connected(server())) {
            assertEquals("AUTH_FAILED", errorCode(client, client.login(doomed, PASSWORD)));
            Frame again = client.request(MessageTypes.REGISTER, new Register(doomed, PASSWORD, null));
            assertEquals("USERNAME_TAKEN", errorCode(client, again), "a deleted name cannot be registered again");
        }
        assertTrue(accountStore().find(doomed).isEmpty());
    }

}
