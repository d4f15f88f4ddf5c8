package org.confab.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.confab.protocol.Frame;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.ChatAck;
import org.confab.protocol.messages.Messages.ChatMessage;
import org.confab.protocol.messages.Messages.ChatSend;
import org.confab.protocol.messages.Messages.ChatSent;
import org.confab.protocol.messages.Messages.Delivered;
import org.confab.protocol.messages.Messages.HistoryRequest;
import org.confab.protocol.messages.Messages.MessagePage;
import org.confab.protocol.messages.Messages.PresenceEntry;
import org.confab.protocol.messages.Messages.PresenceList;
import org.confab.protocol.messages.Messages.SearchRequest;
import org.junit.jupiter.api.Test;

/** 1:1 messaging end to end: live push, offline delivery, idempotent resend, history, search, presence. */
class MessagingTest extends ServerTestSupport {

    @Test
    void onlineRecipientGetsPushAndSenderLearnsDelivery() throws Exception {
        String alice = register("alice");
        String bob = register("bob");
        try (TestClient a = loggedIn(alice); TestClient b = loggedIn(bob)) {
            Frame sent = a.request(MessageTypes.CHAT_SEND, new ChatSend(bob, clientId(), "hello bob"));
            ChatSent ack = a.body(sent, ChatSent.class);
            assertFalse(ack.duplicate());

            ChatMessage pushed = b.body(b.await(MessageTypes.CHAT_MESSAGE), ChatMessage.class);
            assertEquals(ack.messageId(), pushed.messageId());
            assertEquals(alice, pushed.from());
            assertEquals("hello bob", pushed.text());

            assertEquals("chat.ack.ok", b.request(MessageTypes.CHAT_ACK, new ChatAck(List.of(pushed.messageId()))).type());
            Delivered delivered = a.body(a.await(MessageTypes.CHAT_DELIVERED), Delivered.class);
            assertEquals(bob, delivered.to());
            assertEquals(List.of(ack.messageId()), delivered.messageIds());
        }
    }

