package org.confab.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.felix.service.command.CommandProcessor;
import org.confab.client.core.ClientOptions;
import org.confab.client.core.ConfabClient;
import org.confab.client.core.ConfabException;
import org.confab.client.core.PushSubscription;
import org.confab.client.core.ServerTrust;
import org.confab.protocol.ErrorCode;
import org.apache.felix.service.command.CommandSession;
import org.confab.protocol.Frame;
import org.confab.protocol.FrameCodec;
import org.confab.protocol.Protocol;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.ChatSend;
import org.confab.protocol.messages.Messages.Hello;
import org.confab.server.api.ClientSession;
import org.confab.server.api.MessageHandler;
import org.confab.server.api.MessageListener;
import org.confab.server.api.PluginDataLocation;
import org.confab.server.api.SessionListener;
import org.confab.server.api.StoredMessage;
import org.confab.server.api.UserSessions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Contract tests of the server's plugin doors, used as a plugin uses them: services registered at run
 * time in the running server's framework, exercised by clients over real sockets.
 */
class PluginDoorsTest extends ServerTestSupport {

    private static final FrameCodec CODEC = new FrameCodec();

    private final BundleContext context = FrameworkUtil.getBundle(PluginDoorsTest.class).getBundleContext();
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    @AfterEach
    void unregister() {
        registrations.forEach(ServiceRegistration::unregister);
        registrations.clear();
    }

    private <T> ServiceRegistration<T> register(Class<T> type, T service, Map<String, Object> properties) {
        Dictionary<String, Object> dictionary = new Hashtable<>(properties);
        ServiceRegistration<T> registration = context.registerService(type, service, dictionary);
        registrations.add(registration);
        return registration;
    }

    /** A handler that answers every request with its name and the request's text. */
    private static MessageHandler answering(String name) {
        return (session, frame) -> {
            ObjectNode body = CODEC.mapper().createObjectNode().put("handler", name)
                    .put("text", frame.body().path("text").asText());
            session.send(new Frame(frame.okType(), frame.rid(), body));
        };
    }

    private static ObjectNode text(String text) {
        return CODEC.mapper().createObjectNode().put("text", text);
    }

    private static Frame hello(TestClient client) throws Exception {
        return client.request(MessageTypes.HELLO, new Hello(Protocol.VERSION, "plugin-doors-test", List.of()));
    }

    @Test
    void aPluginHandlerAnswersItsTypeAndItsCapabilityIsAnnouncedUntilItGoesAway() throws Exception {
        String alice = register("doors");
        ServiceRegistration<MessageHandler> echo = register(MessageHandler.class, answering("echo"),
                Map.of(MessageHandler.TYPES, "x.doors.echo", MessageHandler.CAPABILITY, "x.doors"));
        String version = context.getBundle().getVersion().getMajor() + "." + context.getBundle().getVersion().getMinor()
                + "." + context.getBundle().getVersion().getMicro();
        try (TestClient client = new TestClient(server())) {
            Frame ok = hello(client);
            assertTrue(ok.body().path("capabilities").toString().contains("\"x.doors\""), ok.toString());
            assertEquals(version, ok.body().path("plugins").path("x.doors").asText(), ok.toString());
            assertEquals("auth.finish.ok", client.login(alice, PASSWORD).type());

            Frame answer = client.request("x.doors.echo", text("hello plugin"));
            assertEquals("x.doors.echo.ok", answer.type(), answer.toString());
            assertEquals("hello plugin", answer.body().path("text").asText());

            echo.unregister();
            registrations.remove(echo);
            assertEquals("UNKNOWN_TYPE", errorCode(client, client.request("x.doors.echo", text("again"))));
        }
        try (TestClient later = new TestClient(server())) {
            Frame ok = hello(later);
            assertFalse(ok.body().path("capabilities").toString().contains("x.doors"), ok.toString());
            assertTrue(ok.body().path("plugins").path("x.doors").isMissingNode(), ok.toString());
        }
    }

    @Test
    void aPluginTypeNeedsALoginUnlessTheHandlerSaysOtherwise() throws Exception {
        register(MessageHandler.class, answering("private"), Map.of(MessageHandler.TYPES, "x.doors.private"));
        register(MessageHandler.class, answering("public"),
                Map.of(MessageHandler.TYPES, "x.doors.public", MessageHandler.REQUIRES_LOGIN, false));
        try (TestClient anonymous = TestClient.connected(server())) {
            assertEquals("NOT_AUTHENTICATED", errorCode(anonymous, anonymous.request("x.doors.private", text("-"))));
            assertEquals("x.doors.public.ok", anonymous.request("x.doors.public", text("-")).type());
        }
    }

