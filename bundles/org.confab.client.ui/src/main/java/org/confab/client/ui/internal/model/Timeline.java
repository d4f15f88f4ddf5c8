package org.confab.client.ui.internal.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns the lines of a conversation into rows with a separator before each new day. */
public final class Timeline {
    /** A row of the transcript. */
    public sealed interface Row permits DayRow, MessageRow {
    }

    /** The first row of a day. */
    public record DayRow(LocalDate day, String label) implements Row {
    }

    /** A message with its local time of day. */
    public record MessageRow(ChatLine line, String time) implements Row {
    }

    private final ZoneId zone;
    private final Locale locale;
    private final DateTimeFormatter time;
    private final DateTimeFormatter day;

    public Timeline(ZoneId zone, Locale locale) {
        this.zone = zone;
        this.locale = locale;
        this.time = DateTimeFormatter.ofPattern("HH:mm", locale);
        this.day = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", locale);
    }

    public List<Row> rows(List<ChatLine> lines, LocalDate today) {
        List<Row> rows = new ArrayList<>();
        LocalDate current = null;
        for (ChatLine line : lines) {
            var at = Instant.ofEpochMilli(line.timestamp()).atZone(zone);
            LocalDate date = at.toLocalDate();
            if (!date.equals(current)) {
                rows.add(new DayRow(date, dayLabel(date, today)));
                current = date;
            }
            rows.add(new MessageRow(line, time.format(at)));
        }
        return rows;
    }

    public String dayLabel(LocalDate date, LocalDate today) {
        if (date.equals(today)) {
            return "Today";
        }
        if (date.equals(today.minusDays(1))) {
            return "Yesterday";
        }
        return day.format(date);
    }

    /** Date and time for lists that span days, such as search results. */
    public String dateTime(long epochMillis) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", locale)
                .format(Instant.ofEpochMilli(epochMillis).atZone(zone));
    }
}