    @Test
    void offlineMessagesArriveInOrderAtNextLoginUntilAcknowledged() throws Exception {
        String alice = register("alice");
        String carol = register("carol");
        List<Long> ids = new ArrayList<>();
        try (TestClient a = loggedIn(alice)) {
            for (int i = 1; i <= 5; i++) {
                ids.add(a.body(a.request(MessageTypes.CHAT_SEND, new ChatSend(carol, clientId(), "offline " + i)), ChatSent.class).messageId());
            }
        }
        // first login: receives all five, in order, but "crashes" before acknowledging
        try (TestClient c = loggedIn(carol)) {
            for (int i = 1; i <= 5; i++) {
                ChatMessage message = c.body(c.await(MessageTypes.CHAT_MESSAGE), ChatMessage.class);
                assertEquals("offline " + i, message.text());
                assertEquals(ids.get(i - 1), message.messageId());
            }
        }
        // second login: the unacknowledged messages come again; this time they are acknowledged
        try (TestClient c = loggedIn(carol)) {
            List<Long> again = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                again.add(c.body(c.await(MessageTypes.CHAT_MESSAGE), ChatMessage.class).messageId());
            }
            assertEquals(ids, again);
            c.request(MessageTypes.CHAT_ACK, new ChatAck(again));
        }
        try (TestClient c = loggedIn(carol)) {
            assertFalse(c.receives(MessageTypes.CHAT_MESSAGE, 1000), "acknowledged messages are not pushed again");
        }
    }

    @Test
    void liveMessageLostWithADyingConnectionIsPushedAgainAtNextLogin() throws Exception {
        String alice = register("alice");
        String hank = register("hank");
        long id;
        try (TestClient a = loggedIn(alice)) {
            TestClient h = loggedIn(hank);
            id = a.body(a.request(MessageTypes.CHAT_SEND, new ChatSend(hank, clientId(), "are you there?")), ChatSent.class).messageId();
            assertEquals(id, h.body(h.await(MessageTypes.CHAT_MESSAGE), ChatMessage.class).messageId());
            h.socket.setSoLinger(true, 0);
            h.close(); // killed before acknowledging: the push was received but never confirmed
            assertFalse(a.receives(MessageTypes.CHAT_DELIVERED, 500), "not confirmed, so not reported delivered");
        }
        try (TestClient h = loggedIn(hank)) {
            ChatMessage again = h.body(h.await(MessageTypes.CHAT_MESSAGE), ChatMessage.class);
            assertEquals(id, again.messageId());
            assertEquals("are you there?", again.text());
        }
    }

    @Test
    void aResendIsRoutineAndLogsNoWarning() throws Exception {
        List<String> warnings = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(record.getLevel() + " " + record.getMessage() + " " + record.getThrown());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        // EclipseLink logs through java.util.logging under this name (persistence.xml: JavaLogger)
        Logger eclipseLink = Logger.getLogger("org.eclipse.persistence");
        eclipseLink.addHandler(handler);
        try {
            String alice = register("alice");
            String dave = register("dave");
            String clientId = clientId();
            try (TestClient a = loggedIn(alice)) {
                a.request(MessageTypes.CHAT_SEND, new ChatSend(dave, clientId, "once"));
                ChatSent again = a.body(a.request(MessageTypes.CHAT_SEND, new ChatSend(dave, clientId, "once")), ChatSent.class);
                assertTrue(again.duplicate());
            }
            assertEquals(List.of(), warnings, "a resend is no fault");
        } finally {
            eclipseLink.removeHandler(handler);
        }
    }

    @Test
    void resendWithSameClientIdIsStoredOnce() throws Exception {
        String alice = register("alice");
        String dave = register("dave");
        String clientId = clientId();
        try (TestClient a = loggedIn(alice)) {
            ChatSent first = a.body(a.request(MessageTypes.CHAT_SEND, new ChatSend(dave, clientId, "once")), ChatSent.class);
            ChatSent second = a.body(a.request(MessageTypes.CHAT_SEND, new ChatSend(dave, clientId, "once")), ChatSent.class);
            assertEquals(first.messageId(), second.messageId());
            assertTrue(second.duplicate());
            MessagePage history = a.body(a.request(MessageTypes.CHAT_HISTORY, new HistoryRequest(dave, null, 50)), MessagePage.class);
            assertEquals(1, history.messages().size());
        }
    }

    @Test
    void historyPagesNewestFirstAndSearchFindsText() throws Exception {
        String alice = register("alice");
        String erin = register("erin");
        try (TestClient a = loggedIn(alice)) {
            for (int i = 1; i <= 7; i++) {
                a.request(MessageTypes.CHAT_SEND, new ChatSend(erin, clientId(), "note " + i + (i == 3 ? " about the 100% Budget_plan" : "")));
            }
            MessagePage first = a.body(a.request(MessageTypes.CHAT_HISTORY, new HistoryRequest(erin, null, 5)), MessagePage.class);
            assertEquals(5, first.messages().size());
            assertTrue(first.more());
            assertEquals("note 7", first.messages().get(0).text());
            long oldestShown = first.messages().get(4).messageId();
            MessagePage second = a.body(a.request(MessageTypes.CHAT_HISTORY, new HistoryRequest(erin, oldestShown, 5)), MessagePage.class);
            assertEquals(List.of("note 2", "note 1"), second.messages().stream().map(ChatMessage::text).toList());
            assertFalse(second.more());

            MessagePage hits = a.body(a.request(MessageTypes.CHAT_SEARCH, new SearchRequest(erin, "BUDGET_PLAN", null, 20)), MessagePage.class);
            assertEquals(1, hits.messages().size());
            assertTrue(hits.messages().get(0).text().contains("100% Budget_plan"));
            MessagePage wildcard = a.body(a.request(MessageTypes.CHAT_SEARCH, new SearchRequest(null, "0%", null, 20)), MessagePage.class);
            assertEquals(1, wildcard.messages().size(), "% is searched literally, not as a wildcard");
        }
        try (TestClient e = loggedIn(erin)) {
            MessagePage hits = e.body(e.request(MessageTypes.CHAT_SEARCH, new SearchRequest(null, "note", null, 20)), MessagePage.class);
            assertEquals(7, hits.messages().size(), "the recipient searches the same conversation");
        }
    }

    @Test
    void messageToUnknownUserIsRefused() throws Exception {
        String alice = register("alice");
        try (TestClient a = loggedIn(alice)) {
            assertEquals("NO_SUCH_USER", errorCode(a, a.request(MessageTypes.CHAT_SEND, new ChatSend(uniqueName("nobody"), clientId(), "hi"))));
        }
    }

    @Test
    void presenceListAndLiveUpdates() throws Exception {
        String frank = register("frank");
        String gina = register("gina");
        try (TestClient f = loggedIn(frank)) {
            try (TestClient g = loggedIn(gina)) {
                // presence is pushed in gathered batches: an earlier test's users may come first
                PresenceEntry online = f.body(f.await("presence.update for " + gina, frame -> presenceOf(frame, gina), TestClient.WAIT_MILLIS),
                        PresenceEntry.class);
                assertEquals(gina, online.username());
                assertTrue(online.online());
                PresenceList list = g.body(g.request(MessageTypes.PRESENCE_LIST), PresenceList.class);
                assertTrue(list.users().stream().anyMatch(u -> u.username().equals(frank) && u.online()));
            }
            PresenceEntry offline = f.body(f.await("presence.update for " + gina, frame -> presenceOf(frame, gina), TestClient.WAIT_MILLIS),
                    PresenceEntry.class);
            assertEquals(gina, offline.username());
            assertFalse(offline.online());
        }
    }

    private static boolean presenceOf(Frame frame, String username) {
        return frame.type().equals(MessageTypes.PRESENCE_UPDATE) && username.equals(frame.body().path("username").asText());
    }
}
