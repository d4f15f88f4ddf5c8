package org.confab.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.confab.protocol.Frame;
import org.confab.protocol.Protocol;
import org.confab.protocol.Scram;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.AuthStart;
import org.confab.protocol.messages.Messages.ChatAck;
import org.confab.protocol.messages.Messages.ChatSend;
import org.confab.protocol.messages.Messages.Hello;
import org.confab.protocol.messages.Messages.HelloOk;
import org.confab.protocol.messages.Messages.HistoryRequest;
import org.confab.protocol.messages.Messages.Register;
import org.confab.protocol.messages.Messages.SearchRequest;
import org.confab.protocol.messages.Messages.SessionClosed;

/** Conformance: the connection's life (section 6), hello (11.1), logout (11.6) and unknown types (15). */
class ConformanceHandshakeTest extends ConformanceSupport {

    @Statement
    void section6_1_framesBeforeHelloGetHandshakeRequiredAndTheConnectionStays(int version) throws Exception {
        try (TestClient client = new TestClient(server())) {
            assertEquals("HANDSHAKE_REQUIRED", errorCode(client, client.request(MessageTypes.PING)));
            assertEquals("HANDSHAKE_REQUIRED", errorCode(client, client.request(MessageTypes.AUTH_START, Map.of())));
            assertEquals("HANDSHAKE_REQUIRED", errorCode(client, client.request("nosuch.thing")));
            client.hello(version);
        }
    }

    @Statement
    void section6_1_helloOkCarriesTheLimitsOfTheConnection(int version) throws Exception {
        try (TestClient client = new TestClient(server())) {
            HelloOk ok = client.body(client.hello(version), HelloOk.class);
            assertEquals(version, ok.version(), "the connection speaks the client's version");
            assertEquals(Protocol.DEFAULT_MAX_FRAME_BYTES, ok.maxFrameBytes());
            assertEquals(6, ok.idleTimeoutSeconds(), "the tests' configured idle timeout");
            assertTrue(ok.heartbeatSeconds() > 0 && ok.heartbeatSeconds() < ok.idleTimeoutSeconds(), ok.toString());
        }
    }

    @Statement
    void section6_1_aMalformedHelloIsBadRequestAndTheClientMayTryAgain(int version) throws Exception {
        try (TestClient client = new TestClient(server())) {
            Frame noVersion = client.request(MessageTypes.HELLO, Map.of("client", "no version"));
            assertEquals("BAD_REQUEST", errorCode(client, noVersion));
            Frame textVersion = client.request(MessageTypes.HELLO, Map.of("version", String.valueOf(version)));
            assertEquals("BAD_REQUEST", errorCode(client, textVersion));
            Frame badCapabilities = client.request(MessageTypes.HELLO, Map.of("version", version, "capabilities", "all"));
            assertEquals("BAD_REQUEST", errorCode(client, badCapabilities));
            client.send(MessageTypes.HELLO, new Hello(version, "no rid", List.of()));
            nextErrorWithoutRid(client, "BAD_REQUEST");
            client.hello(version);
            assertEquals("ping.ok", client.request(MessageTypes.PING).type());
        }
    }

    @Statement
    void section6_1_anUnsupportedVersionIsAnErrorThenSessionClosed(int version) throws Exception {
        for (int unsupported : List.of(0, Protocol.VERSION + 1, Integer.MAX_VALUE)) {
            try (TestClient client = new TestClient(server())) {
                client.sendPayload(utf8("{\"type\":\"hello\",\"rid\":1000,\"version\":" + unsupported + "}"));
                Frame error = client.next();
                assertEquals(1000, error.rid(), error.toString());
                assertEquals("UNSUPPORTED_VERSION", errorCode(client, error));
                nextIsSessionClosedThenClose(client, "PROTOCOL_ERROR");
            }
        }
    }

    @Statement
    void section11_1_aSecondHelloIsBadRequest(int version) throws Exception {
        try (TestClient client = TestClient.connected(server(), version)) {
            Frame again = client.request(MessageTypes.HELLO, new Hello(version, "again", List.of()));
            assertEquals("BAD_REQUEST", errorCode(client, again));
            assertEquals("ping.ok", client.request(MessageTypes.PING).type(), "the connection continues");
        }
    }

