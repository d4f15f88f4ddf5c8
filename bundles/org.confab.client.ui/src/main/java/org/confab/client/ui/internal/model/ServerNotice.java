package org.confab.client.ui.internal.model;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.confab.protocol.messages.AdminMessages.Notice;

/**
 * Something the server told this user that the window must show at once: the end of the session
 * (kicked, account locked or deleted, logged in elsewhere) or an administrator's notice to everyone.
 *
 * @param endsSession whether the session is over for good (the library does not reconnect), so the
 *        window goes back to the login dialog after showing it
 */
public record ServerNotice(String title, String text, boolean endsSession) {
    private static final Pattern BAN = Pattern.compile("\\(banned until " + Moments.INSTANT.pattern() + "\\)$");

    /** The server closed the session ({@code session.closed}); empty for closes the library recovers from. */
    public static Optional<ServerNotice> sessionClosed(String code, String reason) {
        return sessionClosed(code, reason, Instant.now(), ZoneId.systemDefault());
    }

    /**
     * As {@link #sessionClosed(String, String)}, with a ban's end (the server appends
     * {@code (banned until <UTC instant>)} to the reason) told in {@code zone} and counted from {@code now}.
     */
    public static Optional<ServerNotice> sessionClosed(String code, String reason, Instant now, ZoneId zone) {
        String why = reason == null || reason.isBlank() ? "" : reason.strip();
        Matcher ban = BAN.matcher(why);
        Optional<Instant> until = Optional.empty();
        if (ban.find()) {
            until = Moments.firstInstant(ban.group());
            why = why.substring(0, ban.start()).strip();
        }
        String banned = until.map(end -> " You cannot log in again until " + Moments.momentAndDistance(end, now, zone)
                + ".").orElse("");
        return switch (code == null ? "" : code.toUpperCase(Locale.ROOT)) {
            case "KICKED" -> Optional.of(new ServerNotice("Disconnected by an administrator",
                    "An administrator ended your session" + (why.isEmpty() ? "." : ": " + sentence(why)) + banned,
                    true));
            case "REPLACED" -> Optional.of(new ServerNotice("Logged in elsewhere",
                    "Your account logged in from another place, which ended this session.", true));
            default -> Optional.empty();
        };
    }

    private static String sentence(String text) {
        return text.endsWith(".") || text.endsWith("!") || text.endsWith("?") ? text : text + ".";
    }

    /** An administrator's broadcast ({@code admin.notice}). */
    public static ServerNotice announcement(Notice notice) {
        String from = "console".equals(notice.from()) ? "the server console" : notice.from();
        return new ServerNotice("Notice from the administrator", notice.text() + "\n\n(sent by " + from + ")", false);
    }
}
