package org.confab.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.confab.protocol.Frame;
import org.confab.protocol.Protocol;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages;
import org.confab.protocol.messages.Messages.ChatSend;
import org.confab.protocol.messages.Messages.ChatSent;
import org.confab.protocol.messages.Messages.ReadMark;
import org.confab.protocol.messages.Messages.ReadRequest;
import org.confab.protocol.messages.Messages.ReadState;
import org.junit.jupiter.api.Test;

/**
 * {@code chat.read} over real sockets on the configured database (H2 and MySQL executions): marks are
 * stored in CONFAB_READ_MARK, only move forward, reach the sender's sessions and the reader's others,
 * and input that names nothing real is answered with an error frame.
 */
class ReadReceiptsTest extends ServerTestSupport {

    @Test
    void aReadMarkReachesTheSenderAndTheReadersOtherSessions() throws Exception {
        String alice = register("alice");
        String bob = register("bob");
        String eve = register("eve");
        long second;
        try (TestClient aliceClient = loggedIn(alice); TestClient bobClient = loggedIn(bob);
                TestClient bobElsewhere = loggedIn(bob); TestClient eveClient = loggedIn(eve)) {
            try (TestClient probe = new TestClient(server(), null)) {
                Frame hello = probe.hello(Protocol.VERSION);
                assertTrue(hello.body().path("capabilities").toString().contains("\"" + Messages.READ_CAPABILITY + "\""),
                        hello.toString());
            }
            long first = sent(aliceClient, bob, "one");
            second = sent(aliceClient, bob, "two");
            assertEquals(new ReadState(alice, 0, 0), read(bobClient, alice, 0), "nothing read yet");

            assertEquals(new ReadState(alice, first, 0), read(bobClient, alice, first));
            assertEquals(new ReadMark(bob, alice, first), aliceClient.body(aliceClient.await(MessageTypes.CHAT_READ_UPDATE, 5000), ReadMark.class));
            assertEquals(new ReadMark(bob, alice, first), bobElsewhere.body(bobElsewhere.await(MessageTypes.CHAT_READ_UPDATE, 5000), ReadMark.class));

            assertEquals(new ReadState(alice, second, 0), read(bobElsewhere, alice, second));
            assertEquals(second, aliceClient.body(aliceClient.await(MessageTypes.CHAT_READ_UPDATE, 5000), ReadMark.class).upTo());
            // a mark never moves back, and a mark that does not move is not pushed
            assertEquals(new ReadState(alice, second, 0), read(bobClient, alice, first));
            // the sender learns how far the reader got by asking (or by marking her own)
            assertEquals(new ReadState(bob, 0, second), read(aliceClient, bob, 0));

            assertEquals("ping.ok", aliceClient.request(MessageTypes.PING).type());
            assertFalse(aliceClient.holds(f -> f.type().equals(MessageTypes.CHAT_READ_UPDATE)), "a mark that did not move was pushed");
            assertEquals("ping.ok", eveClient.request(MessageTypes.PING).type());
            assertFalse(eveClient.holds(f -> f.type().equals(MessageTypes.CHAT_READ_UPDATE)), "eve got a read mark");
        }
        try (TestClient again = loggedIn(bob)) {
            assertEquals(second, read(again, alice, 0).read(), "the mark outlived the sessions");
        }
    }

    @Test
    void marksThatNameNothingRealAreRefused() throws Exception {
        String alice = register("alice");
        String bob = register("bob");
        String carol = register("carol");
        try (TestClient aliceClient = loggedIn(alice); TestClient bobClient = loggedIn(bob)) {
            long toBob = sent(aliceClient, bob, "for bob");
            long toCarol = sent(aliceClient, carol, "for carol");
            long fromBob = sent(bobClient, alice, "from bob");
            // another user's message, one's own message, an id that does not exist
            assertEquals("BAD_REQUEST", errorCode(bobClient, bobClient.request(MessageTypes.CHAT_READ, new ReadRequest(alice, toCarol))));
            assertEquals("BAD_REQUEST", errorCode(bobClient, bobClient.request(MessageTypes.CHAT_READ, new ReadRequest(alice, fromBob))));
            assertEquals("BAD_REQUEST", errorCode(bobClient, bobClient.request(MessageTypes.CHAT_READ, new ReadRequest(alice, toBob + 1_000_000))));
            assertEquals("NO_SUCH_USER", errorCode(bobClient, bobClient.request(MessageTypes.CHAT_READ, new ReadRequest(uniqueName("ghost"), 1))));
            assertEquals("NO_SUCH_USER", errorCode(bobClient, bobClient.request(MessageTypes.CHAT_READ, new ReadRequest(bob, 0))));
            assertEquals("BAD_REQUEST", errorCode(bobClient, bobClient.request(MessageTypes.CHAT_READ, Map.of("with", alice, "upTo", -3))));
            assertEquals("BAD_REQUEST", errorCode(bobClient, bobClient.request(MessageTypes.CHAT_READ, Map.of("with", alice, "upTo", "x"))));
            assertEquals("BAD_REQUEST", errorCode(bobClient, bobClient.request(MessageTypes.CHAT_READ, Map.of("upTo", toBob))));
            assertEquals(new ReadState(alice, 0, 0), read(bobClient, alice, 0), "a refused mark was stored");
            assertEquals(new ReadState(alice, toBob, 0), read(bobClient, alice, toBob));
        }
    }

    private static long sent(TestClient from, String to, String text) throws Exception {
        return from.body(from.request(MessageTypes.CHAT_SEND, new ChatSend(to, clientId(), text)), ChatSent.class).messageId();
    }

    private static ReadState read(TestClient reader, String with, long upTo) throws Exception {
        Frame answer = reader.request(MessageTypes.CHAT_READ, new ReadRequest(with, upTo));
        assertEquals(MessageTypes.ok(MessageTypes.CHAT_READ), answer.type(), answer.toString());
        return reader.body(answer, ReadState.class);
    }
}
