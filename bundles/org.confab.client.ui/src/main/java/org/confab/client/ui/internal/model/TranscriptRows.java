package org.confab.client.ui.internal.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.confab.client.ui.internal.model.Timeline.DayRow;
import org.confab.client.ui.internal.model.Timeline.MessageRow;

/**
 * Lays out a conversation as rows: one per day (a centred separator), then one per message with its
 * header (sender, time and, for own messages, the delivery state). Each row has a key that stays the
 * same while the row shows the same message, so the view updates rows instead of replacing them.
 */
public final class TranscriptRows {
    /** A row of the transcript. */
    public sealed interface Row permits Day, Message {
        String key();

        /** The row as plain text (what copying it would give). */
        String text();
    }

    /** The separator before the first message of a day. */
    public record Day(String key, String label) implements Row {
        @Override
        public String text() {
            return "\u2014 " + label + " \u2014";
        }
    }

    /**
     * A message.
     *
     * @param sender "You" or the peer's display name
     * @param time local time of day
     * @param state the delivery state's words, empty for the peer's messages
     */
    public record Message(String key, ChatLine line, String sender, String time, String state) implements Row {
        public String header() {
            return sender + "  " + time + (state.isEmpty() ? "" : "  " + state);
        }

        public boolean failed() {
            return line.state() == DeliveryState.FAILED;
        }

        /** What a client without a renderer for this kind shows instead. */
        public String fallback() {
            return sender + " sent a " + line.kind() + " message this client cannot show";
        }

        @Override
        public String text() {
            return header() + "\n" + line.text();
        }
    }

    private final Timeline timeline;
    private final Function<String, String> displayNames;

    public TranscriptRows(Timeline timeline, Function<String, String> displayNames) {
        this.timeline = timeline;
        this.displayNames = displayNames;
    }

    public List<Row> build(List<ChatLine> lines, LocalDate today) {
        List<Row> rows = new ArrayList<>();
        for (Timeline.Row row : timeline.rows(lines, today)) {
            if (row instanceof DayRow day) {
                rows.add(new Day("d:" + day.day(), day.label()));
            } else if (row instanceof MessageRow message) {
                ChatLine line = message.line();
                rows.add(new Message(line.key(), line, line.own() ? "You" : displayNames.apply(line.from()),
                        message.time(), line.own() ? stateLabel(line) : ""));
            }
        }
        return rows;
    }

    /** The words shown for a delivery state. */
    public static String stateLabel(ChatLine line) {
        return switch (line.state()) {
            case SENDING -> "\u25CB sending";
            case STORED -> "\u2713 stored";
            case DELIVERED -> "\u2713\u2713 delivered";
            case READ -> "\u2713\u2713 read";
            case FAILED -> "\u26A0 not sent: " + line.problem();
            case RECEIVED -> "";
        };
    }
}
