package org.confab.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.confab.protocol.Frame;
import org.confab.protocol.messages.AdminMessages.Broadcast;
import org.confab.protocol.messages.AdminMessages.BroadcastResult;
import org.confab.protocol.messages.AdminMessages.Kick;
import org.confab.protocol.messages.AdminMessages.KickResult;
import org.confab.protocol.messages.AdminMessages.Notice;
import org.confab.protocol.messages.AdminMessages.OnlineList;
import org.confab.protocol.messages.AdminMessages.OnlineSession;
import org.confab.protocol.messages.AdminMessages.UpdateUser;
import org.confab.protocol.messages.AdminMessages.UserEntry;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.ErrorBody;
import org.confab.protocol.messages.Messages.SessionClosed;
import org.confab.server.spi.AccountUpdate;
import org.junit.jupiter.api.Test;

/** Sessions seen and acted on by an administrator: online list, kick, ban, broadcast. */
class AdminSessionsTest extends AdminTestSupport {

    @Test
    void onlineListShowsAddressLoginTimeIdleTimeAndClient() throws Exception {
        String name = register("onl");
        long before = System.currentTimeMillis();
        try (TestClient admin = loggedIn(newAdmin()); TestClient user = loggedIn(name)) {
            long after = System.currentTimeMillis();
            OnlineSession seen = awaitIdle(admin, name, 1);
            assertEquals("127.0.0.1:" + user.socket.getLocalPort(), seen.address());
            assertTrue(seen.loginTime() >= before - 1000 && seen.loginTime() <= after + 1000, "login time " + seen.loginTime());
            assertEquals("server-tests", seen.client());
            assertTrue(seen.sessionId() > 0);

            user.request(MessageTypes.PING);
            OnlineSession active = sessionOf(admin, name).orElseThrow();
            assertEquals(0, active.idleSeconds(), "a frame resets the idle time");
        }
    }

    /** Polls the online list until the user's session has been idle at least {@code seconds}. */
    private static OnlineSession awaitIdle(TestClient admin, String name, long seconds) throws Exception {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (true) {
            OnlineSession seen = sessionOf(admin, name).orElseThrow(() -> new AssertionError(name + " not online"));
            if (seen.idleSeconds() >= seconds || System.nanoTime() > deadline) {
                assertTrue(seen.idleSeconds() >= seconds, "idle " + seen.idleSeconds());
                return seen;
            }
            Thread.sleep(100);
        }
    }

    private static Optional<OnlineSession> sessionOf(TestClient admin, String name) throws Exception {
        List<OnlineSession> sessions = ok(admin, MessageTypes.ADMIN_ONLINE, null, OnlineList.class).sessions();
        return sessions.stream().filter(s -> s.username().equals(name)).findFirst();
    }

    @Test
    void kickClosesEverySessionOfTheUserWithTheReason() throws Exception {
        String name = register("kicked");
        try (TestClient admin = loggedIn(newAdmin()); TestClient phone = loggedIn(name); TestClient laptop = loggedIn(name)) {
            KickResult result = ok(admin, MessageTypes.ADMIN_KICK, new Kick(name, "please take a break", null), KickResult.class);
            assertEquals(name, result.username());
            assertEquals(2, result.sessionsClosed());
            assertNull(result.bannedUntil());
            for (TestClient kicked : List.of(phone, laptop)) {
                SessionClosed closed = kicked.body(kicked.await(MessageTypes.SESSION_CLOSED), SessionClosed.class);
                assertEquals("KICKED", closed.code());
                assertEquals("please take a break", closed.reason());
                assertTrue(kicked.closedWithin(5000), "the kicked connection is closed");
            }
            assertTrue(sessionOf(admin, name).isEmpty());
            assertEquals("NO_SUCH_USER", errorCode(admin, admin.request(MessageTypes.ADMIN_KICK, new Kick(uniqueName("ghost"), null, null))));
        }
        try (TestClient again = TestClient.connected(server())) {
            assertEquals("auth.finish.ok", again.login(name, PASSWORD).type(), "a kick without ban lets the user back in");
        }
    }

    @Test
    void aBanRefusesLoginsUntilItEndsOrIsLifted() throws Exception {
        String name = register("banned");
        try (TestClient admin = loggedIn(newAdmin()); TestClient user = loggedIn(name)) {
            long before = System.currentTimeMillis();
            KickResult result = ok(admin, MessageTypes.ADMIN_KICK, new Kick(name, null, 30), KickResult.class);
            assertNotNull(result.bannedUntil());
            assertTrue(Math.abs(result.bannedUntil() - (before + 30 * 60_000)) < 10_000, "banned until " + result.bannedUntil());
            SessionClosed closed = user.body(user.await(MessageTypes.SESSION_CLOSED), SessionClosed.class);
            assertEquals("KICKED", closed.code());
            assertTrue(closed.reason().contains("banned until"), closed.reason());

            assertEquals(Optional.of(Instant.ofEpochMilli(result.bannedUntil())), stored(name).bannedUntil(), "stored in the account");
            assertEquals(result.bannedUntil(), user(admin, name).orElseThrow().bannedUntil());
            try (TestClient refused = TestClient.connected(server())) {
                Frame login = refused.login(name, PASSWORD);
                assertEquals("ACCOUNT_BANNED", errorCode(refused, login));
                assertTrue(refused.body(login, ErrorBody.class).message().contains("banned until"));
            }

            UserEntry lifted = ok(admin, MessageTypes.ADMIN_USER_UPDATE, new UpdateUser(name, null, null, null, null, true), UserEntry.class);
            assertNull(lifted.bannedUntil());
            try (TestClient back = TestClient.connected(server())) {
                assertEquals("auth.finish.ok", back.login(name, PASSWORD).type(), "the lifted ban lets the user in");
            }
        }
    }

    @Test
    void aBanEndsByItself() throws Exception {
        String name = register("shortban");
        accountStore().update(name, AccountUpdate.none().withBannedUntil(Instant.now().plusMillis(1500)));
        try (TestClient client = TestClient.connected(server())) {
            assertEquals("ACCOUNT_BANNED", errorCode(client, client.login(name, PASSWORD)));
            long deadline = System.nanoTime() + 5_000_000_000L;
            Frame login;
            do {
                Thread.sleep(200);
                login = client.login(name, PASSWORD);
            } while ("error".equals(login.type()) && System.nanoTime() < deadline);
            assertEquals("auth.finish.ok", login.type(), "logins work again once the ban is over");
        }
    }

    @Test
    void broadcastReachesEveryLoggedInSession() throws Exception {
        String adminName = newAdmin();
        try (TestClient admin = loggedIn(adminName); TestClient one = loggedIn(register("hear"));
                TestClient two = loggedIn(register("hear")); TestClient anonymous = TestClient.connected(server())) {
            BroadcastResult result = ok(admin, MessageTypes.ADMIN_BROADCAST, new Broadcast("Server restarts at 18:00"),
                    BroadcastResult.class);
            assertTrue(result.recipients() >= 3, "recipients " + result.recipients());
            for (TestClient listener : List.of(admin, one, two)) {
                Notice notice = listener.body(listener.await(MessageTypes.ADMIN_NOTICE), Notice.class);
                assertEquals(adminName, notice.from());
                assertEquals("Server restarts at 18:00", notice.text());
                assertTrue(Math.abs(notice.timestamp() - System.currentTimeMillis()) < 60_000);
            }
            assertTrue(!anonymous.receives(MessageTypes.ADMIN_NOTICE, 300), "only logged-in sessions get notices");
        }
    }
}
