package org.confab.client.ui.internal.model;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import org.confab.client.core.ConfabConnectionException;
import org.confab.client.core.ConfabException;
import org.confab.protocol.ErrorCode;

/** Failures of the client library in words for people. */
public final class Problems {
    private Problems() {
    }

    /** Why a login to {@code server} failed. */
    public static String login(Throwable failure, String server) {
        return login(failure, server, Instant.now(), ZoneId.systemDefault());
    }

    /** Why a login failed, with the end of a ban in {@code zone} and counted from {@code now}. */
    public static String login(Throwable failure, String server, Instant now, ZoneId zone) {
        Throwable cause = unwrap(failure);
        if (cause instanceof ConfabException refusal) {
            return switch (refusal.code()) {
                case AUTH_FAILED -> "Wrong username or password.";
                case ACCOUNT_LOCKED -> "This account is locked. Ask an administrator to unlock it.";
                case ACCOUNT_BANNED -> Moments.firstInstant(refusal.getMessage())
                        .map(until -> "An administrator banned this account until "
                                + Moments.momentAndDistance(until, now, zone) + ".")
                        .orElse("An administrator banned this account for a while.");
                case RATE_LIMITED -> "Too many login attempts. Wait a minute and try again.";
                case UNSUPPORTED_VERSION -> "The server at " + server
                        + " speaks another protocol version. Update Confab.";
                case SERVER_BUSY -> "The server at " + server + " is busy. Try again later.";
                default -> describe(cause);
            };
        }
        if (cause instanceof ConfabConnectionException) {
            return "Cannot reach the server at " + server + ". Check the address and that the server is running.";
        }
        if (cause instanceof TimeoutException) {
            return "The server at " + server + " did not answer in time. Try again.";
        }
        return describe(cause);
    }

    /** Any failure of a request, in one line. */
    public static String describe(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof ConfabException refusal) {
            String message = refusal.getMessage();
            return humanCode(refusal.code()) + (message == null || message.isBlank() ? "" : ": " + message);
        }
        if (cause instanceof ConfabConnectionException) {
            return "Not connected to the server" + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")");
        }
        if (cause instanceof TimeoutException) {
            return "The server did not answer in time";
        }
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }

    public static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static String humanCode(ErrorCode code) {
        String words = code.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
