package org.confab.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.confab.protocol.Frame;
import org.confab.protocol.Protocol;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.Attachment;
import org.confab.protocol.messages.Messages.ChatMessage;
import org.confab.protocol.messages.Messages.ChatSend;
import org.confab.protocol.messages.Messages.ChatSent;
import org.confab.protocol.messages.Messages.Hello;
import org.confab.protocol.messages.Messages.HistoryRequest;
import org.confab.protocol.messages.Messages.MessagePage;
import org.confab.protocol.messages.Messages.SearchRequest;
import org.confab.server.api.AttachmentRef;
import org.confab.server.api.MessageContent;
import org.confab.server.api.MessageService;
import org.confab.server.api.StoredMessage;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Protocol version 2 end to end on the real server and database: rich messages are stored once,
 * delivered offline, found in history and search, and reach a version-1 session as text with a
 * fallback line; the plugin door {@link MessageService} posts like {@code chat.send}.
 */
class RichMessagesTest extends ServerTestSupport {
    private static final ObjectNode META = JsonNodeFactory.instance.objectNode().put("sides", 6).put("rolled", 4)
            .set("history", JsonNodeFactory.instance.arrayNode().add(1).add(6));
    private static final List<Attachment> FILES = List.of(new Attachment("f-1", "report.pdf", 2_202_009, "application/pdf"),
            new Attachment("f_2", "notes.txt", 12, null));

    private static ChatMessage next(TestClient client) throws Exception {
        return client.body(client.await(MessageTypes.CHAT_MESSAGE), ChatMessage.class);
    }

    private static void assertRich(ChatMessage message, String text) {
        assertEquals("x.dice", message.kind());
        assertEquals(text, message.text());
        assertEquals(META, message.meta());
        assertEquals(FILES, message.attachments());
    }

    @Test
    void aRichMessageToAnOfflineUserArrivesIntactAtLoginInHistoryAndInSearch() throws Exception {
        String alice = register("alice");
        String bob = register("bob");
        String word = uniqueName("zq");
        long id;
        long fileId;
        try (TestClient a = loggedIn(alice)) {
            id = a.body(a.request(MessageTypes.CHAT_SEND, new ChatSend(bob, clientId(), "rolled a four " + word, "x.dice", META, FILES)),
                    ChatSent.class).messageId();
            fileId = a.body(a.request(MessageTypes.CHAT_SEND, new ChatSend(bob, clientId(), "", "file", null, FILES.subList(0, 1))),
                    ChatSent.class).messageId();
        }
        try (TestClient b = loggedIn(bob)) {
            ChatMessage pushed = next(b);
            assertEquals(id, pushed.messageId());
            assertRich(pushed, "rolled a four " + word);
            ChatMessage file = next(b);
            assertEquals(fileId, file.messageId());
            assertEquals("file", file.kind());
            assertEquals("", file.text());
            assertNull(file.meta());
            assertEquals(FILES.subList(0, 1), file.attachments());

            MessagePage history = b.body(b.request(MessageTypes.CHAT_HISTORY, new HistoryRequest(alice, null, 10)), MessagePage.class);
            assertEquals(List.of(fileId, id), history.messages().stream().map(ChatMessage::messageId).toList());
            assertRich(history.messages().get(1), "rolled a four " + word);
            assertEquals(FILES.subList(0, 1), history.messages().get(0).attachments());

            MessagePage hits = b.body(b.request(MessageTypes.CHAT_SEARCH, new SearchRequest(null, word.toUpperCase(), null, 10)),
                    MessagePage.class);
            assertEquals(1, hits.messages().size(), "found by its text");
            assertRich(hits.messages().get(0), "rolled a four " + word);
        }
    }

