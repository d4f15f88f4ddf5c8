package org.confab.client.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import org.confab.protocol.ErrorCode;
import org.confab.protocol.Frame;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.ChatMessage;
import org.confab.protocol.messages.Messages.ChatSent;
import org.confab.protocol.messages.Messages.Delivered;
import org.confab.protocol.messages.Messages.HistoryRequest;
import org.confab.protocol.messages.Messages.MessagePage;
import org.confab.protocol.messages.Messages.PresenceEntry;
import org.junit.jupiter.api.Test;

class MessagingTest extends ClientTestSupport {

    @Test
    void sendCompletesWithTheStoredMessageIdAndUsesTheGivenClientMessageId() throws Exception {
        connectAndLogin();

        ChatSent sent = await(client.send("bob", "cm-1", "hello bob"));

        Frame request = server.awaitRequest(MessageTypes.CHAT_SEND);
        assertEquals("cm-1", request.body().get("clientMessageId").asText());
        assertEquals("hello bob", request.body().get("text").asText());
        assertEquals(server.storedByClientId.get("cm-1").messageId(), sent.messageId());
        assertFalse(sent.duplicate());
    }

    @Test
    void sendToAnUnknownUserFailsWithTheServersErrorCode() throws Exception {
        connectAndLogin();

        Throwable error = failure(client.send("nobody", "hi"));

        assertEquals(ErrorCode.NO_SUCH_USER, assertInstanceOf(ConfabException.class, error).code());
    }

    @Test
    void pushedMessagesReachListenersOnceAndAreAcknowledged() throws Exception {
        ChatMessage first = new ChatMessage(7, "bob", "alice", "one", 1000, "b-1", false);
        ChatMessage second = new ChatMessage(8, "bob", "alice", "two", 1001, "b-2", false);
        server.backlog.addAll(List.of(first, second));
        connectAndLogin();
        FakeSession session = server.awaitSession();

        assertEquals(first, RecordingListener.next(events.messages));
        assertEquals(second, RecordingListener.next(events.messages));
        assertEquals(Set.of(7L, 8L), Set.of(server.awaitAck(), server.awaitAck()));

        session.push(MessageTypes.CHAT_MESSAGE, first); // at-least-once: the server may say it again

        assertEquals(7L, server.awaitAck(), "a duplicate is acknowledged again");
        ChatMessage third = new ChatMessage(9, "bob", "alice", "three", 1002, "b-3", false);
        session.push(MessageTypes.CHAT_MESSAGE, third);
        assertEquals(third, RecordingListener.next(events.messages), "the duplicate was not reported");
    }

    @Test
    void deliveredAndPresencePushesReachListeners() throws Exception {
        connectAndLogin();
        FakeSession session = server.awaitSession();

        session.push(MessageTypes.CHAT_DELIVERED, new Delivered("bob", List.of(5L, 6L)));
        session.push(MessageTypes.PRESENCE_UPDATE, new PresenceEntry("bob", "Bob", true));

        assertEquals(new Delivered("bob", List.of(5L, 6L)), RecordingListener.next(events.delivered));
        assertEquals(new PresenceEntry("bob", "Bob", true), RecordingListener.next(events.presence));
    }

    @Test
    void presenceHistoryAndPingAreAnswered() throws Exception {
        connectAndLogin();
        await(client.send("bob", "first"));
        ChatSent second = await(client.send("bob", "second"));

        List<PresenceEntry> users = await(client.presence());
        MessagePage page = await(client.history(new HistoryRequest("bob", null, 1)));

        assertTrue(users.contains(new PresenceEntry("alice", "User alice", true)), users.toString());
        assertEquals(1, page.messages().size());
        assertEquals(second.messageId(), page.messages().get(0).messageId());
        assertTrue(page.more());
        assertFalse(await(client.ping()).isNegative());
    }

    @Test
    void messageTooLargeForTheServersFrameLimitFailsWithoutCostingTheConnection() throws Exception {
        server.maxFrameBytes = org.confab.protocol.Protocol.MIN_MAX_FRAME_BYTES;
        connectAndLogin();
        String control = "\u0001".repeat(org.confab.protocol.Protocol.MAX_TEXT_LENGTH); // 6 bytes each in JSON

        Throwable error = failure(client.send("bob", control));

        assertEquals(ErrorCode.FRAME_TOO_LARGE, assertInstanceOf(ConfabException.class, error).code());
        assertFalse(await(client.send("bob", "small")).duplicate(), "the connection is still usable");
        assertEquals(1, server.logins.get());
    }

    @Test
    void unansweredRequestFailsWithATimeout() throws Exception {
        connectAndLogin();
        server.ignoredTypes.add(MessageTypes.PRESENCE_LIST);

        Throwable error = failure(client.presence());

        assertInstanceOf(TimeoutException.class, error);
        assertEquals(ConnectionState.CONNECTED, client.state(), "a slow request alone does not end the session");
    }

    @Test
    void withoutAutoAckTheApplicationAcknowledges() throws Exception {
        client.close();
        client = new ConfabClient(options().withAutoAck(false));
        client.addListener(events);
        server.backlog.add(new ChatMessage(21, "bob", "alice", "keep me", 1000, "b-21", false));
        connectAndLogin();

        ChatMessage received = RecordingListener.next(events.messages);
        assertFalse(server.receivesWithin(MessageTypes.CHAT_ACK, 200), "nothing is acknowledged automatically");
        await(client.ack(List.of(received.messageId())));

        assertEquals(21L, server.awaitAck());
    }
}
