package org.confab.client.ui.internal.model;

import org.confab.client.core.ConnectionState;
import org.confab.client.core.UntrustedServerException;

/**
 * The status line's view of the connection.
 *
 * @param text what the status line says
 * @param level how worried to look
 */
public record ConnectionStatus(String text, Level level) {

    /** Colour of the status indicator. */
    public enum Level {
        OK, WORKING, PROBLEM
    }

    public static ConnectionStatus of(ConnectionState state, String user, String server, String reason) {
        if (state == ConnectionState.DISCONNECTED && reason != null
                && reason.startsWith(UntrustedServerException.REASON_CODE + ": ")) {
            // the library stopped reconnecting because the certificate changed: say so before anything else
            return new ConnectionStatus("Offline: the server's identity could not be confirmed, not reconnecting. "
                    + "Log out and in again to review it (" + withoutCode(reason) + ")", Level.PROBLEM);
        }
        String why = reason == null || reason.isBlank() ? "" : " (" + withoutCode(reason) + ")";
        return switch (state) {
            case CONNECTED -> new ConnectionStatus(
                    user.isEmpty() ? "Connected to " + server : "Connected as " + user + " to " + server, Level.OK);
            case CONNECTING -> new ConnectionStatus("Connecting to " + server + "\u2026", Level.WORKING);
            case RECONNECTING -> new ConnectionStatus("Reconnecting to " + server + "\u2026" + why, Level.WORKING);
            case DISCONNECTED -> new ConnectionStatus("Offline" + why, Level.PROBLEM);
        };
    }

    /** "SHUTDOWN: the server is shutting down" reads better without the protocol's code. */
    private static String withoutCode(String reason) {
        return reason.replaceFirst("^[A-Z_]+: ", "");
    }

    /** The window title: the unread count first, so it shows in task bars. */
    public static String windowTitle(String user, int unread) {
        String base = user.isEmpty() ? "Confab" : "Confab \u2014 " + user;
        return unread > 0 ? "(" + unread + ") " + base : base;
    }
}
