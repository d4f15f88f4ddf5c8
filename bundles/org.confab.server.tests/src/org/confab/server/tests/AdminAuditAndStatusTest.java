package org.confab.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;

import org.confab.protocol.messages.AdminMessages.AddUser;
import org.confab.protocol.messages.AdminMessages.AuditEntry;
import org.confab.protocol.messages.AdminMessages.AuditPage;
import org.confab.protocol.messages.AdminMessages.AuditQuery;
import org.confab.protocol.messages.AdminMessages.Broadcast;
import org.confab.protocol.messages.AdminMessages.BroadcastResult;
import org.confab.protocol.messages.AdminMessages.DeleteUser;
import org.confab.protocol.messages.AdminMessages.Kick;
import org.confab.protocol.messages.AdminMessages.KickResult;
import org.confab.protocol.messages.AdminMessages.StatusReport;
import org.confab.protocol.messages.AdminMessages.UpdateUser;
import org.confab.protocol.messages.AdminMessages.UserDeleted;
import org.confab.protocol.messages.AdminMessages.UserEntry;
import org.confab.protocol.messages.AdminMessages.UserQuery;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.ChatSend;
import org.junit.jupiter.api.Test;

/** The audit log records every administrative change; the status shows the server at a glance. */
class AdminAuditAndStatusTest extends AdminTestSupport {

    @Test
    void everyChangeIsAuditedWithActorAddressTargetAndDetailsNewestFirst() throws Exception {
        String adminName = newAdmin();
        String target = uniqueName("audited");
        String secret = "a secret password 77";
        try (TestClient admin = loggedIn(adminName)) {
            String address = "127.0.0.1:" + admin.socket.getLocalPort();
            long start = System.currentTimeMillis();
            ok(admin, MessageTypes.ADMIN_USER_ADD, new AddUser(target, PASSWORD, "Audited", false), UserEntry.class);
            ok(admin, MessageTypes.ADMIN_USER_UPDATE, new UpdateUser(target, "Renamed", secret, true, true, null), UserEntry.class);
            ok(admin, MessageTypes.ADMIN_KICK, new Kick(target, "testing the audit", 5), KickResult.class);
            ok(admin, MessageTypes.ADMIN_BROADCAST, new Broadcast("audit me"), BroadcastResult.class);
            ok(admin, MessageTypes.ADMIN_USER_UPDATE, new UpdateUser(target, null, null, false, null, null), UserEntry.class);
            ok(admin, MessageTypes.ADMIN_USER_DELETE, new DeleteUser(target), UserDeleted.class);
            admin.request(MessageTypes.ADMIN_USERS, new UserQuery(null, null, 5));

            AuditPage page = ok(admin, MessageTypes.ADMIN_AUDIT, new AuditQuery(null, 200), AuditPage.class);
            List<AuditEntry> mine = page.entries().stream().filter(e -> e.actor().equals(adminName)).toList();
            assertEquals(List.of("user.delete", "user.update", "broadcast", "kick", "user.update", "user.add"),
                    mine.stream().map(AuditEntry::action).toList(), "newest first; reads are not audited");
            for (AuditEntry entry : mine) {
                assertEquals(address, entry.address());
                assertTrue(entry.timestamp() >= start - 1000, "timestamp " + entry.timestamp());
                assertFalse(entry.details().contains(secret), "the password never reaches the audit log");
                if (!entry.action().equals("broadcast")) {
                    assertEquals(target, entry.target());
                }
            }
            String details = mine.stream().map(AuditEntry::details).collect(Collectors.joining("\n"));
            assertTrue(details.contains("password reset"), details);
            assertTrue(details.contains("made administrator"), details);
            assertTrue(details.contains("'Audited' -> 'Renamed'"), details);
            assertTrue(details.contains("testing the audit") && details.contains("banned until"), details);
            assertTrue(details.contains("audit me"), details);
            List<Long> ids = page.entries().stream().map(AuditEntry::id).toList();
            assertEquals(ids.stream().sorted((a, b) -> Long.compare(b, a)).toList(), ids, "ordered newest first");

            AuditPage first = ok(admin, MessageTypes.ADMIN_AUDIT, new AuditQuery(null, 2), AuditPage.class);
            assertEquals(2, first.entries().size());
            assertTrue(first.more());
            AuditPage next = ok(admin, MessageTypes.ADMIN_AUDIT, new AuditQuery(first.entries().get(1).id(), 2), AuditPage.class);
            assertTrue(next.entries().get(0).id() < first.entries().get(1).id(), "the next page continues below beforeId");
        }
    }

    @Test
    void statusShowsUptimeSessionsAccountsMessagesAndDatabase() throws Exception {
        String alice = register("stat");
        String bob = register("stat");
        try (TestClient a = loggedIn(alice); TestClient admin = loggedIn(newAdmin())) {
            StatusReport before = ok(admin, MessageTypes.ADMIN_STATUS, null, StatusReport.class);
            a.request(MessageTypes.CHAT_SEND, new ChatSend(bob, clientId(), "counted today"));
            StatusReport status = ok(admin, MessageTypes.ADMIN_STATUS, null, StatusReport.class);
            assertEquals(before.messagesToday() + 1, status.messagesToday());
            assertTrue(status.sessionsOnline() >= 2 && status.usersOnline() >= 2, status.toString());
            assertTrue(status.connections() >= status.sessionsOnline(), status.toString());
            assertTrue(status.accounts() >= 3, status.toString());
            assertTrue(status.startedAt() <= System.currentTimeMillis() && status.uptimeSeconds() >= 0, status.toString());
            String expected = System.getProperty("confab.test.expectDatabase", "H2");
            assertTrue(status.database().matches("(?s).*(" + expected + ").*"), status.database());
        }
    }
}
