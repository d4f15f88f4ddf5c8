package org.confab.protocol.messages;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.confab.protocol.Frame;
import org.confab.protocol.FrameCodec;
import org.confab.protocol.FrameReader;
import org.confab.protocol.FrameWriter;
import org.confab.protocol.Protocol;
import org.confab.protocol.messages.AdminMessages.AddUser;
import org.confab.protocol.messages.AdminMessages.AuditEntry;
import org.confab.protocol.messages.AdminMessages.AuditPage;
import org.confab.protocol.messages.AdminMessages.AuditQuery;
import org.confab.protocol.messages.AdminMessages.Broadcast;
import org.confab.protocol.messages.AdminMessages.BroadcastResult;
import org.confab.protocol.messages.AdminMessages.DeleteUser;
import org.confab.protocol.messages.AdminMessages.Kick;
import org.confab.protocol.messages.AdminMessages.KickResult;
import org.confab.protocol.messages.AdminMessages.Notice;
import org.confab.protocol.messages.AdminMessages.OnlineList;
import org.confab.protocol.messages.AdminMessages.OnlineSession;
import org.confab.protocol.messages.AdminMessages.StatusReport;
import org.confab.protocol.messages.ClusterMessages.ClusterHealth;
import org.confab.protocol.messages.ClusterMessages.ClusterReport;
import org.confab.protocol.messages.ClusterMessages.NodeEntry;
import org.confab.protocol.messages.AdminMessages.UpdateUser;
import org.confab.protocol.messages.AdminMessages.UserDeleted;
import org.confab.protocol.messages.AdminMessages.UserEntry;
import org.confab.protocol.messages.AdminMessages.UserPage;
import org.confab.protocol.messages.AdminMessages.UserQuery;
import org.confab.protocol.messages.Messages.Attachment;
import org.confab.protocol.messages.Messages.AuthChallenge;
import org.confab.protocol.messages.Messages.AuthFinish;
import org.confab.protocol.messages.Messages.AuthOk;
import org.confab.protocol.messages.Messages.AuthStart;
import org.confab.protocol.messages.Messages.ChatAck;
import org.confab.protocol.messages.Messages.ChatMessage;
import org.confab.protocol.messages.Messages.ChatSend;
import org.confab.protocol.messages.Messages.ChatSent;
import org.confab.protocol.messages.Messages.Delivered;
import org.confab.protocol.messages.Messages.ErrorBody;
import org.confab.protocol.messages.Messages.Hello;
import org.confab.protocol.messages.Messages.HelloOk;
import org.confab.protocol.messages.Messages.HistoryRequest;
import org.confab.protocol.messages.Messages.MessagePage;
import org.confab.protocol.messages.Messages.PresenceEntry;
import org.confab.protocol.messages.Messages.SetStatus;
import org.confab.protocol.messages.Messages.Typing;
import org.confab.protocol.messages.Messages.TypingRequest;
import org.confab.protocol.messages.Messages.PresenceList;
import org.confab.protocol.messages.Messages.ChangePassword;
import org.confab.protocol.messages.Messages.Register;
import org.confab.protocol.messages.Messages.Registered;
import org.confab.protocol.messages.Messages.SearchRequest;
import org.confab.protocol.messages.Messages.SessionClosed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Every message record survives record → frame → bytes → stream → frame → record unchanged. */
class MessageRoundTripTest {

    private static final FrameCodec CODEC = new FrameCodec();

    private static final ChatMessage MESSAGE = new ChatMessage(9_007_199_254_740_993L, "alice", "bob",
            "Hi Bob \uD83D\uDC4B \"quoted\" \\ back\nslash, ünïcödé", 1_764_000_000_123L, "c-1", true);
    private static final ChatMessage MESSAGE_WITHOUT_CLIENT_ID = new ChatMessage(1, "bob", "alice", "x", 0, null,
            false);

