package org.confab.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.confab.protocol.Frame;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.ErrorBody;
import org.confab.protocol.messages.Messages.SessionClosed;
import org.junit.jupiter.api.Test;

/**
 * Frames the transport answers itself (ping, frames before hello, malformed frames) never reach the
 * router's request rate; they have a budget of their own (transport {@code controlFramesPerSecond},
 * {@code controlFrameBurst}: 10/s and 100 by default), and a flood beyond it ends with
 * {@code RATE_LIMITED}, {@code session.closed} {@code PROTOCOL_ERROR} and a closed connection, as
 * protocol.md section 6.4 promises. Before, each was answered for as long as the peer kept sending.
 */
class ControlFrameFloodTest extends ServerTestSupport {
    /** Well beyond the default burst of 100 (at 10/s, the flood's own duration adds a few more). */
    private static final int FLOOD = 400;

    private interface Sender {
        void send(TestClient client) throws IOException;
    }

    @Test
    void framesBeforeHelloAreAFloodAfterTheBurst() throws Exception {
        try (TestClient client = new TestClient(server())) {
            assertGivenUpOn(client, c -> c.send(MessageTypes.PING, java.util.Map.of()));
        }
    }

    @Test
    void malformedFramesAreAFloodAfterTheBurst() throws Exception {
        try (TestClient client = TestClient.connected(server())) {
            assertGivenUpOn(client, c -> c.sendPayload("{not json".getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void pingsAreAFloodAfterTheBurstEvenFromALoggedInUser() throws Exception {
        try (TestClient client = loggedIn(register("pinger"))) {
            assertGivenUpOn(client, c -> c.sendRequest(MessageTypes.PING, java.util.Map.of()));
        }
    }

    @Test
    void anOrdinaryHeartbeatIsNowhereNearTheBudget() throws Exception {
        try (TestClient client = loggedIn(register("beat"))) {
            for (int i = 0; i < 20; i++) {
                assertEquals("ping.ok", client.request(MessageTypes.PING).type());
            }
            assertTrue(!client.closedWithin(200), "20 pings in a row are fine");
        }
    }

    /**
     * Sends one frame at a time and reads its answer, so that nothing the server has not read is left
     * when it closes (unread bytes would make its close a reset that can swallow the last answers).
     */
    private static void assertGivenUpOn(TestClient client, Sender flood) throws Exception {
        Frame refusal = null;
        int sent = 0;
        while (refusal == null && sent < FLOOD) {
            flood.send(client);
            sent++;
            Frame answer = client.next();
            if (MessageTypes.ERROR.equals(answer.type()) && "RATE_LIMITED".equals(answer.body().path("code").asText())) {
                refusal = answer;
            }
        }
        assertTrue(refusal != null, "no RATE_LIMITED after " + sent + " frames");
        // the hello before them took one token of the burst of 100
        assertTrue(sent >= 99, "the burst of 100 is allowed, refused after " + sent);
        assertTrue(client.body(refusal, ErrorBody.class).message().contains("closing the connection"), refusal.toString());
        SessionClosed closed = client.body(client.await(MessageTypes.SESSION_CLOSED), SessionClosed.class);
        assertEquals("PROTOCOL_ERROR", closed.code());
        assertTrue(client.closedWithin(10_000), "the server closes the connection");
    }
}
