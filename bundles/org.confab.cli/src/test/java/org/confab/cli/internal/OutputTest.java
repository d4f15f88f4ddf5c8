package org.confab.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import java.util.List;

import org.confab.protocol.messages.Messages.Attachment;
import org.confab.protocol.messages.Messages.ChatMessage;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

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
    void aRichMessageShowsItsTextAndAKindMarker() {
        ChatMessage dice = new ChatMessage(43, "alice", "bob", "rolled 4", 0, "c-2", true, "x.dice",
                JsonNodeFactory.instance.objectNode().put("sides", 6), List.of());
        ChatMessage file = new ChatMessage(44, "alice", "bob", "", 0, "c-3", true, "file", null,
                List.of(new Attachment("f-1", "report.pdf", 2_202_009, "application/pdf")));
        assertEquals("#43 1970-01-01T00:00:00Z alice -> bob: rolled 4 [x.dice message]", Output.messageLine(dice, true));
        assertEquals("#44 1970-01-01T00:00:00Z alice -> bob: [file: report.pdf, 2.1 MB]", Output.messageLine(file, true));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new Output(new PrintStream(bytes, true, StandardCharsets.UTF_8), true).message(file, false);
        assertEquals("{\"id\":44,\"from\":\"alice\",\"to\":\"bob\",\"body\":\"\",\"sentAt\":\"1970-01-01T00:00:00Z\","
                + "\"delivered\":true,\"kind\":\"file\",\"attachments\":[{\"id\":\"f-1\",\"name\":\"report.pdf\","
                + "\"size\":2202009,\"mediaType\":\"application/pdf\"}]}" + System.lineSeparator(), bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void textModePrintsOneReadableLine() {
        assertEquals("#42 1970-01-01T00:00:00Z alice -> bob (not delivered yet): hi \"bob\"" + System.lineSeparator(),
                print(false, true));
        assertEquals("#42 1970-01-01T00:00:00Z alice -> bob: hi \"bob\"" + System.lineSeparator(), print(false, false));
    }

    /** Hardening round 2: a message must not be able to drive the reader's terminal. */
    @Test
    void escapeSequencesFromOtherUsersArePrintedVisiblyNotObeyed() {
        String hostile = "\u001b]0;pwned\u0007\u001b[2Jrm -rf ~\rinnocent \u202Egnp.exe\u009b31m";
        ChatMessage message = new ChatMessage(45, "mallory", "bob", hostile + "\nsecond line", 0, "c-4", true);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new Output(new PrintStream(bytes, true, StandardCharsets.UTF_8), false).message(message, false);
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertEquals("#45 1970-01-01T00:00:00Z mallory -> bob: \\e]0;pwned\\u0007\\e[2Jrm -rf ~\\rinnocent "
                + "\\u202Egnp.exe\\u009B31m\nsecond line" + System.lineSeparator(), printed);
        for (char c : printed.toCharArray()) {
            boolean control = c < 0x20 && c != '\n' && c != '\r' || c >= 0x80 && c <= 0x9f || c == 0x202e;
            org.junit.jupiter.api.Assertions.assertFalse(control, "raw control " + (int) c + " in " + printed);
        }
        assertEquals("plain text stays as it is", TerminalText.safe("plain text stays as it is"));
        assertEquals("مرحبا 你好 👋", TerminalText.safe("مرحبا 你好 👋"));
    }
}
