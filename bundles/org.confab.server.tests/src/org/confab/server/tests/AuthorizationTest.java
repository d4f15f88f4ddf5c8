package org.confab.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;

import org.confab.protocol.Frame;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.ChatAck;
import org.confab.protocol.messages.Messages.ChatSend;
import org.confab.protocol.messages.Messages.HistoryRequest;
import org.confab.protocol.messages.Messages.SearchRequest;
import org.junit.jupiter.api.Test;

/** A connection that has not logged in gets errors for every core request, never data, and no pushes. */
class AuthorizationTest extends ServerTestSupport {

    @Test
    void everyRequestThatNeedsALoginIsRefusedBeforeLogin() throws Exception {
        String alice = register("authz");
        Map<String, Object> requests = Map.of(
                MessageTypes.CHAT_SEND, new ChatSend(alice, clientId(), "hello"),
                MessageTypes.CHAT_ACK, new ChatAck(List.of(1L, 2L)),
                MessageTypes.CHAT_HISTORY, new HistoryRequest(alice, null, 50),
                MessageTypes.CHAT_SEARCH, new SearchRequest(null, "a", null, 50),
                MessageTypes.PRESENCE_LIST, Map.of(),
                MessageTypes.LOGOUT, Map.of());
        try (TestClient anonymous = TestClient.connected(server())) {
            for (Map.Entry<String, Object> request : requests.entrySet()) {
                Frame answer = anonymous.request(request.getKey(), request.getValue());
                assertEquals("NOT_AUTHENTICATED", errorCode(anonymous, answer), request.getKey() + " gave " + answer);
                assertEquals(2, answer.body().size(), "an error carries only code and message: " + answer);
            }
            assertEquals("ping.ok", anonymous.request(MessageTypes.PING).type(), "still connected");
        }
    }

    @Test
    void beforeHelloNothingButHelloIsAccepted() throws Exception {
        try (TestClient raw = new TestClient(server())) {
            for (String type : List.of(MessageTypes.CHAT_SEND, MessageTypes.PRESENCE_LIST, MessageTypes.AUTH_START,
                    MessageTypes.REGISTER)) {
                assertEquals("HANDSHAKE_REQUIRED", errorCode(raw, raw.request(type, Map.of())), type);
            }
        }
    }

    @Test
    void anUnauthenticatedConnectionReceivesNoPushes() throws Exception {
        String bob = register("bob");
        String carol = register("carol");
        try (TestClient anonymous = TestClient.connected(server()); TestClient b = loggedIn(bob)) {
            try (TestClient c = loggedIn(carol)) {
                assertEquals("chat.send.ok", c.request(MessageTypes.CHAT_SEND, new ChatSend(bob, clientId(), "hi")).type());
                b.await(MessageTypes.CHAT_MESSAGE);
            }
            assertFalse(anonymous.receives(MessageTypes.PRESENCE_UPDATE, 500), "no presence for strangers");
            assertFalse(anonymous.receives(MessageTypes.CHAT_MESSAGE, 100), "no messages for strangers");
        }
    }
}
