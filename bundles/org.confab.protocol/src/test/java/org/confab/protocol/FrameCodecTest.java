package org.confab.protocol;

import static org.confab.protocol.Wire.assertProtocolError;
import static org.confab.protocol.Wire.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.confab.protocol.messages.Messages.ChatSend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

class FrameCodecTest {

    private final FrameCodec codec = new FrameCodec();

    private Frame decode(String json) throws ProtocolException {
        return codec.decode(utf8(json));
    }

    private void assertBadFrame(String json) {
        assertProtocolError(ErrorCode.BAD_FRAME, () -> decode(json));
    }

    private void assertBadFrame(byte[] payload) {
        assertProtocolError(ErrorCode.BAD_FRAME, () -> codec.decode(payload));
    }

    // --- limits of the codec itself

    @Test
    void frameLimitMustBeWithinProtocolBounds() {
        assertEquals(Protocol.DEFAULT_MAX_FRAME_BYTES, new FrameCodec().maxFrameBytes());
        assertEquals(1_048_576, Protocol.DEFAULT_MAX_FRAME_BYTES);
        assertEquals(16 * 1024, new FrameCodec(Protocol.MIN_MAX_FRAME_BYTES).maxFrameBytes());
        assertEquals(16 * 1024 * 1024, new FrameCodec(Protocol.HARD_MAX_FRAME_BYTES).maxFrameBytes());
        assertThrows(IllegalArgumentException.class, () -> new FrameCodec(Protocol.MIN_MAX_FRAME_BYTES - 1));
        assertThrows(IllegalArgumentException.class, () -> new FrameCodec(Protocol.HARD_MAX_FRAME_BYTES + 1));
        assertThrows(IllegalArgumentException.class, () -> new FrameCodec(0));
    }

    @Test
    void payloadLargerThanLimitIsTooLarge() {
        FrameCodec small = new FrameCodec(Protocol.MIN_MAX_FRAME_BYTES);
        byte[] payload = new byte[Protocol.MIN_MAX_FRAME_BYTES + 1];
        ProtocolException e = assertProtocolError(ErrorCode.FRAME_TOO_LARGE, () -> small.decode(payload));
        assertTrue(e.isFatal());
    }

    @Test
    void payloadOfExactlyTheLimitIsAccepted() throws ProtocolException {
        FrameCodec small = new FrameCodec(Protocol.MIN_MAX_FRAME_BYTES);
        String prefix = "{\"type\":\"ping\",\"pad\":\"";
        String json = prefix + "x".repeat(Protocol.MIN_MAX_FRAME_BYTES - prefix.length() - 2) + "\"}";
        assertEquals(Protocol.MIN_MAX_FRAME_BYTES, utf8(json).length);
        assertEquals("ping", small.decode(utf8(json)).type());
    }

    // --- the envelope

    @Test
    void typeAndRidAreTakenOutOfTheBody() throws ProtocolException {
        Frame frame = decode("{\"type\":\"chat.send\",\"rid\":42,\"to\":\"bob\",\"n\":1}");
        assertEquals("chat.send", frame.type());
        assertEquals(42, frame.rid());
        assertEquals(List.of("to", "n"), frame.body().properties().stream().map(Map.Entry::getKey).toList());
        assertFalse(frame.body().has("type"));
        assertFalse(frame.body().has("rid"));
    }

    @Test
    void fieldOrderDoesNotMatter() throws ProtocolException {
        Frame frame = decode("{\"to\":\"bob\",\"rid\":7,\"type\":\"chat.send\"}");
        assertEquals("chat.send", frame.type());
        assertEquals(7, frame.rid());
        assertEquals("bob", frame.body().get("to").textValue());
    }

