package org.confab.client.core;

import org.confab.protocol.ErrorCode;

/**
 * A request the server refused with an {@code error} frame, or an answer the client had to refuse
 * because it breaks the protocol (for example a server that cannot prove it knows the password, which
 * is reported as {@link ErrorCode#AUTH_FAILED}). The {@link #code()} says what went wrong in a form a
 * program can act on; the message is meant for a human.
 */
public class ConfabException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public ConfabException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    @Override
    public String toString() {
        return "ConfabException[" + code + ": " + getMessage() + "]";
    }
}
