package org.confab.client.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.ChatSent;
import org.junit.jupiter.api.Test;

class ReconnectTest extends ClientTestSupport {

    @Test
    void lostConnectionIsReestablishedAndUnacknowledgedSendsAreResentInOrder() throws Exception {
        connectAndLogin();
        server.awaitSession();
        server.ignoredTypes.add(MessageTypes.CHAT_SEND); // the server takes the sends but never answers
        List<CompletableFuture<ChatSent>> sends = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            sends.add(client.send("bob", "cm-" + i, "message " + i));
        }
        for (int i = 1; i <= 3; i++) {
            assertEquals("cm-" + i, clientMessageIdOf(server.awaitRequest(MessageTypes.CHAT_SEND)));
        }
        server.ignoredTypes.clear();

        server.awaitSession(); // nothing was acknowledged within the request timeout: the client reconnected

        for (int i = 1; i <= 3; i++) {
            assertEquals("cm-" + i, clientMessageIdOf(server.awaitRequest(MessageTypes.CHAT_SEND)), "resent in order");
        }
        for (int i = 1; i <= 3; i++) {
            long acknowledgedId = await(sends.get(i - 1)).messageId(); // first: the server stores before it answers
            assertEquals(server.storedByClientId.get("cm-" + i).messageId(), acknowledgedId);
        }
        assertEquals(2, server.logins.get(), "logged in again with the remembered credentials");
        events.awaitState(ConnectionState.RECONNECTING);
        events.awaitState(ConnectionState.CONNECTED);
    }

    @Test
    void messageStoredButNotAcknowledgedIsNotStoredTwice() throws Exception {
        connectAndLogin();
        server.awaitSession();
        server.dropAfterStoringSends.set(1);

        ChatSent sent = await(client.send("bob", "cm-dup", "only once please"));

        assertTrue(sent.duplicate(), "the resend was recognised by its client message id");
        assertEquals(1, server.storedMessages.size());
        assertEquals(server.storedByClientId.get("cm-dup").messageId(), sent.messageId());
    }

    @Test
    void messagesSentWhileDisconnectedWaitForTheNextLogin() throws Exception {
        connectAndLogin();
        FakeSession first = server.awaitSession();
        server.ignoredTypes.add(MessageTypes.CHAT_SEND);
        CompletableFuture<ChatSent> inFlight = client.send("bob", "cm-a", "in flight when the line dropped");
        server.awaitRequest(MessageTypes.CHAT_SEND);
        server.ignoredTypes.clear();
        CountDownLatch gate = new CountDownLatch(1);
        server.handshakeGate = gate;

        first.close();
        events.awaitState(ConnectionState.RECONNECTING);
        CompletableFuture<ChatSent> queued = client.send("bob", "cm-b", "sent while offline");
        assertFalse(queued.isDone());
        gate.countDown();

        assertEquals("cm-a", clientMessageIdOf(server.awaitRequest(MessageTypes.CHAT_SEND)));
        assertEquals("cm-b", clientMessageIdOf(server.awaitRequest(MessageTypes.CHAT_SEND)));
        assertFalse(await(inFlight).duplicate());
        assertFalse(await(queued).duplicate());
    }

    @Test
    void kickedClientDoesNotReconnectAndFailsWaitingSends() throws Exception {
        connectAndLogin();
        FakeSession session = server.awaitSession();
        server.ignoredTypes.add(MessageTypes.CHAT_SEND);
        CompletableFuture<ChatSent> waiting = client.send("bob", "never acknowledged");
        server.awaitRequest(MessageTypes.CHAT_SEND);

        session.end("KICKED", "by admin");

        assertEquals(new RecordingListener.SessionEnd("KICKED", "by admin"), RecordingListener.next(events.sessionEnds));
        RecordingListener.StateChange end = events.awaitState(ConnectionState.DISCONNECTED);
        assertTrue(end.reason().contains("KICKED"), end.reason());
        assertInstanceOf(ConfabConnectionException.class, failure(waiting));
        // The backoff is at most 100 ms, so a reconnecting client would have tried several times.
        assertFalse(server.acceptsMoreThanWithin(1, 500), "a kicked client must not reconnect");
    }

    @Test
    void shutdownEndsTheSessionButTheClientComesBack() throws Exception {
        connectAndLogin();
        server.awaitSession().end("SHUTDOWN", "maintenance");

        server.awaitSession();
        events.awaitState(ConnectionState.RECONNECTING);
        events.awaitState(ConnectionState.CONNECTED);
        assertEquals(ChatSent.class, await(client.send("bob", "back again")).getClass());
    }

    @Test
    void logoutEndsTheSessionWithoutReconnecting() throws Exception {
        connectAndLogin();
        server.awaitSession();

        await(client.logout());

        RecordingListener.StateChange end = events.awaitState(ConnectionState.DISCONNECTED);
        assertEquals("logged out", end.reason());
        assertFalse(server.acceptsMoreThanWithin(1, 300));
    }

    @Test
    void refusedReloginEndsReconnectingAndFailsWaitingSends() throws Exception {
        connectAndLogin();
        FakeSession session = server.awaitSession();
        server.addUser("alice", "a password changed by the admin");
        server.ignoredTypes.add(MessageTypes.CHAT_SEND);
        CompletableFuture<ChatSent> waiting = client.send("bob", "stuck");
        server.awaitRequest(MessageTypes.CHAT_SEND);

        session.close();

        RecordingListener.StateChange end = events.awaitState(ConnectionState.DISCONNECTED);
        assertTrue(end.reason().contains("re-login refused"), end.reason());
        assertEquals(org.confab.protocol.ErrorCode.AUTH_FAILED,
                assertInstanceOf(ConfabException.class, failure(waiting)).code());
    }

    @Test
    void idleClientSendsHeartbeatPings() throws Exception {
        server.heartbeatSeconds = 1;
        connectAndLogin();

        server.awaitRequest(MessageTypes.PING);

        assertEquals(ConnectionState.CONNECTED, client.state());
    }

    private static String clientMessageIdOf(org.confab.protocol.Frame frame) {
        return frame.body().get("clientMessageId").asText();
    }
}
