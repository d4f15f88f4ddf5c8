package org.confab.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.confab.protocol.Frame;
import org.confab.protocol.Protocol;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.ChatSend;
import org.confab.protocol.messages.Messages.ErrorBody;
import org.confab.protocol.messages.Messages.Hello;
import org.confab.protocol.messages.Messages.SessionClosed;
import org.junit.jupiter.api.Test;

/** Hostile or broken input gets error frames, never a crash; silent connections time out. */
class RobustnessTest extends ServerTestSupport {

    @Test
    void garbageFrameIsAnsweredAndTheConnectionGoesOn() throws Exception {
        try (TestClient client = TestClient.connected(server())) {
            client.sendPayload("{not json".getBytes(StandardCharsets.UTF_8));
            assertEquals("BAD_FRAME", client.body(client.await(MessageTypes.ERROR), ErrorBody.class).code());
            client.sendPayload(new byte[] { (byte) 0xC3, (byte) 0x28 });
            assertEquals("BAD_FRAME", client.body(client.await(MessageTypes.ERROR), ErrorBody.class).code());
            assertEquals("ping.ok", client.request(MessageTypes.PING).type(), "still usable");
            assertEquals("NOT_AUTHENTICATED", errorCode(client, client.request("nosuch.thing")), "unknown, and not logged in");
        }
    }

    @Test
    void invalidFieldsAreBadRequests() throws Exception {
        String name = register("fields");
        try (TestClient client = loggedIn(name)) {
            Frame tooLong = client.request(MessageTypes.CHAT_SEND,
                    client.codec.mapper().createObjectNode().put("to", name).put("clientMessageId", clientId())
                            .put("text", "x".repeat(Protocol.MAX_TEXT_LENGTH + 1)));
            assertEquals("BAD_REQUEST", errorCode(client, tooLong));
            Frame wrongType = client.request(MessageTypes.CHAT_SEND,
                    client.codec.mapper().createObjectNode().put("to", 42).put("clientMessageId", clientId()));
            assertEquals("BAD_REQUEST", errorCode(client, wrongType));
            assertEquals("chat.send.ok", client.request(MessageTypes.CHAT_SEND, new ChatSend(name, clientId(), "note to self")).type());
        }
    }

    @Test
    void oversizedLengthIsRefusedWithoutWaitingForTheBytes() throws Exception {
        try (TestClient client = TestClient.connected(server())) {
            client.sendRaw(new byte[] { 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, '{' });
            assertEquals("FRAME_TOO_LARGE", client.body(client.await(MessageTypes.ERROR), ErrorBody.class).code());
            assertTrue(client.closedWithin(5000), "the stream cannot be resynchronised, so it is closed");
        }
    }

    @Test
    void helloMustComeFirstAndVersionMustMatch() throws Exception {
        try (TestClient client = new TestClient(server())) {
            assertEquals("HANDSHAKE_REQUIRED", errorCode(client, client.request(MessageTypes.PING)));
            assertEquals("hello.ok", client.request(MessageTypes.HELLO, new Hello(Protocol.VERSION, "late", List.of())).type(),
                    "the connection stays usable for a proper hello");
            assertEquals("BAD_REQUEST", errorCode(client,
                    client.request(MessageTypes.HELLO, new Hello(Protocol.VERSION, "again", List.of()))));
        }
        try (TestClient client = new TestClient(server())) {
            Frame response = client.request(MessageTypes.HELLO, new Hello(Protocol.VERSION + 1, "future", List.of()));
            assertEquals("UNSUPPORTED_VERSION", errorCode(client, response));
            assertTrue(client.closedWithin(5000));
        }
    }

    @Test
    void silentConnectionIsClosedAfterTheIdleTimeoutButAPingingOneStays() throws Exception {
        String name = register("idle");
        try (TestClient silent = loggedIn(name); TestClient pinging = loggedIn(register("pinger"))) {
            long start = System.nanoTime();
            boolean pingerAlive = true;
            while (!silent.closedWithin(1000)) {
                pingerAlive &= "ping.ok".equals(pinging.request(MessageTypes.PING).type());
                assertTrue(System.nanoTime() - start < 20_000_000_000L, "idle connection not closed within 20 s");
            }
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            assertTrue(seconds >= 4, "closed after " + seconds + " s, before the 6 s idle timeout");
            SessionClosed closed = silent.body(silent.await(MessageTypes.SESSION_CLOSED), SessionClosed.class);
            assertEquals("IDLE_TIMEOUT", closed.code());
            assertTrue(pingerAlive);
            assertEquals("ping.ok", pinging.request(MessageTypes.PING).type(), "the heartbeating client is unaffected");
        }
    }
}
