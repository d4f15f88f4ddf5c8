package org.confab.cli.internal;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.confab.protocol.messages.AdminMessages.Notice;
import org.confab.protocol.messages.MessageKinds;
import org.confab.protocol.messages.Messages.ChatMessage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Prints results either for people (one line of text per item) or for programs (one JSON object per
 * line, {@code --json}). Commands describe each item once both ways and this class picks.
 */
final class Output {
    private final PrintStream out;
    private final boolean json;
    private final ObjectMapper mapper = new ObjectMapper();

    Output(PrintStream out, boolean json) {
        this.out = out;
        this.json = json;
    }

    /** Prints one item: {@code text} in text mode, {@code fields} as a JSON object in JSON mode. */
    void item(String text, Map<String, Object> fields) {
        if (json) {
            try {
                out.println(mapper.writeValueAsString(fields));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            out.println(TerminalText.safe(text));
        }
        out.flush();
    }

    /**
     * Prints items as a table for people (a header over aligned columns, none when there are no items)
     * or as one JSON object each.
     */
    <T> void table(List<String> header, List<T> items, Function<T, List<String>> row, Function<T, Map<String, Object>> fields) {
        List<List<String>> rows = new ArrayList<>(List.of(header));
        items.forEach(item -> rows.add(row.apply(item)));
        List<String> lines = TextTable.format(rows);
        if (!items.isEmpty()) {
            text(lines.get(0));
        }
        for (int i = 0; i < items.size(); i++) {
            item(lines.get(i + 1), fields.apply(items.get(i)));
        }
    }

    /** Prints a JSON value: indented for people, on one line in JSON mode. */
    void json(JsonNode value) {
        try {
            out.println(json ? mapper.writeValueAsString(value)
                    : mapper.writerWithDefaultPrettyPrinter().writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
    }

    /** Prints a line for people only, such as a table header; JSON mode prints nothing. */
    void text(String line) {
        if (!json) {
            out.println(TerminalText.safe(line));
            out.flush();
        }
    }

    /** An administrator's notice: in JSON an object with a {@code notice} field, so it is told from messages. */
    void notice(Notice notice) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("notice", notice.text());
        fields.put("from", notice.from());
        fields.put("sentAt", Instant.ofEpochMilli(notice.timestamp()).toString());
        item("notice from " + notice.from() + " at " + Instant.ofEpochMilli(notice.timestamp()) + ": " + notice.text(),
                fields);
    }

    /** @param showDelivery whether text mode marks messages the recipient has not received yet */
    void message(ChatMessage message, boolean showDelivery) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", message.messageId());
        fields.put("from", message.from());
        fields.put("to", message.to());
        fields.put("body", message.text());
        fields.put("sentAt", Instant.ofEpochMilli(message.timestamp()).toString());
        fields.put("delivered", message.delivered());
        if (!MessageKinds.TEXT.equals(message.kind())) {
            fields.put("kind", message.kind());
        }
        if (message.meta() != null) {
            fields.put("meta", message.meta());
        }
        if (!message.attachments().isEmpty()) {
            fields.put("attachments", message.attachments());
        }
        item(messageLine(message, showDelivery), fields);
    }

    /**
     * {@code #42 2025-01-31T12:00:00Z alice -> bob: hello}; a message of another kind or with
     * attachments ends with a marker such as {@code [x.dice message]} or {@code [file: a.pdf, 2.1 MB]}.
     */
    static String messageLine(ChatMessage message, boolean showDelivery) {
        String pending = showDelivery && !message.delivered() ? " (not delivered yet)" : "";
        String body = MessageKinds.fallbackLine(message.kind(), message.attachments())
                .map(marker -> message.text().isEmpty() ? marker : message.text() + " " + marker).orElse(message.text());
        return "#" + message.messageId() + " " + Instant.ofEpochMilli(message.timestamp()) + " " + message.from()
                + " -> " + message.to() + pending + ": " + body;
    }
}
