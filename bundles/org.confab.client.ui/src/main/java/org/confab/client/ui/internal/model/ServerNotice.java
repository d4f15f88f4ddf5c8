package org.confab.client.ui.internal.model;

import java.util.Locale;
import java.util.Optional;

import org.confab.protocol.messages.AdminMessages.Notice;

/**
 * Something the server told this user that the window must show at once: the end of the session
 * (kicked, account locked or deleted, logged in elsewhere) or an administrator's notice to everyone.
 *
 * @param endsSession whether the session is over for good (the library does not reconnect), so the
 *        window goes back to the login dialog after showing it
 */
public record ServerNotice(String title, String text, boolean endsSession) {

    /** The server closed the session ({@code session.closed}); empty for closes the library recovers from. */
    public static Optional<ServerNotice> sessionClosed(String code, String reason) {
        String why = reason == null || reason.isBlank() ? "" : reason.strip();
        return switch (code == null ? "" : code.toUpperCase(Locale.ROOT)) {
            case "KICKED" -> Optional.of(new ServerNotice("Disconnected by an administrator",
                    "An administrator ended your session" + (why.isEmpty() ? "." : ": " + why), true));
            case "REPLACED" -> Optional.of(new ServerNotice("Logged in elsewhere",
                    "Your account logged in from another place, which ended this session.", true));
            default -> Optional.empty();
        };
    }

    /** An administrator's broadcast ({@code admin.notice}). */
    public static ServerNotice announcement(Notice notice) {
        String from = "console".equals(notice.from()) ? "the server console" : notice.from();
        return new ServerNotice("Notice from the administrator", notice.text() + "\n\n(sent by " + from + ")", false);
    }
}
