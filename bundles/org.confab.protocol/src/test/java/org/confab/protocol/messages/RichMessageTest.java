package org.confab.protocol.messages;

import static org.confab.protocol.Wire.assertProtocolError;
import static org.confab.protocol.Wire.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.confab.protocol.ErrorCode;
import org.confab.protocol.FrameCodec;
import org.confab.protocol.Protocol;
import org.confab.protocol.ProtocolException;
import org.confab.protocol.messages.Messages.Attachment;
import org.confab.protocol.messages.Messages.ChatMessage;
import org.confab.protocol.messages.Messages.ChatSend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Protocol version 2: kinds, bounded metadata, attachment references and the version-1 fallback line. */
class RichMessageTest {

    private static final FrameCodec CODEC = new FrameCodec();
    private static final String SEND = "{\"type\":\"chat.send\",\"to\":\"bob\",\"clientMessageId\":\"c\",";

    private static ChatSend send(String fields) throws ProtocolException {
        return CODEC.read(CODEC.decode(utf8(SEND + fields + "}")), ChatSend.class);
    }

    private static String refused(String fields) {
        ProtocolException e = assertProtocolError(ErrorCode.BAD_REQUEST, () -> send(fields));
        assertTrue(e.getMessage().startsWith("chat.send: field '"), e.getMessage());
        return e.getMessage();
    }

    @Test
    void aRichMessageReadsWithEveryField() throws ProtocolException {
        ChatSend send = send("\"text\":\"\",\"kind\":\"x.dice\",\"meta\":{\"sides\":6,\"rolls\":[4,2]},"
                + "\"attachments\":[{\"id\":\"f-1\",\"name\":\"a.png\",\"size\":20480,\"mediaType\":\"image/png\"}]");
        assertEquals("x.dice", send.kind());
        assertEquals("", send.text());
        assertEquals(6, send.meta().get("sides").intValue());
        assertEquals(List.of(new Attachment("f-1", "a.png", 20480, "image/png")), send.attachments());
    }

    @Test
    void absentFieldsMeanAPlainTextMessage() throws ProtocolException {
        ChatSend send = send("\"text\":\"hi\"");
        assertEquals(MessageKinds.TEXT, send.kind());
        assertNull(send.meta());
        assertEquals(List.of(), send.attachments());
        assertEquals(new ChatSend("bob", "c", "hi"), send);
        assertEquals("", send("\"kind\":\"x.dice\"").text(), "a non-text kind needs no text");
    }

    @Test
    void aTextMessageStillNeedsText() {
        assertEquals("chat.send: field 'text' must not be empty", refused("\"text\":\"\""));
        assertEquals("chat.send: field 'text' is required", refused("\"kind\":\"text\""));
    }

    @ParameterizedTest
    @ValueSource(strings = { "\"Dice\"", "\"x..dice\"", "\"x.dice!\"", "\"\"", "\".x\"", "5", "{}" })
    void aBadKindIsRefused(String kind) {
        assertTrue(refused("\"text\":\"t\",\"kind\":" + kind).contains("'kind'"));
    }

    @Test
    void aKindLongerThanATypeNameIsRefused() {
        assertTrue(refused("\"text\":\"t\",\"kind\":\"x." + "a".repeat(63) + "\"").contains("'kind'"));
    }

    @Test
    void metadataIsBoundedInBytes() throws ProtocolException {
        // {"v":"..."} is 8 bytes plus the string
        String fits = "x".repeat(Protocol.MAX_META_BYTES - 8);
        assertEquals(fits, send("\"text\":\"t\",\"meta\":{\"v\":\"" + fits + "\"}").meta().get("v").textValue());
        String message = refused("\"text\":\"t\",\"meta\":{\"v\":\"" + fits + "\u00e9\"}");
        assertEquals("chat.send: field 'meta' is 4098 bytes encoded, more than 4096", message,
                "counted in UTF-8 bytes, not characters");
    }

    @Test
    void metadataIsBoundedInDepth() throws ProtocolException {
        String deepest = "[".repeat(Protocol.MAX_META_DEPTH - 1) + "]".repeat(Protocol.MAX_META_DEPTH - 1);
        assertEquals(Protocol.MAX_META_DEPTH - 1, depthOf(send("\"text\":\"t\",\"meta\":{\"a\":" + deepest + "}").meta()));
        assertTrue(refused("\"text\":\"t\",\"meta\":{\"a\":[" + deepest + "]}").contains("nested deeper than 8"));
    }

