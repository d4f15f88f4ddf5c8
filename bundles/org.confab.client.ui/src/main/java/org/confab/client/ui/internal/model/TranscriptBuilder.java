package org.confab.client.ui.internal.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.confab.client.ui.internal.model.Timeline.DayRow;
import org.confab.client.ui.internal.model.Timeline.MessageRow;
import org.confab.client.ui.internal.model.Transcript.Kind;
import org.confab.client.ui.internal.model.Transcript.Span;

/**
 * Lays out a conversation: a centred line per day, then per message a header (sender, time and, for
 * own messages, the delivery state) and the text.
 */
public final class TranscriptBuilder {
    private final Timeline timeline;
    private final Function<String, String> displayNames;

    public TranscriptBuilder(Timeline timeline, Function<String, String> displayNames) {
        this.timeline = timeline;
        this.displayNames = displayNames;
    }

    public Transcript build(List<ChatLine> lines, LocalDate today) {
        StringBuilder text = new StringBuilder();
        List<Span> spans = new ArrayList<>();
        List<Kind> lineKinds = new ArrayList<>();
        Map<Long, Integer> offsets = new HashMap<>();
        for (Timeline.Row row : timeline.rows(lines, today)) {
            if (row instanceof DayRow day) {
                append(text, spans, lineKinds, "\u2014 " + day.label() + " \u2014", Kind.DAY, Kind.DAY);
            } else if (row instanceof MessageRow message) {
                ChatLine line = message.line();
                if (line.stored()) {
                    offsets.put(line.messageId(), text.length());
                }
                appendHeader(text, spans, lineKinds, line, message.time());
                Kind body = line.own() ? Kind.OWN_BODY : Kind.PEER_BODY;
                for (String part : line.text().split("\r?\n", -1)) {
                    append(text, spans, lineKinds, part, body, body);
                }
            }
        }
        if (text.length() > 0) {
            text.setLength(text.length() - 1);
        }
        return new Transcript(text.toString(), spans, lineKinds, offsets);
    }

    /** The words shown for a delivery state. */
    public static String stateLabel(ChatLine line) {
        return switch (line.state()) {
            case SENDING -> "\u25CB sending";
            case STORED -> "\u2713 stored";
            case DELIVERED -> "\u2713\u2713 delivered";
            case FAILED -> "\u26A0 not sent: " + line.problem();
            case RECEIVED -> "";
        };
    }

    private void appendHeader(StringBuilder text, List<Span> spans, List<Kind> lineKinds, ChatLine line,
            String time) {
        int start = text.length();
        String sender = line.own() ? "You" : displayNames.apply(line.from());
        text.append(sender);
        spans.add(new Span(start, sender.length(), line.own() ? Kind.OWN_HEADER : Kind.PEER_HEADER));
        text.append("  ");
        spans.add(new Span(text.length(), time.length(), Kind.TIME));
        text.append(time);
        if (line.own()) {
            String state = stateLabel(line);
            text.append("  ");
            spans.add(new Span(text.length(), state.length(),
                    line.state() == DeliveryState.FAILED ? Kind.FAILED : Kind.STATE));
            text.append(state);
        }
        text.append('\n');
        lineKinds.add(line.own() ? Kind.OWN_HEADER : Kind.PEER_HEADER);
    }

    private static void append(StringBuilder text, List<Span> spans, List<Kind> lineKinds, String content,
            Kind spanKind, Kind lineKind) {
        spans.add(new Span(text.length(), content.length(), spanKind));
        text.append(content).append('\n');
        lineKinds.add(lineKind);
    }
}