    private static final ObjectNode META = CODEC.mapper().createObjectNode().put("sides", 6).put("label", "d6 \u2684")
            .set("rolls", CODEC.mapper().createArrayNode().add(4).add(2.5).add(true));
    private static final List<Attachment> FILES = List.of(new Attachment("a-1", "report.pdf", 2_202_009, "application/pdf"),
            new Attachment("b_2", "notes \u00fc.txt", 0, null));
    private static final ChatMessage RICH_MESSAGE = new ChatMessage(10, "alice", "bob", "", 1_764_000_000_124L, "c-2", false,
            "x.dice", META, FILES);

    static Stream<Arguments> messages() {
        return Stream.of(
                Arguments.of(MessageTypes.HELLO, new Hello(Protocol.VERSION, "confab-cli/0.1", List.of("filetransfer"))),
                Arguments.of(MessageTypes.HELLO, new Hello(Protocol.VERSION, null, null)),
                Arguments.of(MessageTypes.ok(MessageTypes.HELLO), new HelloOk(Protocol.VERSION, "confab-server/0.1",
                        Protocol.DEFAULT_MAX_FRAME_BYTES, 30, 90, List.of("filetransfer", "screenshot"))),
                Arguments.of(MessageTypes.ok(MessageTypes.HELLO), new HelloOk(Protocol.VERSION, "confab-server/0.1",
                        Protocol.DEFAULT_MAX_FRAME_BYTES, 30, 90, List.of("x.dice"), Map.of("x.dice", "1.2.3"))),
                Arguments.of(MessageTypes.REGISTER, new Register("alice", "correct horse battery", "Alice A.")),
                Arguments.of(MessageTypes.REGISTER, new Register("alice", "correct horse battery", null)),
                Arguments.of(MessageTypes.ok(MessageTypes.REGISTER), new Registered("alice", "Alice A.")),
                Arguments.of(MessageTypes.CHANGE_PASSWORD, new ChangePassword("correct horse battery", "battery staple 42")),
                Arguments.of(MessageTypes.AUTH_START, new AuthStart("alice", "rOprNGfwEbeRWgbNEkqO")),
                Arguments.of(MessageTypes.ok(MessageTypes.AUTH_START),
                        new AuthChallenge("W22ZaJ0SNY7soEsUEjb6gQ==", 4096, "rOprNGfwEbeRWgbNEkqO%hvYDpWUa2")),
                Arguments.of(MessageTypes.AUTH_FINISH,
                        new AuthFinish("rOprNGfwEbeRWgbNEkqO%hvYDpWUa2", "dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=")),
                Arguments.of(MessageTypes.ok(MessageTypes.AUTH_FINISH),
                        new AuthOk("alice", "Alice A.", true, "6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=")),
                Arguments.of(MessageTypes.CHAT_SEND, new ChatSend("bob", "c-1", "x".repeat(Protocol.MAX_TEXT_LENGTH))),
                Arguments.of(MessageTypes.CHAT_SEND, new ChatSend("bob", "c-2", "", "x.dice", META, FILES)),
                Arguments.of(MessageTypes.CHAT_SEND, new ChatSend("bob", "c-3", "see attached", MessageKinds.TEXT, null, FILES)),
                Arguments.of(MessageTypes.CHAT_MESSAGE, RICH_MESSAGE),
                Arguments.of(MessageTypes.ok(MessageTypes.CHAT_SEND), new ChatSent(Long.MAX_VALUE, 1_764_000_000_123L, true)),
                Arguments.of(MessageTypes.CHAT_MESSAGE, MESSAGE),
                Arguments.of(MessageTypes.CHAT_MESSAGE, MESSAGE_WITHOUT_CLIENT_ID),
                Arguments.of(MessageTypes.CHAT_ACK, new ChatAck(List.of(1L, 2L, Long.MAX_VALUE))),
                Arguments.of(MessageTypes.CHAT_DELIVERED, new Delivered("bob", List.of(5L, 6L))),
                Arguments.of(MessageTypes.CHAT_HISTORY, new HistoryRequest("bob", 120L, 50)),
                Arguments.of(MessageTypes.CHAT_HISTORY, new HistoryRequest("bob", null, Protocol.MAX_PAGE_SIZE)),
                Arguments.of(MessageTypes.CHAT_SEARCH, new SearchRequest("bob", "lunch", 99L, 1)),
                Arguments.of(MessageTypes.CHAT_SEARCH, new SearchRequest(null, "lunch", null, 20)),
                Arguments.of(MessageTypes.ok(MessageTypes.CHAT_HISTORY),
                        new MessagePage(List.of(MESSAGE, MESSAGE_WITHOUT_CLIENT_ID, RICH_MESSAGE), true)),
                Arguments.of(MessageTypes.ok(MessageTypes.CHAT_SEARCH), new MessagePage(List.of(), false)),
                Arguments.of(MessageTypes.ok(MessageTypes.PRESENCE_LIST), new PresenceList(List.of(
                        new PresenceEntry("alice", "Alice A.", true), new PresenceEntry("bob", "bob", false)))),
                Arguments.of(MessageTypes.PRESENCE_UPDATE, new PresenceEntry("alice", "Alice A.", false)),
                Arguments.of(MessageTypes.PRESENCE_UPDATE, new PresenceEntry("alice", "Alice A.", true, PresenceStatus.BUSY)),
                Arguments.of(MessageTypes.PRESENCE_SET, new SetStatus(PresenceStatus.AWAY)),
                Arguments.of(MessageTypes.CHAT_TYPING, new TypingRequest("bob", true)),
                Arguments.of(MessageTypes.CHAT_READ, new Messages.ReadRequest("bob", 42)),
                Arguments.of(MessageTypes.ok(MessageTypes.CHAT_READ), new Messages.ReadState("bob", 42, 17)),
                Arguments.of(MessageTypes.CHAT_READ_UPDATE, new Messages.ReadMark("alice", "bob", 42)),
                Arguments.of(MessageTypes.CHAT_TYPING_UPDATE, new Typing("alice", false)),
                Arguments.of(MessageTypes.SESSION_CLOSED, new SessionClosed("IDLE_TIMEOUT", "no frame for 90 s")),
                Arguments.of(MessageTypes.ERROR, new ErrorBody("BAD_REQUEST", "chat.send: field 'text' is required")));
    }

