package org.confab.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.confab.protocol.messages.Messages.ChatMessage;
import org.junit.jupiter.api.Test;

class OutputTest {
    private static final ChatMessage MESSAGE = new ChatMessage(42, "alice", "bob", "hi \"bob\"", 0, "c-1", false);

    private static String print(boolean json, boolean showDelivery) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new Output(new PrintStream(bytes, true, StandardCharsets.UTF_8), json).message(MESSAGE, showDelivery);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void jsonModePrintsOneObjectPerLineWithTheDocumentedFields() {
        assertEquals("{\"id\":42,\"from\":\"alice\",\"to\":\"bob\",\"body\":\"hi \\\"bob\\\"\","
                + "\"sentAt\":\"1970-01-01T00:00:00Z\",\"delivered\":false}" + System.lineSeparator(), print(true, true));
    }

    @Test
    void textModePrintsOneReadableLine() {
        assertEquals("#42 1970-01-01T00:00:00Z alice -> bob (not delivered yet): hi \"bob\"" + System.lineSeparator(),
                print(false, true));
        assertEquals("#42 1970-01-01T00:00:00Z alice -> bob: hi \"bob\"" + System.lineSeparator(), print(false, false));
    }
}