    @Statement
    void section6_2_beforeLoginOnlyPingRegisterAndAuthAreServed(int version) throws Exception {
        String name = register("anon");
        Map<String, Object> needLogin = Map.of(
                MessageTypes.CHAT_SEND, new ChatSend(name, clientId(), "hello"),
                MessageTypes.CHAT_ACK, new ChatAck(List.of(1L)),
                MessageTypes.CHAT_HISTORY, new HistoryRequest(name, null, 50),
                MessageTypes.CHAT_SEARCH, new SearchRequest(null, "a", null, 50),
                MessageTypes.PRESENCE_LIST, Map.of(),
                MessageTypes.LOGOUT, Map.of(),
                MessageTypes.ADMIN_STATUS, Map.of());
        try (TestClient client = TestClient.connected(server(), version)) {
            for (Map.Entry<String, Object> request : needLogin.entrySet()) {
                assertEquals("NOT_AUTHENTICATED", errorCode(client, client.request(request.getKey(), request.getValue())),
                        request.getKey());
            }
            assertEquals("ping.ok", client.request(MessageTypes.PING).type());
            assertEquals("account.register.ok", client.request(MessageTypes.REGISTER,
                    new Register(uniqueName("anon"), PASSWORD, null)).type());
            assertEquals("auth.start.ok", client.request(MessageTypes.AUTH_START, new AuthStart(name, Scram.nonce())).type());
        }
    }

    @Statement
    void section6_2_beforeLoginAnUnknownTypeIsNotAuthenticatedToo(int version) throws Exception {
        try (TestClient client = TestClient.connected(server(), version)) {
            for (String type : List.of("nosuch.thing", "zz.unknown", "chat.nosuch")) {
                Frame answer = client.request(type, Map.of());
                assertEquals("NOT_AUTHENTICATED", errorCode(client, answer), type);
            }
        }
    }

    @Statement
    void section6_2_aConnectionThatDoesNotLogInInTimeIsClosed(int version) throws Exception {
        try (TestClient client = TestClient.connected(server(), version)) {
            // the tests configure a login deadline of 6 s; pings keep the idle timeout away but are no login
            long start = System.nanoTime();
            while (!client.receives(MessageTypes.SESSION_CLOSED, 1000)) {
                // the deadline may pass between the check and the ping: then session.closed answers instead
                long rid = client.sendRequest(MessageTypes.PING, Map.of());
                Frame answer = client.await("ping.ok or session.closed",
                        frame -> frame.rid() == rid || frame.type().equals(MessageTypes.SESSION_CLOSED), TestClient.WAIT_MILLIS);
                if (answer.type().equals(MessageTypes.SESSION_CLOSED)) {
                    assertEquals("LOGIN_TIMEOUT", client.body(answer, SessionClosed.class).code());
                    assertTrue(client.closedWithin(TestClient.WAIT_MILLIS));
                    return;
                }
                assertEquals("ping.ok", answer.type());
                assertTrue(System.nanoTime() - start < 20_000_000_000L, "not closed within 20 s");
            }
            Frame closed = client.await(MessageTypes.SESSION_CLOSED);
            assertEquals("LOGIN_TIMEOUT", client.body(closed, SessionClosed.class).code());
            assertTrue(client.closedWithin(TestClient.WAIT_MILLIS));
        }
    }

    @Statement
    void section6_4_fatalErrorsComeFirstThenSessionClosed(int version) throws Exception {
        try (TestClient client = TestClient.connected(server(), version)) {
            client.sendRaw(length(Protocol.DEFAULT_MAX_FRAME_BYTES + 1L));
            nextErrorWithoutRid(client, "FRAME_TOO_LARGE");
            nextIsSessionClosedThenClose(client, "PROTOCOL_ERROR");
        }
        try (TestClient client = new TestClient(server())) {
            client.request(MessageTypes.HELLO, new Hello(Protocol.VERSION + 1, "future", List.of()));
            nextIsSessionClosedThenClose(client, "PROTOCOL_ERROR");
        }
    }

    @Statement
    void section11_6_logoutIsAnsweredThenSessionClosedThenClose(int version) throws Exception {
        try (TestClient client = loggedIn(register("bye"), version)) {
            assertEquals("auth.logout.ok", client.request(MessageTypes.LOGOUT).type());
            nextIsSessionClosedThenClose(client, "LOGGED_OUT");
        }
    }

    @Statement
    void section15_anUnknownTypeOnALoggedInSessionIsUnknownType(int version) throws Exception {
        try (TestClient client = loggedIn(register("unknown"), version)) {
            assertEquals("UNKNOWN_TYPE", errorCode(client, client.request("nosuch.thing", Map.of())));
            assertEquals("ping.ok", client.request(MessageTypes.PING).type(), "the connection continues");
        }
    }
}