    @Test
    void aPluginPushesToAnotherUsersSessionsThroughUserSessions() throws Exception {
        UserSessions sessions = Services.await(UserSessions.class, 60_000);
        register(MessageHandler.class, (session, frame) -> {
            String to = frame.body().path("to").asText();
            ObjectNode push = CODEC.mapper().createObjectNode().put("from", session.username().orElseThrow());
            int all = sessions.push(to, new Frame("x.doors.poked", 0, push));
            int capable = sessions.push(to, "x.doors", new Frame("x.doors.nudged", 0, push));
            session.send(new Frame(frame.okType(), frame.rid(),
                    CODEC.mapper().createObjectNode().put("all", all).put("capable", capable)));
        }, Map.of(MessageHandler.TYPES, "x.doors.poke"));
        String alice = register("poker");
        String bob = register("poked");
        try (TestClient a = loggedIn(alice); TestClient plain = loggedIn(bob); TestClient capable = new TestClient(server())) {
            capable.request(MessageTypes.HELLO, new Hello(Protocol.VERSION, "capable", List.of("x.doors")));
            assertEquals("auth.finish.ok", capable.login(bob, PASSWORD).type());

            Frame answer = a.request("x.doors.poke", CODEC.mapper().createObjectNode().put("to", bob));

            assertEquals(2, answer.body().path("all").asInt(), answer.toString());
            assertEquals(1, answer.body().path("capable").asInt(), "only the client that announced x.doors: " + answer);
            assertEquals(alice, plain.await("x.doors.poked").body().path("from").asText());
            assertEquals(alice, capable.await("x.doors.poked").body().path("from").asText());
            assertEquals(alice, capable.await("x.doors.nudged").body().path("from").asText());
            assertTrue(sessions.isOnline(bob));
            // the plain client gets its pushes in order: a ping answered after the poke proves nothing followed it
            assertEquals("ping.ok", plain.request(MessageTypes.PING).type());
            assertFalse(plain.receives("x.doors.nudged", 0), "a client without the capability gets no x.doors.nudged");
        }
    }

    @Test
    void theClientLibrarySendsAPluginRequestAndReceivesItsPushesAndCapabilities() throws Exception {
        UserSessions sessions = Services.await(UserSessions.class, 60_000);
        register(MessageHandler.class, (session, frame) -> {
            String to = frame.body().path("to").asText();
            ObjectNode push = CODEC.mapper().createObjectNode().put("from", session.username().orElseThrow())
                    .put("text", frame.body().path("text").asText());
            int reached = sessions.push(to, "x.doors", new Frame("x.doors.note", 0, push));
            session.send(new Frame(frame.okType(), frame.rid(), CODEC.mapper().createObjectNode().put("reached", reached)));
        }, Map.of(MessageHandler.TYPES, "x.doors.note.send", MessageHandler.CAPABILITY, "x.doors"));
        String alice = register("libsend");
        String bob = register("libget");
        BlockingQueue<String> notes = new LinkedBlockingQueue<>();
        try (ConfabClient sender = library(List.of()); ConfabClient receiver = library(List.of("x.doors"))) {
            sender.login(alice, PASSWORD).get(10, TimeUnit.SECONDS);
            receiver.login(bob, PASSWORD).get(10, TimeUnit.SECONDS);
            assertTrue(sender.serverCapabilities().containsKey("x.doors"), sender.serverCapabilities().toString());
            try (PushSubscription subscription = receiver.subscribe("x.doors.note",
                    (type, body) -> notes.add(body.path("from").asText() + ": " + body.path("text").asText()))) {
                ObjectNode answer = sender.request("x.doors.note.send",
                        CODEC.mapper().createObjectNode().put("to", bob).put("text", "through the library"))
                        .get(10, TimeUnit.SECONDS);
                assertEquals(1, answer.path("reached").asInt(), answer.toString());
                assertEquals(alice + ": through the library", notes.poll(10, TimeUnit.SECONDS));
            }
            ExecutionException refused = assertThrows(ExecutionException.class,
                    () -> sender.request("x.doors.nothing", CODEC.mapper().createObjectNode()).get(10, TimeUnit.SECONDS));
            assertTrue(refused.getCause() instanceof ConfabException failure && failure.code() == ErrorCode.UNKNOWN_TYPE,
                    String.valueOf(refused.getCause()));
        }
    }

    private static ConfabClient library(List<String> capabilities) throws Exception {
        ConfabClient client = new ConfabClient(ClientOptions.of("127.0.0.1", server().getPort())
                .withTrust(ServerTrust.pinned(fingerprint())).withCapabilities(capabilities));
        client.connect().get(10, TimeUnit.SECONDS);
        return client;
    }

