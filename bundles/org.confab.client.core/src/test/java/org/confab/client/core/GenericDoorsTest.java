package org.confab.client.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.IntStream;

import org.confab.protocol.ErrorCode;
import org.confab.protocol.Frame;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.Delivered;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The doors for plugins: requests and pushes of any type, and the capabilities both sides announce. */
class GenericDoorsTest extends ClientTestSupport {
    private static final String ROLL = "x.dice.roll";
    private static final String ROLLED = "x.dice.rolled";

    record Push(String type, ObjectNode body) {
    }

    @Override
    void configureServer() {
        server.capabilities = List.of("x.dice", "chat.rich");
        server.plugins = Map.of("x.dice", "1.2.0");
        server.pluginHandlers.put(ROLL, (session, request) -> {
            int sides = request.body().path("sides").asInt();
            if (sides < 2) {
                session.error(request, "DICE_TOO_FEW_SIDES", "a die needs two sides");
                return;
            }
            ObjectNode answer = object().put("value", sides).put("sides", sides);
            session.answer(request, answer);
        });
    }

    @Override
    ClientOptions options() {
        return super.options().withCapabilities(List.of("x.dice", "x.notes"));
    }

    @Test
    void aRequestOfAPluginTypeCompletesWithTheAnswersFields() throws Exception {
        connectAndLogin();

        ObjectNode answer = await(client.request(ROLL, object().put("sides", 6)));

        assertEquals(6, server.awaitRequest(ROLL).body().get("sides").asInt(), "the body went out as given");
        assertEquals(object().put("value", 6).put("sides", 6), answer, "no type or rid in the answer");
    }

    @Test
    void aPluginsErrorFailsTheRequestWithTheServersOwnCode() throws Exception {
        connectAndLogin();

        ConfabException error = assertInstanceOf(ConfabException.class,
                failure(client.request(ROLL, object().put("sides", 1))));

        assertEquals("DICE_TOO_FEW_SIDES", error.wireCode());
        assertEquals(ErrorCode.INTERNAL, error.code(), "a code this client does not know");
        assertEquals("a die needs two sides", error.getMessage());
    }

    @Test
    void aTypeNoHandlerKnowsFailsWithUnknownTypeAndANullBodyIsEmpty() throws Exception {
        connectAndLogin();

        ConfabException error = assertInstanceOf(ConfabException.class, failure(client.request("x.nobody", null)));

        assertEquals(ErrorCode.UNKNOWN_TYPE, error.code());
        assertEquals("UNKNOWN_TYPE", error.wireCode());
        assertEquals(0, server.awaitRequest("x.nobody").body().size());
    }

    @Test
    void requestsTheClientMakesItselfAndMalformedOnesAreRefused() {
        for (String own : List.of(MessageTypes.HELLO, MessageTypes.AUTH_START, MessageTypes.AUTH_FINISH,
                MessageTypes.LOGOUT, MessageTypes.ERROR)) {
            assertThrows(IllegalArgumentException.class, () -> client.request(own, object()), own);
        }
        for (String malformed : new String[] {null, "", "X.Dice", "x..dice", "x.dice.", "y".repeat(65)}) {
            assertThrows(IllegalArgumentException.class, () -> client.request(malformed, object()), malformed);
        }
        assertThrows(IllegalArgumentException.class, () -> client.request(ROLL, object().put("type", "chat.send")));
        assertThrows(IllegalArgumentException.class, () -> client.request(ROLL, object().put("rid", 1)));
    }

    @Test
    void aRequestWithoutConnectionFailsAtOnce() {
        assertInstanceOf(ConfabConnectionException.class, failure(client.request(ROLL, object())));
    }

    @Test
    void coreRequestsPassThroughTheGenericDoorToo() throws Exception {
        connectAndLogin();

        ObjectNode presence = await(client.request(MessageTypes.PRESENCE_LIST, null));

        assertEquals(2, presence.get("users").size());
    }

    @Test
    void pushesReachEverySubscriberOfTheirTypeEachWithItsOwnCopyAndNoOneElse() throws Exception {
        BlockingQueue<Push> first = new LinkedBlockingQueue<>();
        BlockingQueue<Push> second = new LinkedBlockingQueue<>();
        BlockingQueue<Push> other = new LinkedBlockingQueue<>();
        client.subscribe(ROLLED, (type, body) -> {
            first.add(new Push(type, body.deepCopy()));
            body.put("value", -1); // must not reach the second subscriber
        });
        client.subscribe(ROLLED, (type, body) -> second.add(new Push(type, body)));
        client.subscribe("x.other", (type, body) -> other.add(new Push(type, body)));
        connectAndLogin();
        FakeSession session = server.awaitSession();

        session.push(ROLLED, object().put("value", 3));
        session.push("x.other", object().put("n", 1));

        assertEquals(new Push(ROLLED, object().put("value", 3)), RecordingListener.next(first));
        assertEquals(new Push(ROLLED, object().put("value", 3)), RecordingListener.next(second));
        assertEquals(new Push("x.other", object().put("n", 1)), RecordingListener.next(other));
        assertTrue(first.isEmpty() && second.isEmpty() && other.isEmpty(), "each push once, to its own type");
    }

