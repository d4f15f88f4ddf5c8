package org.confab.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.confab.protocol.Frame;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.ChatAck;
import org.confab.protocol.messages.Messages.ChatMessage;
import org.confab.protocol.messages.Messages.ChatSend;
import org.confab.protocol.messages.Messages.ChatSent;
import org.confab.protocol.messages.Messages.Delivered;
import org.confab.protocol.messages.Messages.HistoryRequest;
import org.confab.protocol.messages.Messages.MessagePage;
import org.confab.protocol.messages.Messages.SearchRequest;
import org.confab.server.api.AdminActor;

/** Conformance: messaging and delivery (section 9), history and search (11.11, 11.12). */
class ConformanceMessagingTest extends ConformanceSupport {

    @Statement
    void section9_aMessageIsPushedToEverySessionOfTheRecipient(int version) throws Exception {
        String alice = register("alice");
        String bob = register("bob");
        try (TestClient a = loggedIn(alice, version); TestClient b1 = loggedIn(bob, version); TestClient b2 = loggedIn(bob, version)) {
            ChatSent sent = a.body(a.request(MessageTypes.CHAT_SEND, new ChatSend(bob, clientId(), "to both")), ChatSent.class);
            for (TestClient b : List.of(b1, b2)) {
                ChatMessage pushed = b.body(b.await(MessageTypes.CHAT_MESSAGE), ChatMessage.class);
                assertEquals(sent.messageId(), pushed.messageId());
                assertEquals(alice, pushed.from());
                assertEquals("to both", pushed.text());
            }
        }
    }

    @Statement
    void section9_resendingWithTheSameClientMessageIdStoresNothingNew(int version) throws Exception {
        String alice = register("alice");
        String bob = register("bob");
        String id = clientId();
        try (TestClient a = loggedIn(alice, version)) {
            ChatSent first = a.body(a.request(MessageTypes.CHAT_SEND, new ChatSend(bob, id, "once")), ChatSent.class);
            ChatSent again = a.body(a.request(MessageTypes.CHAT_SEND, new ChatSend(bob, id, "once")), ChatSent.class);
            assertFalse(first.duplicate());
            assertTrue(again.duplicate());
            assertEquals(first.messageId(), again.messageId());
            assertEquals(first.timestamp(), again.timestamp());
        }
    }

    @Statement
    void section9_unacknowledgedMessagesArePushedAgainAtLoginOldestFirst(int version) throws Exception {
        String alice = register("alice");
        String bob = register("bob");
        long first;
        long second;
        try (TestClient a = loggedIn(alice, version)) {
            first = a.body(a.request(MessageTypes.CHAT_SEND, new ChatSend(bob, clientId(), "one")), ChatSent.class).messageId();
            second = a.body(a.request(MessageTypes.CHAT_SEND, new ChatSend(bob, clientId(), "two")), ChatSent.class).messageId();
        }
        for (int login = 0; login < 2; login++) {
            try (TestClient b = loggedIn(bob, version)) {
                assertEquals(first, b.body(b.await(MessageTypes.CHAT_MESSAGE), ChatMessage.class).messageId());
                assertEquals(second, b.body(b.await(MessageTypes.CHAT_MESSAGE), ChatMessage.class).messageId());
                if (login == 1) {
                    assertEquals("chat.ack.ok", b.request(MessageTypes.CHAT_ACK, new ChatAck(List.of(first, second))).type());
                }
            }
        }
        try (TestClient b = loggedIn(bob, version)) {
            assertFalse(b.receives(MessageTypes.CHAT_MESSAGE, QUIET_MILLIS), "acknowledged messages are not pushed again");
        }
    }

