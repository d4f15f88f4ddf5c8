package org.confab.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.confab.protocol.Frame;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.ChatAck;
import org.confab.protocol.messages.Messages.ChatMessage;
import org.confab.protocol.messages.Messages.ChatSend;
import org.confab.protocol.messages.Messages.ChatSent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Messages arrive in order per conversation: a message sent while the recipient's backlog of pending
 * messages is still being pushed (a page at a time, the next after the client's acknowledgement) goes
 * after the whole backlog, never ahead of its unpushed part.
 */
@Timeout(180)
class BacklogOrderTest extends ServerTestSupport {
    /** More than the server's page of 500, so the backlog takes two pages. */
    private static final int BACKLOG = 600;
    private static final int PAGE = 500;

    @Test
    void aMessageSentBetweenBacklogPagesArrivesAfterTheRestOfTheBacklog() throws Exception {
        String alice = register("alice");
        String bob = register("bob");
        try (TestClient a = loggedIn(alice)) {
            List<Long> sent = sendMany(a, bob, BACKLOG);
            try (TestClient b = loggedIn(bob)) {
                List<Long> received = receive(b, PAGE);
                // bob has not acknowledged the first page: the rest of the backlog waits, alice writes again
                long late = send(a, bob, "written while bob reads his backlog");
                sent.add(late);
                acknowledge(b, received);
                List<Long> rest = receive(b, BACKLOG + 1 - PAGE);
                received.addAll(rest);
                acknowledge(b, rest);
                assertArrivedLast(late, received);
                assertEquals(sent, received, "bob receives alice's messages in the order she sent them");
            }
        }
    }

    @Test
    void aSecondSessionGetsTheBacklogBeforeMessagesSentMeanwhile() throws Exception {
        String alice = register("alice");
        String bob = register("bob");
        try (TestClient a = loggedIn(alice); TestClient first = loggedIn(bob)) {
            // the first session receives everything live but never acknowledges: all of it stays pending
            List<Long> sent = sendMany(a, bob, BACKLOG);
            assertEquals(sent, receive(first, BACKLOG));
            try (TestClient second = loggedIn(bob)) {
                List<Long> received = receive(second, PAGE);
                long late = send(a, bob, "written while bob's second session reads the backlog");
                sent.add(late);
                assertEquals(List.of(late), receive(first, 1), "the live session gets it at once");
                acknowledge(second, received);
                received.addAll(receive(second, BACKLOG + 1 - PAGE));
                assertArrivedLast(late, received);
                assertEquals(sent, received, "the new session receives the backlog in order, then the new message");
            }
        }
    }

    private static void assertArrivedLast(long late, List<Long> received) {
        assertEquals(received.size() - 1, received.indexOf(late), "message " + late + " arrived as number "
                + (received.indexOf(late) + 1) + " of " + received.size() + ", ahead of older pending ones");
    }

    /** Sends {@code count} messages pipelined, then collects the answers; returns the ids in sending order. */
    static List<Long> sendMany(TestClient from, String to, int count) throws Exception {
        List<Long> rids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rids.add(from.sendRequest(MessageTypes.CHAT_SEND, new ChatSend(to, clientId(), "backlog " + i)));
        }
        List<Long> ids = new ArrayList<>();
        for (long rid : rids) {
            ids.add(sentId(from, from.response(rid)));
        }
        return ids;
    }

    static long send(TestClient from, String to, String text) throws Exception {
        return sentId(from, from.request(MessageTypes.CHAT_SEND, new ChatSend(to, clientId(), text)));
    }

    private static long sentId(TestClient from, Frame ok) throws Exception {
        assertEquals("chat.send.ok", ok.type(), ok.toString());
        return from.body(ok, ChatSent.class).messageId();
    }

    /** The ids of the next {@code count} chat messages, in the order they arrived. */
    static List<Long> receive(TestClient client, int count) throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(client.body(client.await(MessageTypes.CHAT_MESSAGE), ChatMessage.class).messageId());
        }
        return ids;
    }

    static void acknowledge(TestClient client, List<Long> ids) throws Exception {
        Frame ok = client.request(MessageTypes.CHAT_ACK, new ChatAck(List.copyOf(ids)));
        assertEquals("chat.ack.ok", ok.type(), ok.toString());
    }
}
