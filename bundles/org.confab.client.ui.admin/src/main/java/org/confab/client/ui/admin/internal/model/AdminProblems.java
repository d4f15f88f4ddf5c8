package org.confab.client.ui.admin.internal.model;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import org.confab.client.core.ConfabConnectionException;
import org.confab.client.core.ConfabException;

/** Why an administrative request failed, in one sentence for the administrator. */
public final class AdminProblems {
    private AdminProblems() {
    }

    /** Whether the server refused because this user is not an administrator (or no longer one). */
    public static boolean isRefusal(Throwable failure) {
        return unwrap(failure) instanceof ConfabException refusal && refusal.code() == org.confab.protocol.ErrorCode.NOT_ALLOWED;
    }

    public static String describe(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof ConfabException refusal) {
            String said = refusal.getMessage() == null || refusal.getMessage().isBlank() ? "" : " (" + refusal.getMessage() + ")";
            return switch (refusal.code()) {
                // also the answer to demoting or deleting the last administrator: the server's words say which
                case NOT_ALLOWED -> "Not allowed" + (said.isEmpty() ? ": only administrators can do this." : ": " + refusal.getMessage() + ".");
                case NO_SUCH_USER -> "There is no such account (any more)" + said + ".";
                case USERNAME_TAKEN -> "That username is taken (also by deleted accounts, whose names are never reused).";
                case INVALID_USERNAME, WEAK_PASSWORD, BAD_REQUEST, CONFLICT, NOT_FOUND -> "The server refused it" + said + ".";
                // a request of a feature the server runs without, e.g. admin.plugins with no plugin management
                case UNKNOWN_TYPE -> "The server does not offer this" + said + ": the part of the server that handles it is not installed there.";
                case RATE_LIMITED -> "Too many requests: wait a moment and try again" + said + ".";
                default -> "The server refused it: " + refusal.code() + said + ".";
            };
        }
        if (cause instanceof ConfabConnectionException) {
            return "Not connected to the server" + (cause.getMessage() == null ? "." : " (" + cause.getMessage() + ").");
        }
        if (cause instanceof TimeoutException) {
            return "The server did not answer in time.";
        }
        if (cause instanceof IllegalArgumentException) {
            return "Not sent: " + cause.getMessage() + ".";
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