    @Statement
    void section9_pendingMessagesGoBeforeAnyMessageStoredLater(int version) throws Exception {
        String alice = register("alice");
        String bob = register("bob");
        try (TestClient a = loggedIn(alice, version)) {
            // more than one page of backlog: the second page comes only after bob acknowledges the first
            List<Long> sent = BacklogOrderTest.sendMany(a, bob, 600);
            try (TestClient b = loggedIn(bob, version)) {
                List<Long> received = BacklogOrderTest.receive(b, 500);
                sent.add(BacklogOrderTest.send(a, bob, "stored later"));
                BacklogOrderTest.acknowledge(b, received);
                received.addAll(BacklogOrderTest.receive(b, 101));
                assertEquals(sent, received);
            }
        }
    }

    @Statement
    void section9_acknowledgingTellsTheSenderWithDelivered(int version) throws Exception {
        String alice = register("alice");
        String bob = register("bob");
        try (TestClient a = loggedIn(alice, version); TestClient b = loggedIn(bob, version)) {
            long id = a.body(a.request(MessageTypes.CHAT_SEND, new ChatSend(bob, clientId(), "ack me")), ChatSent.class).messageId();
            b.await(MessageTypes.CHAT_MESSAGE);
            b.send(MessageTypes.CHAT_ACK, new ChatAck(List.of(id)));
            Delivered delivered = a.body(a.await(MessageTypes.CHAT_DELIVERED), Delivered.class);
            assertEquals(bob, delivered.to());
            assertEquals(List.of(id), delivered.messageIds());
        }
    }

    @Statement
    void section9_aNoteToSelfReachesEverySessionOfTheUser(int version) throws Exception {
        String carol = register("carol");
        try (TestClient c1 = loggedIn(carol, version); TestClient c2 = loggedIn(carol, version)) {
            long id = c1.body(c1.request(MessageTypes.CHAT_SEND, new ChatSend(carol, clientId(), "remember")), ChatSent.class).messageId();
            for (TestClient c : List.of(c1, c2)) {
                ChatMessage pushed = c.body(c.await(MessageTypes.CHAT_MESSAGE), ChatMessage.class);
                assertEquals(id, pushed.messageId());
                assertEquals(carol, pushed.from());
                assertEquals(carol, pushed.to());
            }
        }
        try (TestClient c = loggedIn(carol, version)) {
            assertEquals(carol, c.body(c.await(MessageTypes.CHAT_MESSAGE), ChatMessage.class).to(), "pending until acknowledged");
        }
    }

    @Statement
    void section11_11_historyWithAnUnknownPeerIsNoSuchUser(int version) throws Exception {
        String dave = register("dave");
        String erin = register("erin");
        try (TestClient d = loggedIn(dave, version)) {
            Frame unknown = d.request(MessageTypes.CHAT_HISTORY, new HistoryRequest(uniqueName("nobody"), null, 20));
            assertEquals("NO_SUCH_USER", errorCode(d, unknown));
            assertEquals("chat.history.ok", d.request(MessageTypes.CHAT_HISTORY, new HistoryRequest(erin, null, 20)).type(),
                    "an account without messages has an empty history");
            try (TestClient e = loggedIn(erin, version)) {
                // from erin: a message to a deleted account that nobody acknowledged would be discarded
                assertEquals("chat.send.ok", e.request(MessageTypes.CHAT_SEND, new ChatSend(dave, clientId(), "before")).type());
            }
            AdminTestSupport.adminService().deleteUser(AdminActor.console(), erin);
            MessagePage page = d.body(d.request(MessageTypes.CHAT_HISTORY, new HistoryRequest(erin, null, 20)), MessagePage.class);
            assertEquals("before", page.messages().get(0).text(), "the conversation with a deleted account stays readable");
        }
    }

    @Statement
    void section11_12_searchWithAnUnknownPeerIsNoSuchUser(int version) throws Exception {
        String frank = register("frank");
        try (TestClient f = loggedIn(frank, version)) {
            Frame unknown = f.request(MessageTypes.CHAT_SEARCH, new SearchRequest(uniqueName("nobody"), "x", null, 20));
            assertEquals("NO_SUCH_USER", errorCode(f, unknown));
            assertEquals("chat.search.ok", f.request(MessageTypes.CHAT_SEARCH, new SearchRequest(null, "x", null, 20)).type());
        }
    }
}
