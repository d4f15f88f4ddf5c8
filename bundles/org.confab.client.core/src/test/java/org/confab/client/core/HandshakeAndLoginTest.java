package org.confab.client.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;

import org.confab.protocol.ErrorCode;
import org.confab.protocol.Frame;
import org.confab.protocol.Protocol;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.HelloOk;
import org.confab.protocol.messages.Messages.Registered;
import org.junit.jupiter.api.Test;

class HandshakeAndLoginTest extends ClientTestSupport {

    @Test
    void connectSendsHelloFirstAndReportsTheServersLimits() throws Exception {
        HelloOk hello = await(client.connect());

        Frame sent = server.awaitRequest(MessageTypes.HELLO);
        assertEquals(Protocol.VERSION, sent.body().get("version").asInt());
        assertEquals("confab-test/1", sent.body().get("client").asText());
        assertEquals("fake/1", hello.server());
        assertEquals(ConnectionState.CONNECTED, client.state());
        events.awaitState(ConnectionState.CONNECTING);
        events.awaitState(ConnectionState.CONNECTED);
    }

    @Test
    void connectingToAClosedPortFailsWithAConnectionError() throws Exception {
        int unusedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            unusedPort = probe.getLocalPort();
        }
        try (ConfabClient nowhere = new ConfabClient(ClientOptions.of("127.0.0.1", unusedPort))) {
            assertInstanceOf(ConfabConnectionException.class, failure(nowhere.connect()));
            assertEquals(ConnectionState.DISCONNECTED, nowhere.state());
        }
    }

    @Test
    void scramLoginSucceedsWithTheRightPassword() throws Exception {
        await(client.connect());

        LoginResult result = await(client.login("Alice", ALICE_PASSWORD));

        assertEquals("alice", result.username());
        assertEquals("User alice", result.displayName());
        assertFalse(result.admin());
        Frame start = server.awaitRequest(MessageTypes.AUTH_START);
        assertEquals("alice", start.body().get("username").asText(), "sent in lower case, as the protocol asks");
    }

    @Test
    void wrongPasswordIsReportedAsAuthFailed() throws Exception {
        await(client.connect());

        Throwable error = failure(client.login("alice", "not the password"));

        assertEquals(ErrorCode.AUTH_FAILED, assertInstanceOf(ConfabException.class, error).code());
    }

    @Test
    void serverThatCannotProveItKnowsTheKeyIsRejected() throws Exception {
        server.forgeSignature = true;
        await(client.connect());

        Throwable error = failure(client.login("alice", ALICE_PASSWORD));

        ConfabException refusal = assertInstanceOf(ConfabException.class, error);
        assertEquals(ErrorCode.AUTH_FAILED, refusal.code());
        assertTrue(refusal.getMessage().contains("impostor"), refusal.getMessage());
        RecordingListener.StateChange end = events.awaitState(ConnectionState.DISCONNECTED);
        assertTrue(end.reason().contains("impostor"), "the server thinks we are logged in: hang up");
    }

    @Test
    void serverThatDoesNotExtendTheNonceIsRejectedBeforeAnyProofIsSent() throws Exception {
        server.withholdServerNonce = true;
        await(client.connect());

        Throwable error = failure(client.login("alice", ALICE_PASSWORD));

        assertEquals(ErrorCode.AUTH_FAILED, assertInstanceOf(ConfabException.class, error).code());
        events.awaitState(ConnectionState.DISCONNECTED);
        assertFalse(server.receivesWithin(MessageTypes.AUTH_FINISH, 100));
    }

    @Test
    void registerCreatesAnAccountAndReportsTakenNames() throws Exception {
        await(client.connect());

        Registered registered = await(client.register("carol", "carol's long password", "Carol"));
        Throwable taken = failure(client.register("alice", "whatever password"));

        assertEquals("carol", registered.username());
        assertEquals("Carol", registered.displayName());
        assertEquals(ErrorCode.USERNAME_TAKEN, assertInstanceOf(ConfabException.class, taken).code());
        await(client.login("carol", "carol's long password"));
    }

    @Test
    void requestsBeforeConnectingFailFast() {
        assertInstanceOf(ConfabConnectionException.class, failure(client.presence()));
    }
}
