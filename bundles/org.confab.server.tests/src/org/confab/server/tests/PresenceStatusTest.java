package org.confab.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.confab.protocol.Frame;
import org.confab.protocol.Protocol;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.PresenceEntry;
import org.confab.protocol.messages.Messages.PresenceList;
import org.confab.protocol.messages.Messages.Typing;
import org.confab.protocol.messages.PresenceStatus;
import org.junit.jupiter.api.Test;

/** {@code presence.set} and {@code chat.typing} over real sockets (docs/protocol.md sections 10 and 11.18-11.19). */
class PresenceStatusTest extends ServerTestSupport {

    @Test
    void aStatusIsBroadcastListedAndForgottenWithTheLastSession() throws Exception {
        String alice = register("alice");
        String bob = register("bob");
        try (TestClient bobClient = loggedIn(bob)) {
            try (TestClient aliceClient = loggedIn(alice)) {
                try (TestClient probe = new TestClient(server(), null)) {
                    Frame hello = probe.hello(Protocol.VERSION);
                    String capabilities = hello.body().path("capabilities").toString();
                    assertTrue(capabilities.contains("\"" + PresenceStatus.CAPABILITY + "\"")
                            && capabilities.contains("\"" + PresenceStatus.TYPING_CAPABILITY + "\""), hello.toString());
                }
                awaitPresence(bobClient, alice, true, PresenceStatus.AVAILABLE);

                assertEquals("presence.set.ok", aliceClient.request(MessageTypes.PRESENCE_SET,
                        Map.of("status", PresenceStatus.BUSY)).type());
                awaitPresence(bobClient, alice, true, PresenceStatus.BUSY);
                PresenceList list = bobClient.body(bobClient.request(MessageTypes.PRESENCE_LIST), PresenceList.class);
                assertTrue(list.users().contains(new PresenceEntry(alice, "User " + alice, true, PresenceStatus.BUSY)),
                        list.toString());

                assertEquals("BAD_REQUEST", errorCode(aliceClient,
                        aliceClient.request(MessageTypes.PRESENCE_SET, Map.of("status", "sleeping"))));
                assertEquals("BAD_REQUEST", errorCode(aliceClient, aliceClient.request(MessageTypes.PRESENCE_SET, Map.of())));
            }
            awaitPresence(bobClient, alice, false, null);
            try (TestClient again = loggedIn(alice)) {
                PresenceList list = bobClient.body(bobClient.request(MessageTypes.PRESENCE_LIST), PresenceList.class);
                assertTrue(list.users().contains(new PresenceEntry(alice, "User " + alice, true, PresenceStatus.AVAILABLE)),
                        "the old status outlived the sessions: " + list);
            }
        }
    }

    @Test
    void aVersionOneClientStillReadsPresence() throws Exception {
        String alice = register("alice");
        String carol = register("carol");
        try (TestClient old = loggedIn(carol, 1); TestClient aliceClient = loggedIn(alice)) {
            aliceClient.request(MessageTypes.PRESENCE_SET, Map.of("status", PresenceStatus.AWAY));
            Frame update = old.await("alice away", f -> f.type().equals(MessageTypes.PRESENCE_UPDATE)
                    && alice.equals(f.body().path("username").asText())
                    && PresenceStatus.AWAY.equals(f.body().path("status").asText()), 5000);
            assertTrue(update.body().path("online").asBoolean(), update.toString());
        }
    }

    @Test
    void typingGoesToThePeersSessionsOnly() throws Exception {
        String alice = register("alice");
        String bob = register("bob");
        String eve = register("eve");
        try (TestClient aliceClient = loggedIn(alice); TestClient bobClient = loggedIn(bob);
                TestClient bobElsewhere = loggedIn(bob); TestClient eveClient = loggedIn(eve)) {
            assertEquals("chat.typing.ok", aliceClient.request(MessageTypes.CHAT_TYPING,
                    Map.of("to", bob, "typing", true)).type());
            for (TestClient bobSession : new TestClient[] { bobClient, bobElsewhere }) {
                Frame push = bobSession.await(MessageTypes.CHAT_TYPING_UPDATE, 5000);
                assertEquals(new Typing(alice, true), bobSession.body(push, Typing.class));
            }
            aliceClient.request(MessageTypes.CHAT_TYPING, Map.of("to", bob, "typing", false));
            assertEquals(new Typing(alice, false), bobClient.body(bobClient.await(MessageTypes.CHAT_TYPING_UPDATE, 5000), Typing.class));

            // nobody else hears it, and a peer that does not exist is answered alike (no account probing)
            assertEquals("chat.typing.ok", aliceClient.request(MessageTypes.CHAT_TYPING,
                    Map.of("to", uniqueName("ghost"), "typing", true)).type());
            // alice had her answer after the pushes were queued; eve's ping answer comes after anything queued for her
            assertEquals("ping.ok", eveClient.request(MessageTypes.PING).type());
            assertTrue(!eveClient.holds(f -> f.type().equals(MessageTypes.CHAT_TYPING_UPDATE)), "eve got a typing notice");
            assertEquals("BAD_REQUEST", errorCode(aliceClient,
                    aliceClient.request(MessageTypes.CHAT_TYPING, Map.of("to", "", "typing", true))));
        }
    }

    private static void awaitPresence(TestClient client, String user, boolean online, String status) throws Exception {
        Frame update = client.await("presence.update of " + user + " " + status,
                f -> f.type().equals(MessageTypes.PRESENCE_UPDATE) && user.equals(f.body().path("username").asText())
                        && f.body().path("online").asBoolean() == online
                        && (status == null ? f.body().path("status").isMissingNode()
                                : status.equals(f.body().path("status").asText())), 5000);
        assertEquals(user, update.body().path("username").asText());
    }
}