    private static final UserEntry USER = new UserEntry("carol", "Carol \uD83D\uDC4B", true, false, true, 1_763_990_000_000L,
            null);
    private static final UserEntry BANNED = new UserEntry("oscar", "Oscar", false, true, false, 1, Long.MAX_VALUE);

    static Stream<Arguments> adminMessages() {
        return Stream.of(
                Arguments.of(MessageTypes.ADMIN_USERS, new UserQuery("ca", 400, Protocol.MAX_PAGE_SIZE)),
                Arguments.of(MessageTypes.ADMIN_USERS, new UserQuery(null, null, 1)),
                Arguments.of(MessageTypes.ok(MessageTypes.ADMIN_USERS), new UserPage(List.of(USER, BANNED), 402, true)),
                Arguments.of(MessageTypes.ADMIN_USER_ADD, new AddUser("dave", "correct horse", "Dave", true)),
                Arguments.of(MessageTypes.ADMIN_USER_ADD, new AddUser("dave", "correct horse", null, null)),
                Arguments.of(MessageTypes.ok(MessageTypes.ADMIN_USER_ADD), USER),
                Arguments.of(MessageTypes.ADMIN_USER_UPDATE, new UpdateUser("dave", "D", "new password", false, true, true)),
                Arguments.of(MessageTypes.ADMIN_USER_UPDATE, new UpdateUser("dave", null, null, null, false, null)),
                Arguments.of(MessageTypes.ok(MessageTypes.ADMIN_USER_UPDATE), BANNED),
                Arguments.of(MessageTypes.ADMIN_USER_DELETE, new DeleteUser("dave")),
                Arguments.of(MessageTypes.ok(MessageTypes.ADMIN_USER_DELETE), new UserDeleted("dave", 3)),
                Arguments.of(MessageTypes.ok(MessageTypes.ADMIN_ONLINE), new OnlineList(List.of(
                        new OnlineSession(17, "alice", "[2001:db8::7]:50412", 1_764_000_000_500L, 4, "confab-cli/0.1"),
                        new OnlineSession(18, "bob", "192.0.2.7:1", 0, 0, null)))),
                Arguments.of(MessageTypes.ok(MessageTypes.ADMIN_ONLINE), new OnlineList(List.of(
                        new OnlineSession(17, "alice", "192.0.2.7:50412", 1, 4, null, "n1"),
                        new OnlineSession(18, "bob", "192.0.2.8:1", 0, 0, "confab-cli/0.1", "n2")), List.of("n3"))),
                Arguments.of(MessageTypes.ok(ClusterMessages.CLUSTER), new ClusterReport("confab", "n1", List.of(
                        new NodeEntry("n1", "SERVING", 2, true, "[2001:db8::1]:7771"),
                        new NodeEntry("n2", "DEAD", 0, false, null)))),
                Arguments.of(MessageTypes.ADMIN_KICK, new Kick("carol", "please stop", AdminMessages.MAX_BAN_MINUTES)),
                Arguments.of(MessageTypes.ADMIN_KICK, new Kick("carol", null, null)),
                Arguments.of(MessageTypes.ok(MessageTypes.ADMIN_KICK), new KickResult("carol", 2, 1_764_003_700_000L)),
                Arguments.of(MessageTypes.ok(MessageTypes.ADMIN_KICK), new KickResult("carol", 0, null)),
                Arguments.of(MessageTypes.ADMIN_BROADCAST, new Broadcast("x".repeat(AdminMessages.MAX_NOTICE))),
                Arguments.of(MessageTypes.ok(MessageTypes.ADMIN_BROADCAST), new BroadcastResult(42)),
                Arguments.of(MessageTypes.ADMIN_NOTICE, new Notice("console", "restart at 18:00", 1_764_000_300_000L)),
                Arguments.of(MessageTypes.ADMIN_AUDIT, new AuditQuery(311L, 2)),
                Arguments.of(MessageTypes.ADMIN_AUDIT, new AuditQuery(null, 200)),
                Arguments.of(MessageTypes.ok(MessageTypes.ADMIN_AUDIT), new AuditPage(List.of(
                        new AuditEntry(311, 1_764_000_300_000L, "alice", "kick", "carol", "192.0.2.7:50412", "closed 1 session"),
                        new AuditEntry(310, 1, "console", "broadcast", null, "console", "sent to 0 sessions: 'hi'")), true)),
                Arguments.of(MessageTypes.ok(MessageTypes.ADMIN_STATUS),
                        new StatusReport(1_763_990_000_000L, 10_300, 45, 42, 39, 120, 5310, "H2 2.3.232 (2024-08-11)", 123_456_789L, 4_294_967_296L)),
                Arguments.of(MessageTypes.ok(MessageTypes.ADMIN_STATUS),
                        new StatusReport(1, 2, 3, 2, 1, 120, 5310, "MariaDB 11.4.4-MariaDB", 4, 5)
                                .withCluster(new ClusterHealth("confab", "n1", ClusterHealth.DEGRADED, 3, 2))));
    }