    @Test
    void aSecondClaimOnATypeIsRefusedAndTakesOverWhenTheFirstGoesAway() throws Exception {
        String alice = register("claims");
        ServiceRegistration<MessageHandler> first = register(MessageHandler.class, answering("first"),
                Map.of(MessageHandler.TYPES, "x.doors.claimed"));
        register(MessageHandler.class, answering("second"), Map.of(MessageHandler.TYPES, "x.doors.claimed"));
        try (TestClient client = loggedIn(alice)) {
            assertEquals("first", client.request("x.doors.claimed", text("-")).body().path("handler").asText());
            String table = console("confab:handlers");
            assertTrue(table.contains("x.doors.claimed") && table.contains("waiting:"), table);

            first.unregister();
            registrations.remove(first);
            assertEquals("second", client.request("x.doors.claimed", text("-")).body().path("handler").asText());
        }
    }

    @Test
    void eachRateClassHasABudgetOfItsOwn() throws Exception {
        // the suite's chat budget is 500/s with a burst of 1000; bulk keeps its default of 400/s and 800
        register(MessageHandler.class, answering("bulk"),
                Map.of(MessageHandler.TYPES, "x.doors.chunk", MessageHandler.RATE_CLASS, "bulk"));
        register(MessageHandler.class, answering("chat"), Map.of(MessageHandler.TYPES, "x.doors.chat"));
        String alice = register("bulky");
        try (TestClient client = loggedIn(alice)) {
            List<Long> rids = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                rids.add(client.sendRequest("x.doors.chunk", text("chunk " + i)));
            }
            int refused = 0;
            for (long rid : rids) {
                Frame answer = client.response(rid);
                if (answer.type().equals("error")) {
                    assertEquals("RATE_LIMITED", errorCode(client, answer));
                    refused++;
                }
            }
            assertTrue(refused > 0, "1,000 bulk requests at once exceed the bulk burst of 800");
            Frame chat = client.request("x.doors.chat", text("still here"));
            assertEquals("x.doors.chat.ok", chat.type(), "the chat budget is separate: " + chat);
        }
    }

    @Test
    void sessionAndMessageListenersHearLoginsStoredMessagesAndLogouts() throws Exception {
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        register(SessionListener.class, new SessionListener() {
            @Override
            public void loggedIn(ClientSession session) {
                events.add("in " + session.username().orElseThrow());
            }

            @Override
            public void loggedOut(ClientSession session) {
                events.add("out " + session.username().orElseThrow());
            }
        }, Map.of());
        register(MessageListener.class, (StoredMessage message) -> events.add("stored " + message.sender() + ">"
                + message.recipient() + " " + message.text()), Map.of());
        register(SessionListener.class, new SessionListener() {
            @Override
            public void loggedIn(ClientSession session) {
                throw new IllegalStateException("a faulty plugin must not break logins");
            }
        }, Map.of());
        String alice = register("heard");
        String bob = register("heardto");
        try (TestClient a = loggedIn(alice)) {
            assertEquals("in " + alice, next(events, alice));
            a.request(MessageTypes.CHAT_SEND, new ChatSend(bob, clientId(), "for the listeners"));
            assertEquals("stored " + alice + ">" + bob + " for the listeners", next(events, alice));
        }
        assertEquals("out " + alice, next(events, alice));
    }

    /** The next event about {@code user} (other tests' users may log in meanwhile). */
    private static String next(BlockingQueue<String> events, String user) throws InterruptedException {
        while (true) {
            String event = events.poll(10, TimeUnit.SECONDS);
            if (event == null) {
                throw new AssertionError("no event about " + user);
            }
            if (event.contains(user)) {
                return event;
            }
        }
    }

    @Test
    void aPluginGetsADirectoryOfItsOwnReadableOnlyByTheServer() throws Exception {
        PluginDataLocation location = Services.await(PluginDataLocation.class, 60_000);
        Path directory = location.directory("x.doors");
        assertTrue(Files.isDirectory(directory));
        assertEquals("plugins", directory.getParent().getFileName().toString());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(directory)));
        assertThrows(IllegalArgumentException.class, () -> location.directory("../escape"));
        assertThrows(IllegalArgumentException.class, () -> location.directory("x/../../etc"));
    }

    private static String console(String command) throws Exception {
        CommandProcessor processor = Services.await(CommandProcessor.class, 60_000);
        CommandSession session = processor.createSession(new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));
        try {
            return String.valueOf(session.execute(command));
        } finally {
            session.close();
        }
    }
}