    @Test
    void absentZeroOrNullRidMeansNoRequest() throws ProtocolException {
        assertEquals(0, decode("{\"type\":\"presence.update\"}").rid());
        assertEquals(0, decode("{\"type\":\"ping\",\"rid\":0}").rid());
        assertEquals(0, decode("{\"type\":\"ping\",\"rid\":null}").rid());
        assertEquals(Long.MAX_VALUE, decode("{\"type\":\"ping\",\"rid\":9223372036854775807}").rid());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "-9223372036854775808", "1.5", "1.0", "1e3", "\"5\"", "true", "[1]", "{}",
            "9223372036854775808", "18446744073709551616", "123456789012345678901234567890"})
    void malformedRidIsRejected(String rid) {
        ProtocolException e = assertProtocolError(ErrorCode.BAD_FRAME,
                () -> decode("{\"type\":\"ping\",\"rid\":" + rid + "}"));
        assertTrue(e.getMessage().contains("rid"), e.getMessage());
        assertFalse(e.isFatal());
    }

    @Test
    void unknownFieldsAreKeptAndTolerated() throws ProtocolException {
        Frame frame = decode("{\"type\":\"chat.send\",\"rid\":1,\"to\":\"bob\",\"clientMessageId\":\"c1\","
                + "\"text\":\"hi\",\"future\":{\"nested\":[1,2,3]},\"flag\":true}");
        assertEquals(3, frame.body().get("future").get("nested").size());
        assertEquals(new ChatSend("bob", "c1", "hi"), codec.read(frame, ChatSend.class));
    }

    @Test
    void nonAsciiUtf8IsDecoded() throws ProtocolException {
        String text = "Grüße, 你好, \uD83D\uDE00, \u00e9";
        Frame frame = decode("{\"type\":\"ping\",\"t\":\"" + text + "\"}");
        assertEquals(text, frame.body().get("t").textValue());
        Frame escaped = decode("{\"type\":\"ping\",\"t\":\"\\u00fc\\uD83D\\uDE00\"}");
        assertEquals("ü\uD83D\uDE00", escaped.body().get("t").textValue());
    }

    // --- malformed payloads

    @Test
    void invalidUtf8IsABadFrame() {
        byte[] prefix = utf8("{\"type\":\"ping\",\"x\":\"");
        byte[] suffix = utf8("\"}");
        byte[][] invalid = {
            {(byte) 0xFF},                            // never valid
            {(byte) 0xC3},                            // truncated two-byte sequence
            {(byte) 0xE2, (byte) 0x82},               // truncated three-byte sequence
            {(byte) 0x80},                            // continuation byte without a start
            {(byte) 0xC0, (byte) 0x80},               // overlong NUL
            {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},  // overlong '/'
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80},  // UTF-16 surrogate encoded in UTF-8 (CESU)
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // beyond U+10FFFF
        };
        for (byte[] bad : invalid) {
            ProtocolException e = assertProtocolError(ErrorCode.BAD_FRAME,
                    () -> codec.decode(Wire.concat(prefix, bad, suffix)));
            assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
        }
        assertBadFrame(new byte[] {'{', '"', (byte) 0xFF, '"', ':', '1', '}'});
    }

    @Test
    void otherEncodingsAndByteOrderMarksAreRejected() {
        String json = "{\"type\":\"ping\"}";
        for (Charset charset : List.of(StandardCharsets.UTF_16, StandardCharsets.UTF_16LE,
                StandardCharsets.UTF_16BE, Charset.forName("UTF-32"))) {
            assertBadFrame(json.getBytes(charset));
        }
        assertBadFrame(utf8("\uFEFF" + json));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n", "not json", "{", "}", "{\"type\":\"ping\"", "{\"type\" \"ping\"}",
            "{type:\"ping\"}", "{'type':'ping'}", "{\"type\":\"ping\",}", "{\"type\":\"ping\"/*c*/}",
            "{\"type\":\"ping\",\"x\":NaN}", "{\"type\":\"ping\",\"x\":Infinity}", "{\"type\":\"ping\",\"x\":01}",
            "{\"type\":\"ping\",\"x\":\"a\u0001b\"}", "{\"type\":\"ping\",\"x\":\"\\q\"}"})
    void notJsonIsABadFrame(String payload) {
        assertBadFrame(payload);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[{\"type\":\"ping\"}]", "42", "-1.5", "\"ping\"", "true", "null"})
    void jsonOtherThanAnObjectIsABadFrame(String payload) {
        ProtocolException e = assertProtocolError(ErrorCode.BAD_FRAME, () -> decode(payload));
        assertTrue(e.getMessage().contains("object"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"rid\":1}", "{\"type\":null}", "{\"type\":7}", "{\"type\":true}",
            "{\"type\":[\"ping\"]}", "{\"type\":{\"name\":\"ping\"}}", "{\"type\":\"\"}", "{\"type\":\"PING\"}",
            "{\"type\":\"Chat.send\"}", "{\"type\":\"chat..send\"}", "{\"type\":\".chat\"}", "{\"type\":\"chat.\"}",
            "{\"type\":\"9lives\"}", "{\"type\":\"chat-send\"}", "{\"type\":\" ping\"}"})
    void missingOrMalformedTypeIsABadFrame(String payload) {
        ProtocolException e = assertProtocolError(ErrorCode.BAD_FRAME, () -> decode(payload));
        assertTrue(e.getMessage().contains("type"), e.getMessage());
    }

    @Test
    void typeLongerThan64CharactersIsABadFrame() throws ProtocolException {
        String ok = "a".repeat(Protocol.MAX_TYPE_LENGTH);
        assertEquals(ok, decode("{\"type\":\"" + ok + "\"}").type());
        assertBadFrame("{\"type\":\"" + ok + "a\"}");
        assertBadFrame("{\"type\":\"" + "a.".repeat(1000) + "a\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"type\":\"ping\",\"type\":\"ping\"}", "{\"type\":\"ping\",\"rid\":1,\"rid\":2}",
            "{\"type\":\"chat.send\",\"to\":\"bob\",\"to\":\"eve\"}",
            "{\"type\":\"ping\",\"x\":{\"a\":1,\"a\":1}}"})
    void duplicateKeysAreABadFrame(String payload) {
        ProtocolException e = assertProtocolError(ErrorCode.BAD_FRAME, () -> decode(payload));
        assertTrue(e.getMessage().contains("Duplicate"), e.getMessage());
    }

    @Test
    void nestingIsLimitedTo16Levels() throws ProtocolException {
        // The frame object itself is level 1.
        assertEquals("ping", decode(nested(16)).type());
        ProtocolException e = assertProtocolError(ErrorCode.BAD_FRAME, () -> decode(nested(17)));
        assertTrue(e.getMessage().contains("nesting"), e.getMessage());
        assertBadFrame(nested(10_000));
    }

    private static String nested(int depth) {
        int inner = depth - 1;
        return "{\"type\":\"ping\",\"x\":" + "[".repeat(inner) + "]".repeat(inner) + "}";
    }

    @Test
    void numbersLongerThan40CharactersAreABadFrame() throws ProtocolException {
        assertTrue(decode("{\"type\":\"ping\",\"x\":" + "9".repeat(40) + "}").body().get("x").isBigInteger());
        assertBadFrame("{\"type\":\"ping\",\"x\":" + "9".repeat(41) + "}");
        assertBadFrame("{\"type\":\"ping\",\"x\":" + "9".repeat(100_000) + "}");
        assertBadFrame("{\"type\":\"ping\",\"x\":0." + "1".repeat(100) + "}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "{}", "{\"type\":\"ping\"}", "[]", ",", "}", "1", "\"\"", "null"})
    void trailingDataAfterTheObjectIsABadFrame(String trailer) {
        assertBadFrame("{\"type\":\"ping\"}" + trailer);
        assertBadFrame("{\"type\":\"ping\"} " + trailer);
    }

    @Test
    void surroundingWhitespaceIsAllowed() throws ProtocolException {
        assertEquals("ping", decode(" \r\n\t{\"type\":\"ping\"} \n").type());
    }

    @Test
    void aNulByteIsABadFrame() {
        assertBadFrame(new byte[] {'{', '"', 't', 'y', 'p', 'e', '"', ':', '"', 'p', 'i', 'n', 'g', '"', '}', 0});
        assertBadFrame(new byte[] {0});
    }

    // --- encoding

    @Test
    void encodeWritesAFlatObjectWithTypeAndRid() throws Exception {
        ObjectNode body = codec.mapper().createObjectNode().put("to", "bob");
        byte[] payload = codec.encode(new Frame("chat.send", 9, body));
        assertEquals("{\"type\":\"chat.send\",\"rid\":9,\"to\":\"bob\"}", new String(payload, StandardCharsets.UTF_8));
        assertEquals("{\"type\":\"presence.update\"}",
                new String(codec.encode(Frame.of("presence.update", 0)), StandardCharsets.UTF_8));
    }

    @Test
    void bodyCannotOverrideTypeOrRid() throws Exception {
        ObjectNode body = codec.mapper().createObjectNode().put("type", "evil").put("rid", 666).put("k", 1);
        Frame decoded = codec.decode(codec.encode(new Frame("ping", 3, body)));
        assertEquals("ping", decoded.type());
        assertEquals(3, decoded.rid());
        assertEquals(1, decoded.body().size());
    }

    @Test
    void encodedNonAsciiIsUtf8() throws Exception {
        ObjectNode body = codec.mapper().createObjectNode().put("t", "é\uD83D\uDE00");
        byte[] payload = codec.encode(new Frame("ping", 0, body));
        String json = new String(payload, StandardCharsets.UTF_8);
        // Characters outside the BMP may travel as a JSON surrogate-pair escape; both forms are valid JSON.
        assertTrue(json.contains("\"t\":\"é"), json);
        JsonNode t = codec.decode(payload).body().get("t");
        assertEquals("é\uD83D\uDE00", t.textValue());
    }

    @Test
    void frameOfSomethingThatIsNotAnObjectFails() {
        assertThrows(IllegalArgumentException.class, () -> codec.frame("ping", 0, "text"));
        assertThrows(IllegalArgumentException.class, () -> codec.frame("ping", 0, List.of(1, 2)));
        assertThrows(IllegalArgumentException.class, () -> codec.frame("Bad Type", 0, new ChatSend("a", "b", "c")));
    }
}
