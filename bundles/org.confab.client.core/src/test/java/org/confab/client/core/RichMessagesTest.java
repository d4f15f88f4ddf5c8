package org.confab.client.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.confab.protocol.Frame;
import org.confab.protocol.Protocol;
import org.confab.protocol.messages.MessageKinds;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.Attachment;
import org.confab.protocol.messages.Messages.ChatMessage;
import org.confab.protocol.messages.Messages.ChatSent;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Protocol version 2 in the client library: the hello, rich sends and their resends, rich pushes. */
class RichMessagesTest extends ClientTestSupport {

    private static final ObjectNode META = JsonNodeFactory.instance.objectNode().put("sides", 6).put("rolled", 4);
    private static final List<Attachment> FILES = List.of(new Attachment("f-1", "report.pdf", 2_202_009, "application/pdf"));

    @Test
    void theClientSaysHelloWithTheNewestVersion() throws Exception {
        connectAndLogin();
        assertEquals(Protocol.VERSION, server.awaitRequest(MessageTypes.HELLO).body().get("version").intValue());
        assertEquals(2, Protocol.VERSION);
    }

    @Test
    void aRichMessageGoesOutWithEveryField() throws Exception {
        connectAndLogin();

        await(client.send("bob", new OutgoingMessage("cm-r", "x.dice", "", META, FILES)));

        Frame request = server.awaitRequest(MessageTypes.CHAT_SEND);
        assertEquals("x.dice", request.body().get("kind").textValue());
        assertEquals(META, request.body().get("meta"));
        assertEquals("report.pdf", request.body().get("attachments").get(0).get("name").textValue());
        ChatMessage stored = server.storedMessages.get(0);
        assertEquals(FILES, stored.attachments());
    }

    @Test
    void aResendAfterALostAcknowledgementKeepsTheRichFields() throws Exception {
        connectAndLogin();
        server.awaitSession();
        server.dropAfterStoringSends.set(1);

        ChatSent sent = await(client.send("bob", new OutgoingMessage("cm-again", "x.dice", "rolled", META, FILES)));

        assertTrue(sent.duplicate(), "stored by the first attempt, recognised at the resend");
        Frame first = server.awaitRequest(MessageTypes.CHAT_SEND);
        Frame resent = server.awaitRequest(MessageTypes.CHAT_SEND);
        assertEquals(first.body(), resent.body());
        assertEquals("x.dice", resent.body().get("kind").textValue());
        assertEquals(1, server.storedMessages.size());
    }

    @Test
    void aRichPushReachesListenersIntact() throws Exception {
        ChatMessage rich = new ChatMessage(31, "bob", "alice", "", 1000, "b-31", false, "x.dice", META, FILES);
        server.backlog.add(rich);
        connectAndLogin();

        assertEquals(rich, RecordingListener.next(events.messages));
    }

    @Test
    void aMessageBeyondTheLimitsIsRefusedBeforeItIsSent() throws Exception {
        connectAndLogin();
        ObjectNode huge = JsonNodeFactory.instance.objectNode().put("v", "x".repeat(Protocol.MAX_META_BYTES));
        assertThrows(IllegalArgumentException.class, () -> client.send("bob", OutgoingMessage.of("x.dice", "", huge, List.of())));
        assertThrows(IllegalArgumentException.class, () -> client.send("bob", OutgoingMessage.of("Bad Kind", "t", null, List.of())));
        assertEquals(MessageKinds.TEXT, OutgoingMessage.text("hi").kind());
    }
}
