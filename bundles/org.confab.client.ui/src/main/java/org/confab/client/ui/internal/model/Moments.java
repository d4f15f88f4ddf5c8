package org.confab.client.ui.internal.model;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moments for people: the server writes times as UTC ISO-8601 ({@code 2026-12-03T15:22:23Z}); a person
 * wants their own clock and how long that is from now ("15:22, in 10 minutes").
 */
public final class Moments {
    /** An ISO-8601 instant as the server writes it, with or without fractions of a second. */
    static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?Z");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    private Moments() {
    }

    /** "15:22", "tomorrow 09:00", "Fri 4 Dec, 09:00" or "4 Dec 2027, 09:00", in {@code zone}. */
    public static String moment(Instant when, Instant now, ZoneId zone) {
        ZonedDateTime at = when.atZone(zone);
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate day = at.toLocalDate();
        if (day.equals(today)) {
            return TIME.format(at);
        }
        if (day.equals(today.plusDays(1))) {
            return "tomorrow " + TIME.format(at);
        }
        if (day.equals(today.minusDays(1))) {
            return "yesterday " + TIME.format(at);
        }
        return (Math.abs(day.toEpochDay() - today.toEpochDay()) < 7 ? WEEKDAY : DATE).format(at);
    }

    /** "in 10 minutes", "in 2 hours 5 minutes", "in 3 days", "5 minutes ago", "in less than a minute". */
    public static String relative(Instant when, Instant now) {
        Duration between = Duration.between(now, when);
        String amount = amount(between.abs());
        return between.isNegative() ? amount + " ago" : "in " + amount;
    }

    /** "15:22, in 10 minutes": the moment and how far it is. */
    public static String momentAndDistance(Instant when, Instant now, ZoneId zone) {
        return moment(when, now, zone) + ", " + relative(when, now);
    }

    /** The first server-written instant in a text, if any. */
    public static Optional<Instant> firstInstant(String text) {
        Matcher matcher = INSTANT.matcher(text == null ? "" : text);
        while (matcher.find()) {
            try {
                return Optional.of(Instant.parse(matcher.group()));
            } catch (DateTimeParseException e) {
                // not a real moment (a month 13): look further
            }
        }
        return Optional.empty();
    }

    private static String amount(Duration duration) {
        long minutes = (duration.getSeconds() + 30) / 60;
        if (minutes < 1) {
            return "less than a minute";
        }
        if (minutes < 60) {
            return count(minutes, "minute");
        }
        long hours = minutes / 60;
        if (hours < 24) {
            long rest = minutes % 60;
            return count(hours, "hour") + (rest == 0 || hours >= 6 ? "" : " " + count(rest, "minute"));
        }
        long days = hours / 24;
        long rest = hours % 24;
        return count(days, "day") + (rest == 0 || days >= 3 ? "" : " " + count(rest, "hour"));
    }

    private static String count(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