    private static int depthOf(ObjectNode meta) {
        int depth = 0;
        for (var node = meta.get("a"); node != null && node.isArray(); node = node.get(0)) {
            depth++;
        }
        return depth;
    }

    @Test
    void metadataMustBeAnObject() {
        assertEquals("chat.send: field 'meta' must be an object", refused("\"text\":\"t\",\"meta\":[1]"));
        assertEquals("chat.send: field 'meta' must be an object", refused("\"text\":\"t\",\"meta\":\"x\""));
    }

    @Test
    void attachmentsAreLimitedInNumber() throws ProtocolException {
        String one = "{\"id\":\"a\",\"name\":\"n\",\"size\":1}";
        assertEquals(Protocol.MAX_ATTACHMENTS, send("\"kind\":\"file\",\"attachments\":["
                + String.join(",", Collections.nCopies(Protocol.MAX_ATTACHMENTS, one)) + "]").attachments().size());
        assertEquals("chat.send: field 'attachments' has more than 16 entries", refused("\"kind\":\"file\",\"attachments\":["
                + String.join(",", Collections.nCopies(Protocol.MAX_ATTACHMENTS + 1, one)) + "]"));
    }

    @Test
    void aBadAttachmentNamesItsPositionAndField() {
        String good = "{\"id\":\"a\",\"name\":\"n\",\"size\":1},";
        assertEquals("chat.send: field 'attachments[1].id' may hold only letters, digits, '_' and '-'",
                refused("\"kind\":\"file\",\"attachments\":[" + good + "{\"id\":\"../etc\",\"name\":\"n\",\"size\":1}]"));
        assertEquals("chat.send: field 'attachments[0].name' must not contain control characters",
                refused("\"kind\":\"file\",\"attachments\":[{\"id\":\"a\",\"name\":\"a\\n[fake]\",\"size\":1}]"));
        assertEquals("chat.send: field 'attachments[0].size' must not be negative",
                refused("\"kind\":\"file\",\"attachments\":[{\"id\":\"a\",\"name\":\"n\",\"size\":-1}]"));
        assertEquals("chat.send: field 'attachments[0].name' is required",
                refused("\"kind\":\"file\",\"attachments\":[{\"id\":\"a\",\"size\":1}]"));
        assertTrue(refused("\"kind\":\"file\",\"attachments\":[{\"id\":\"" + "a".repeat(65) + "\",\"name\":\"n\",\"size\":1}]")
                .contains("'attachments[0].id' is longer than 64"));
        assertTrue(refused("\"kind\":\"file\",\"attachments\":[{\"id\":\"a\",\"name\":\"n\",\"size\":1,\"mediaType\":\""
                + "a".repeat(128) + "\"}]").contains("'attachments[0].mediaType' is longer than 127"));
    }

    @Test
    void recordsValidateWhenBuiltInCodeToo() {
        assertThrows(IllegalArgumentException.class, () -> new ChatMessage(1, "a", "b", "", 0, null, false, "Bad", null, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Attachment("a b", "n", 1, null));
        assertEquals(MessageKinds.TEXT, new ChatMessage(1, "a", "b", "t", 0, null, false, null, null, null).kind());
    }

    @Test
    void fallbackLinesForTextOnlyReaders() {
        List<Attachment> report = List.of(new Attachment("r", "report.pdf", 2_202_009, "application/pdf"));
        assertEquals(Optional.empty(), MessageKinds.fallbackLine(MessageKinds.TEXT, List.of()));
        assertEquals("[x.dice message]", MessageKinds.readableText("x.dice", "", List.of()));
        assertEquals("rolled 4\n[x.dice message]", MessageKinds.readableText("x.dice", "rolled 4", List.of()));
        assertEquals("[file: report.pdf, 2.1 MB]", MessageKinds.readableText(MessageKinds.FILE, "", report));
        assertEquals("see this\n[attachment: report.pdf, 2.1 MB; b.txt, 512 B]", MessageKinds.readableText(MessageKinds.TEXT,
                "see this", List.of(report.get(0), new Attachment("b", "b.txt", 512, null))));
        assertEquals("plain", MessageKinds.readableText(MessageKinds.TEXT, "plain", List.of()));
        assertEquals("20.0 KB", MessageKinds.size(20_480));
        assertEquals("8.0 EB", MessageKinds.size(Long.MAX_VALUE));
    }
}
