package org.confab.filetransfer.ui.internal;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.confab.client.core.ConfabException;

/** A transfer's failure as one sentence for the row and the Progress view. */
final class Failures {
    private Failures() {
    }

    static String describe(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof ConfabException confab) {
            return confab.getMessage() + " (" + confab.wireCode() + ")";
        }
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }
}
