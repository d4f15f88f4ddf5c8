package org.confab.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import org.confab.protocol.Frame;
import org.confab.protocol.FrameCodec;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.ChatAck;
import org.confab.protocol.messages.Messages.ChatMessage;
import org.confab.protocol.messages.Messages.ChatSend;
import org.confab.protocol.messages.Messages.ChatSent;
import org.confab.server.api.StoredMessage;
import org.confab.server.spi.ClusterInbox;
import org.confab.server.spi.MessageStore;
import org.confab.server.spi.NewMessage;
import org.confab.server.spi.NodePush;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Messages arrive in order per conversation: a message sent while the recipient's backlog of pending
 * messages is still being pushed (a page at a time, the next after the client's acknowledgement) goes
 * after the whole backlog, never ahead of its unpushed part; so does a message another node of a
 * cluster stored and forwards to this node.
 */
@Timeout(180)
class BacklogOrderTest extends ServerTestSupport {
    /** More than the server's page of 500, so the backlog takes two pages. */
    private static final int BACKLOG = 600;
    private static final int PAGE = 500;
    private static final FrameCodec CODEC = new FrameCodec();

    private String alice;
    private String bob;

    @BeforeEach
    void registerAliceAndBob() throws Exception {
        alice = register("alice");
        bob = register("bob");
    }

    @Test
    void aMessageSentBetweenBacklogPagesArrivesAfterTheRestOfTheBacklog() throws Exception {
        try (TestClient a = loggedIn(alice)) {
            List<Long> sent = sendMany(a, bob, BACKLOG);
            try (TestClient b = loggedIn(bob)) {
                List<Long> received = readBacklogAround(b, sent, () -> send(a, bob, "written while bob reads his backlog"));
                assertEquals(sent, received, "bob receives alice's messages in the order she sent them");
            }
        }
    }

    @Test
    void aSecondSessionGetsTheBacklogBeforeMessagesSentMeanwhile() throws Exception {
        try (TestClient a = loggedIn(alice); TestClient first = loggedIn(bob)) {
            // the first session receives everything live but never acknowledges: all of it stays pending
            List<Long> sent = sendMany(a, bob, BACKLOG);
            assertEquals(sent, receive(first, BACKLOG));
            try (TestClient second = loggedIn(bob)) {
                List<Long> received = readBacklogAround(second, sent, () -> {
                    long late = send(a, bob, "written while bob's second session reads the backlog");
                    assertEquals(List.of(late), receive(first, 1), "the live session gets it at once");
                    return late;
                });
                assertEquals(sent, received, "the new session receives the backlog in order, then the new message");
            }
        }
    }

    /**
     * Reads the first page of the backlog and, before acknowledging it, lets {@code meanwhile} store
     * one more message (added to {@code sent}); then reads the rest. Returns the ids in arrival order.
     */
    private static List<Long> readBacklogAround(TestClient client, List<Long> sent, Callable<Long> meanwhile)
            throws Exception {
        List<Long> received = receive(client, PAGE);
        long late = meanwhile.call();
        sent.add(late);
        acknowledge(client, received);
        List<Long> rest = receive(client, sent.size() - PAGE);
        received.addAll(rest);
        acknowledge(client, rest);
        assertEquals(received.size() - 1, received.indexOf(late), "message " + late + " arrived as number "
                + (received.indexOf(late) + 1) + " of " + received.size() + ", ahead of older pending ones");
        return received;
    }

    @Test
    void messagesSentWhileTheRecipientLogsInArriveInOrder() throws Exception {
        try (TestClient a = loggedIn(alice)) {
            List<Long> sent = sendMany(a, bob, BACKLOG);
            // alice keeps writing while bob logs in and reads his backlog
            CompletableFuture<List<Long>> meanwhile = CompletableFuture.supplyAsync(() -> {
                try {
                    return sendMany(a, bob, 400);
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            });
            try (TestClient b = loggedIn(bob)) {
                Set<Long> seen = new LinkedHashSet<>();
                List<Long> unacknowledged = new ArrayList<>();
                while (seen.size() < BACKLOG + 400) {
                    long id = b.body(b.await(MessageTypes.CHAT_MESSAGE), ChatMessage.class).messageId();
                    if (seen.add(id)) { // a message pushed twice is dropped by the client: count each once
                        unacknowledged.add(id);
                    }
                    if (unacknowledged.size() == 100) {
                        acknowledge(b, unacknowledged);
                        unacknowledged.clear();
                    }
                }
                sent.addAll(meanwhile.get(60, TimeUnit.SECONDS));
                assertEquals(sent, List.copyOf(seen), "bob receives alice's messages in the order she sent them");
            }
        }
    }

    @Test
    void aMessageForwardedByAnotherNodeBetweenBacklogPagesArrivesAfterTheRestOfTheBacklog() throws Exception {
        ClusterInbox inbox = Services.await(ClusterInbox.class, 10_000);
        try (TestClient a = loggedIn(alice)) {
            List<Long> sent = sendMany(a, bob, BACKLOG);
            try (TestClient b = loggedIn(bob)) {
                List<Long> received = readBacklogAround(b, sent, () -> storedElsewhereAndForwarded(inbox, alice, bob));
                assertEquals(sent, received, "bob receives the forwarded message after his backlog");
                // the backlog is done: the next forwarded message is pushed at once, and only once
                long live = storedElsewhereAndForwarded(inbox, alice, bob);
                assertEquals(List.of(live), receive(b, 1));
                assertFalse(b.receives(MessageTypes.CHAT_MESSAGE, 500), "no message twice");
            }
        }
    }

    /**
     * What another node does with a message of alice's: stores it in the shared database (no push from
     * this node) and forwards the push to this node, where bob's sessions are.
     */
    private static long storedElsewhereAndForwarded(ClusterInbox inbox, String alice, String bob) throws Exception {
        MessageStore store = Services.await(MessageStore.class, 10_000);
        StoredMessage stored = store.store(new NewMessage(alice, bob, clientId(), "stored on another node")).message();
        ChatMessage wire = new ChatMessage(stored.id(), alice, bob, stored.content().text(), stored.sentAt().toEpochMilli(),
                stored.clientMessageId(), false);
        inbox.messagePushed(bob, NodePush.of(CODEC.frame(MessageTypes.CHAT_MESSAGE, 0, wire)));
        return stored.id();
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