    @Test
    void aFailingSubscriberDoesNotStopTheOthersOrTheConnection() throws Exception {
        BlockingQueue<Push> received = new LinkedBlockingQueue<>();
        client.subscribe(ROLLED, (type, body) -> {
            throw new IllegalStateException("a broken plugin");
        });
        client.subscribe(ROLLED, (type, body) -> received.add(new Push(type, body)));
        connectAndLogin();
        FakeSession session = server.awaitSession();

        session.push(ROLLED, object().put("value", 5));
        session.push(MessageTypes.CHAT_DELIVERED, new Delivered("bob", List.of(1L)));

        assertEquals(5, RecordingListener.next(received).body().get("value").asInt());
        assertEquals(new Delivered("bob", List.of(1L)), RecordingListener.next(events.delivered));
    }

    @Test
    void aClosedSubscriptionReceivesNothingMoreAndPushesNobodyWantsAreDropped() throws Exception {
        BlockingQueue<Push> received = new LinkedBlockingQueue<>();
        PushSubscription subscription = client.subscribe(ROLLED, (type, body) -> received.add(new Push(type, body)));
        assertEquals(ROLLED, subscription.type());
        connectAndLogin();
        FakeSession session = server.awaitSession();
        session.push(ROLLED, object().put("value", 1));
        RecordingListener.next(received);

        subscription.close();
        subscription.close(); // idempotent
        session.push(ROLLED, object().put("value", 2));
        session.push("x.unwanted", object());
        // listener calls keep arrival order: once this one is reported, the pushes before it were handled
        session.push(MessageTypes.CHAT_DELIVERED, new Delivered("bob", List.of(2L)));

        assertEquals(new Delivered("bob", List.of(2L)), RecordingListener.next(events.delivered));
        assertTrue(received.isEmpty(), "no push after close: " + received);
        assertEquals(ConnectionState.CONNECTED, client.state(), "unknown pushes do not disturb the connection");
    }

    @Test
    void subscriptionsLastAcrossReconnects() throws Exception {
        BlockingQueue<Push> received = new LinkedBlockingQueue<>();
        client.subscribe(ROLLED, (type, body) -> received.add(new Push(type, body)));
        connectAndLogin();
        server.awaitSession().close();

        FakeSession again = server.awaitSession();
        events.awaitState(ConnectionState.RECONNECTING);
        events.awaitState(ConnectionState.CONNECTED);
        again.push(ROLLED, object().put("value", 6));

        assertEquals(6, RecordingListener.next(received).body().get("value").asInt());
    }

    @Test
    void pushesTheClientHandlesItselfCannotBeSubscribedTo() {
        for (String own : List.of(MessageTypes.CHAT_MESSAGE, MessageTypes.CHAT_DELIVERED, MessageTypes.PRESENCE_UPDATE,
                MessageTypes.SESSION_CLOSED, MessageTypes.ADMIN_NOTICE, MessageTypes.ERROR)) {
            assertThrows(IllegalArgumentException.class, () -> client.subscribe(own, (type, body) -> { }), own);
        }
        assertThrows(IllegalArgumentException.class, () -> client.subscribe("Bad Type", (type, body) -> { }));
        assertThrows(NullPointerException.class, () -> client.subscribe(ROLLED, null));
    }

    @Test
    void serverCapabilitiesComeFromHelloOkWithVersionsWhereGiven() throws Exception {
        assertEquals(Map.of(), client.serverCapabilities(), "nothing known before the first connection");

        await(client.connect());

        Map<String, String> capabilities = client.serverCapabilities();
        assertEquals(List.of("x.dice", "chat.rich"), List.copyOf(capabilities.keySet()), "in the server's order");
        assertEquals("1.2.0", capabilities.get("x.dice"));
        assertEquals("", capabilities.get("chat.rich"), "no version given");
        assertThrows(UnsupportedOperationException.class, () -> capabilities.put("y", "1"));
    }

    @Test
    void serverCapabilitiesFollowAReconnectToAnUpgradedServer() throws Exception {
        connectAndLogin();
        server.plugins = Map.of("x.dice", "2.0.0");
        server.awaitSession().close();

        server.awaitSession();
        events.awaitState(ConnectionState.RECONNECTING);
        events.awaitState(ConnectionState.CONNECTED);

        assertEquals("2.0.0", client.serverCapabilities().get("x.dice"));
    }

    @Test
    void helloListsTheCapabilitiesTheOptionsGive() throws Exception {
        await(client.connect());

        Frame hello = server.awaitRequest(MessageTypes.HELLO);

        List<String> announced = new ArrayList<>();
        hello.body().get("capabilities").forEach(name -> announced.add(name.asText()));
        assertEquals(List.of("x.dice", "x.notes"), announced);
    }

    @Test
    void capabilityOptionsAreCheckedAndDeduplicated() {
        ClientOptions options = ClientOptions.of("h", 1);
        assertEquals(List.of(), options.capabilities());
        assertEquals(List.of("a.b", "c"), options.withCapabilities(List.of("a.b", "c", "a.b")).capabilities());
        assertThrows(IllegalArgumentException.class, () -> options.withCapabilities(List.of("Not Valid")));
        assertThrows(NullPointerException.class, () -> options.withCapabilities(null));
        List<String> tooMany = IntStream.range(0, ClientOptions.MAX_CAPABILITIES + 1)
                .mapToObj(i -> "c" + i).toList();
        assertThrows(IllegalArgumentException.class, () -> options.withCapabilities(tooMany));
        assertFalse(options.withCapabilities(List.of("a")).withTrust(ServerTrust.plain()).capabilities().isEmpty(),
                "kept by the other with-methods");
    }

    private static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }
}
