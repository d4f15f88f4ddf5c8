package org.confab.client.ui.internal.model;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

import org.confab.client.core.ConnectionState;
import org.confab.client.core.UntrustedServerException;

/**
 * The status line's view of the connection, in plain words. The cause of a lost connection is told
 * as what happened and when ("lost at 14:02: the server shut down"), so it stays true while the client
 * keeps trying; the library's own wording goes to the tooltip only.
 *
 * @param text what the status line says
 * @param level how worried to look
 * @param details the library's words for the cause, for the tooltip; empty when there is none
 */
public record ConnectionStatus(String text, Level level, String details) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    /** Colour of the status indicator. */
    public enum Level {
        OK, WORKING, PROBLEM
    }

    public static ConnectionStatus of(ConnectionState state, String user, String server, String reason) {
        return of(state, user, server, reason, Optional.empty());
    }

    /**
     * @param since when the connection entered {@code state}, in the user's time zone
     */
    public static ConnectionStatus of(ConnectionState state, String user, String server, String reason,
            Optional<ZonedDateTime> since) {
        String raw = reason == null ? "" : reason.strip();
        if (state == ConnectionState.DISCONNECTED && raw.startsWith(UntrustedServerException.REASON_CODE + ": ")) {
            // the library stopped reconnecting because the certificate changed: say so before anything else
            return new ConnectionStatus("Offline: the server's identity could not be confirmed, not reconnecting. "
                    + "Log out and in again to review it (" + withoutCode(raw) + ")", Level.PROBLEM, raw);
        }
        String cause = plain(raw);
        String at = since.map(TIME::format).orElse("");
        return switch (state) {
            case CONNECTED -> new ConnectionStatus(
                    user.isEmpty() ? "Connected to " + server : "Connected as " + user + " to " + server, Level.OK, "");
            case CONNECTING -> new ConnectionStatus("Connecting to " + server + "\u2026", Level.WORKING, "");
            case RECONNECTING -> new ConnectionStatus("Reconnecting to " + server + "\u2026 (connection lost"
                    + (at.isEmpty() ? "" : " at " + at) + (cause.isEmpty() ? "" : ": " + cause) + ")", Level.WORKING, raw);
            case DISCONNECTED -> new ConnectionStatus("Offline" + (at.isEmpty() ? "" : " since " + at)
                    + (cause.isEmpty() ? "" : " (" + cause + ")"), Level.PROBLEM, raw);
        };
    }

    /** The library's and the server's reasons for a connection's end, in words for people. */
    static String plain(String reason) {
        if (reason.isEmpty()) {
            return "";
        }
        String lower = reason.toLowerCase(Locale.ROOT);
        if (lower.startsWith("skipped ")) {
            // failing over, the library passed a cluster node whose certificate this client does not trust
            return "a server whose identity is not confirmed was skipped; trying the next";
        }
        if (lower.startsWith("re-login refused")) {
            if (reason.contains("AUTH_FAILED")) {
                return "the server no longer accepts your password; log out and log in again";
            }
            if (reason.contains("ACCOUNT_LOCKED")) {
                return "your account is locked; ask an administrator";
            }
            if (reason.contains("UNSUPPORTED_VERSION")) {
                return "the server needs a newer Confab";
            }
            return "the server refused to log you in again; log out and log in again";
        }
        String code = reason.replaceFirst(":.*$", "");
        return switch (code) {
            case "SHUTDOWN" -> "the server shut down";
            case "IDLE_TIMEOUT" -> "the server heard nothing from this computer for too long";
            case "LOGIN_TIMEOUT" -> "logging in took too long";
            case "PROTOCOL_ERROR" -> "the server could not understand this client";
            case "KICKED" -> "an administrator ended your session";
            case "REPLACED" -> "you logged in somewhere else";
            case "LOGGED_OUT" -> "logged out";
            default -> lower.equals("logged out") || lower.equals("client closed") ? "logged out"
                    : lower.contains("heartbeat") || lower.contains("acknowledgement") || lower.contains("timed out")
                            ? "the server stopped answering"
                            : lower.contains("refused") || lower.contains("unreachable") || lower.contains("no route")
                                    ? "the server cannot be reached"
                                    : "the network connection broke";
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
