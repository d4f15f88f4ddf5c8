package org.confab.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.confab.protocol.messages.MessageTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

class FrameTest {

    @ParameterizedTest
    @ValueSource(strings = {"ping", "hello", "chat.send", "chat.send.ok", "filetransfer.offer", "a", "a1.b_2",
            "x_.y9", "presence.update"})
    void wellFormedTypesAreAccepted(String type) {
        assertTrue(Frame.isValidType(type), type);
        assertEquals(type, Frame.of(type, 1).type());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Chat.send", "chat.Send", "CHAT", "chat..send", ".chat", "chat.", "1chat",
            "chat.1send", "_chat", "chat-send", "chat send", "chat/send", "chät", "chat.send\n", " ping"})
    void malformedTypesAreRejected(String type) {
        assertFalse(Frame.isValidType(type), type);
        assertThrows(IllegalArgumentException.class, () -> Frame.of(type, 1));
    }

    @Test
    void typeLengthIsLimitedTo64Characters() {
        String longest = "a".repeat(30) + "." + "b".repeat(33);
        assertEquals(Protocol.MAX_TYPE_LENGTH, longest.length());
        assertTrue(Frame.isValidType(longest));
        assertFalse(Frame.isValidType(longest + "c"));
        assertFalse(Frame.isValidType(null));
    }

    @Test
    void negativeRequestIdAndNullPartsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Frame.of("ping", -1));
        assertThrows(NullPointerException.class, () -> new Frame(null, 0, JsonNodeFactory.instance.objectNode()));
        assertThrows(NullPointerException.class, () -> new Frame("ping", 0, null));
    }

    @Test
    void okTypeAppendsOk() {
        assertEquals("chat.send.ok", Frame.of(MessageTypes.CHAT_SEND, 3).okType());
        assertEquals("auth.start.ok", MessageTypes.ok(MessageTypes.AUTH_START));
    }

    @Test
    void everyCoreTypeIsWellFormed() throws IllegalAccessException {
        for (var field : MessageTypes.class.getFields()) {
            String type = (String) field.get(null);
            assertTrue(Frame.isValidType(type), type);
            assertTrue(Frame.isValidType(MessageTypes.ok(type)), type);
        }
    }
}