    @Test
    void aResentRichMessageIsStoredOnceWithItsFields() throws Exception {
        String alice = register("alice");
        String dave = register("dave");
        ChatSend send = new ChatSend(dave, clientId(), "once", "x.dice", META, FILES);
        try (TestClient a = loggedIn(alice)) {
            ChatSent first = a.body(a.request(MessageTypes.CHAT_SEND, send), ChatSent.class);
            ChatSent second = a.body(a.request(MessageTypes.CHAT_SEND, send), ChatSent.class);
            assertEquals(first.messageId(), second.messageId());
            assertTrue(second.duplicate());
            MessagePage history = a.body(a.request(MessageTypes.CHAT_HISTORY, new HistoryRequest(dave, null, 50)), MessagePage.class);
            assertEquals(1, history.messages().size());
            assertRich(history.messages().get(0), "once");
        }
    }

    @Test
    void aVersionOneSessionGetsTextAndAFallbackLineAndNoNewFields() throws Exception {
        String alice = register("alice");
        String carol = register("carol");
        try (TestClient a = loggedIn(alice)) {
            a.request(MessageTypes.CHAT_SEND, new ChatSend(carol, clientId(), "rolled", "x.dice", META, List.of()));
            a.request(MessageTypes.CHAT_SEND, new ChatSend(carol, clientId(), "", "file", null, FILES));
            a.request(MessageTypes.CHAT_SEND, new ChatSend(carol, clientId(), "plain as ever"));
        }
        List<String> expected = List.of("rolled\n[x.dice message]", "[file: report.pdf, 2.1 MB; notes.txt, 12 B]", "plain as ever");
        try (TestClient c = loggedIn(carol, 1)) {
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Frame push = c.await(MessageTypes.CHAT_MESSAGE);
                assertVersionOneFields(push.body());
                texts.add(push.body().get("text").textValue());
            }
            assertEquals(expected, texts);

            Frame page = c.request(MessageTypes.CHAT_HISTORY, new HistoryRequest(alice, null, 10));
            List<String> history = new ArrayList<>();
            for (JsonNode message : page.body().get("messages")) {
                assertVersionOneFields(message);
                history.add(message.get("text").textValue());
            }
            assertEquals(expected.reversed(), history);
            assertEquals("chat.send.ok", c.request(MessageTypes.CHAT_SEND, new ChatSend(alice, clientId(), "a v1 reply")).type());
        }
    }

    private static void assertVersionOneFields(JsonNode message) {
        Set<String> fields = new HashSet<>();
        message.fieldNames().forEachRemaining(fields::add);
        fields.removeAll(Set.of("type", "rid"));
        assertEquals(Set.of("messageId", "from", "to", "text", "timestamp", "clientMessageId", "delivered"), fields,
                "only the fields of protocol version 1: " + message);
    }

    @Test
    void onlyVersionsOneAndTwoAreSpoken() throws Exception {
        for (int version : new int[] { 0, Protocol.VERSION + 1 }) {
            try (TestClient client = new TestClient(server())) {
                assertEquals("UNSUPPORTED_VERSION", errorCode(client,
                        client.request(MessageTypes.HELLO, new Hello(version, "wrong", List.of()))));
                assertTrue(client.closedWithin(5000));
            }
        }
        TestClient.connected(server(), null, Protocol.MIN_VERSION).close();
    }

    @Test
    void richMessagesBeyondTheLimitsAreRefusedAndTheConnectionContinues() throws Exception {
        String alice = register("alice");
        String bob = register("bob");
        try (TestClient a = loggedIn(alice)) {
            Map<String, Object> oversizeMeta = Map.of("to", bob, "clientMessageId", clientId(), "text", "t",
                    "meta", Map.of("v", "x".repeat(Protocol.MAX_META_BYTES)));
            assertRefused(a, oversizeMeta, "field 'meta'");
            Map<String, Object> attachment = Map.of("id", "a", "name", "n", "size", 1);
            Map<String, Object> tooMany = Map.of("to", bob, "clientMessageId", clientId(), "kind", "file",
                    "attachments", Collections.nCopies(Protocol.MAX_ATTACHMENTS + 1, attachment));
            assertRefused(a, tooMany, "field 'attachments'");
            assertRefused(a, Map.of("to", bob, "clientMessageId", clientId(), "text", "t", "kind", "Dice!"), "field 'kind'");
            assertRefused(a, Map.of("to", bob, "clientMessageId", clientId(), "kind", "file",
                    "attachments", List.of(Map.of("id", "../x", "name", "n", "size", 1))), "field 'attachments[0].id'");

            assertEquals("chat.send.ok", a.request(MessageTypes.CHAT_SEND, new ChatSend(bob, clientId(), "still here")).type());
            MessagePage history = a.body(a.request(MessageTypes.CHAT_HISTORY, new HistoryRequest(bob, null, 10)), MessagePage.class);
            assertEquals(List.of("still here"), history.messages().stream().map(ChatMessage::text).toList(), "nothing refused was stored");
        }
    }

    private static void assertRefused(TestClient client, Map<String, Object> body, String field) throws Exception {
        Frame answer = client.request(MessageTypes.CHAT_SEND, body);
        assertEquals("BAD_REQUEST", errorCode(client, answer));
        String message = answer.body().get("message").textValue();
        assertTrue(message.startsWith("chat.send: ") && message.contains(field), message);
    }

    @Test
    void aPluginPostsThroughMessageServiceLikeChatSend() throws Exception {
        MessageService service = Services.await(MessageService.class, 60_000);
        String alice = register("alice");
        String erin = register("erin");
        MessageContent content = new MessageContent("x.dice", "rolled 4", META.toString(),
                List.of(new AttachmentRef("f-1", "report.pdf", 2_202_009, "application/pdf")));
        StoredMessage stored;
        try (TestClient a = loggedIn(alice); TestClient e = loggedIn(erin); TestClient old = loggedIn(erin, 1)) {
            stored = service.post(alice, erin, content).get(10, TimeUnit.SECONDS);
            assertEquals(content, stored.content());
            assertTrue(stored.clientMessageId().startsWith("server-"), stored.clientMessageId());

            ChatMessage toRecipient = next(e);
            assertEquals(stored.id(), toRecipient.messageId());
            assertEquals("x.dice", toRecipient.kind());
            assertEquals(META, toRecipient.meta());
            ChatMessage toSender = next(a);
            assertEquals(stored.id(), toSender.messageId(), "the sender's own sessions learn of it too");
            assertEquals("rolled 4\n[x.dice: report.pdf, 2.1 MB]", next(old).text());
        }

        ExecutionException unknown = assertThrows(ExecutionException.class,
                () -> service.post(alice, uniqueName("nobody"), MessageContent.text("hi")).get(10, TimeUnit.SECONDS));
        assertInstanceOf(IllegalArgumentException.class, unknown.getCause());
        ExecutionException badKind = assertThrows(ExecutionException.class,
                () -> service.post(alice, erin, new MessageContent("Bad Kind", "x", null, List.of())).get(10, TimeUnit.SECONDS));
        assertTrue(badKind.getCause().getMessage().contains("'kind'"), badKind.getCause().getMessage());
        ExecutionException badMeta = assertThrows(ExecutionException.class,
                () -> service.post(alice, erin, new MessageContent("x.dice", "", "[1]", List.of())).get(10, TimeUnit.SECONDS));
        assertTrue(badMeta.getCause().getMessage().contains("'meta'"), badMeta.getCause().getMessage());
        try (TestClient e = loggedIn(erin)) {
            MessagePage history = e.body(e.request(MessageTypes.CHAT_HISTORY, new HistoryRequest(alice, null, 10)), MessagePage.class);
            assertEquals(List.of(stored.id()), history.messages().stream().map(ChatMessage::messageId).toList(),
                    "stored once; the refused posts stored nothing");
        }
    }
}