    /** Records that only travel as list elements; their pages' cases cover them. */
    private static final Set<Class<?>> NESTED_ONLY = Set.of(AuditEntry.class, OnlineSession.class, Attachment.class,
            ClusterHealth.class);

    static Stream<Arguments> allMessages() {
        return Stream.concat(messages(), adminMessages());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("allMessages")
    void survivesTheWire(String type, Record message) throws Exception {
        long rid = type.equals(MessageTypes.CHAT_MESSAGE) ? 0 : 77;
        Frame frame = CODEC.frame(type, rid, message);

        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        new FrameWriter(wire, CODEC).write(frame);
        FrameReader reader = new FrameReader(new ByteArrayInputStream(wire.toByteArray()), CODEC);
        Frame received = reader.read().orElseThrow();
        assertFalse(reader.read().isPresent());

        assertEquals(type, received.type());
        assertEquals(rid, received.rid());
        // Compared as JSON text: the parser may pick a narrower number node than the record produced.
        assertArrayEquals(CODEC.encode(frame), CODEC.encode(received));
        assertEquals(message, CODEC.read(received, message.getClass()));
        assertEquals(message, CODEC.read(CODEC.decode(CODEC.encode(frame)), message.getClass()));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("allMessages")
    void wireFieldsAreTheRecordComponentsAndNullsAreOmitted(String type, Record message) throws Exception {
        JsonNode json = CODEC.mapper().readTree(CODEC.encode(CODEC.frame(type, 3, message)));
        Set<String> expected = new LinkedHashSet<>(List.of("type", "rid"));
        for (var component : message.getClass().getRecordComponents()) {
            Object value = component.getAccessor().invoke(message);
            // the version-2 fields keep a plain text message as it was in version 1: the default kind and
            // an empty attachment list are left out like nulls
            boolean omitted = value == null || component.getName().equals("kind") && MessageKinds.TEXT.equals(value)
                    || component.getName().equals("attachments") && ((List<?>) value).isEmpty()
                    // a single server's admin.online.ok stays as it was: no empty list of missing nodes
                    || component.getName().equals("missingNodes") && ((List<?>) value).isEmpty();
            if (!omitted) {
                expected.add(component.getName());
            }
        }
        Set<String> actual = json.properties().stream().map(Map.Entry::getKey)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        assertEquals(expected, actual);
        assertEquals(type, json.get("type").textValue());
    }

    @Test
    void everyCoreTypeHasARoundTripCase() throws IllegalAccessException {
        Set<String> covered = allMessages().map(a -> (String) a.get()[0]).collect(Collectors.toSet());
        for (var field : MessageTypes.class.getFields()) {
            String type = (String) field.get(null);
            if (!Set.of(MessageTypes.PING, MessageTypes.LOGOUT).contains(type)) { // bodiless frames (admin.online and
                // admin.status are bodiless too, but their answers are covered)
                assertTrue(covered.contains(type) || covered.contains(MessageTypes.ok(type)), type);
            }
        }
        assertEquals(Set.of(), Stream.of(Messages.class.getClasses(), AdminMessages.class.getClasses()).flatMap(Arrays::stream)
                .filter(c -> !NESTED_ONLY.contains(c))
                .filter(c -> allMessages().noneMatch(a -> a.get()[1].getClass() == c)).collect(Collectors.toSet()),
                "records without a round-trip case");
    }

    @Test
    void aPlainTextMessageIsTheSameOnTheWireAsInVersionOne() throws Exception {
        assertEquals("{\"type\":\"chat.send\",\"rid\":5,\"to\":\"bob\",\"clientMessageId\":\"c\",\"text\":\"hi\"}",
                new String(CODEC.encode(CODEC.frame(MessageTypes.CHAT_SEND, 5, new ChatSend("bob", "c", "hi"))),
                        java.nio.charset.StandardCharsets.UTF_8));
        ChatSend withDefaults = CODEC.read(CODEC.decode(
                "{\"type\":\"chat.send\",\"to\":\"bob\",\"clientMessageId\":\"c\",\"text\":\"hi\",\"meta\":{},\"attachments\":[]}"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)), ChatSend.class);
        assertEquals(new ChatSend("bob", "c", "hi"), withDefaults, "an empty meta object and attachment list mean none");
    }

    @Test
    void bodilessFramesRoundTrip() throws Exception {
        for (String type : List.of(MessageTypes.PING, MessageTypes.ok(MessageTypes.PING), MessageTypes.LOGOUT)) {
            Frame decoded = CODEC.decode(CODEC.encode(Frame.of(type, 12)));
            assertEquals(type, decoded.type());
            assertEquals(12, decoded.rid());
            assertEquals(0, decoded.body().size());
        }
    }
}
