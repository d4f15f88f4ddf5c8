package org.confab.client.core;

import org.confab.protocol.ErrorCode;

/**
 * A request the server refused with an {@code error} frame, or an answer the client had to refuse
 * because it breaks the protocol (for example a server that cannot prove it knows the password, which
 * is reported as {@link ErrorCode#AUTH_FAILED}). The {@link #code()} says what went wrong in a form a
 * program can act on; the message is meant for a human. A code this client does not know (a plugin's
 * own, or one added by a newer server) is {@link ErrorCode#INTERNAL}, and {@link #wireCode()} keeps it
 * as the server sent it.
 */
public class ConfabException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String wireCode;

    public ConfabException(ErrorCode code, String message) {
        this(code, code.name(), message);
    }

    /**
     * @param code the code as this client understands it
     * @param wireCode the code as the server sent it, for example a plugin's {@code "TRANSFER_REFUSED"};
     *        null means {@code code}'s name
     */
    public ConfabException(ErrorCode code, String wireCode, String message) {
        super(message);
        this.code = code;
        this.wireCode = wireCode != null ? wireCode : code.name();
    }

    public ErrorCode code() {
        return code;
    }

    /** The code as the server sent it; equals {@code code().name()} for the codes this client knows. */
    public String wireCode() {
        return wireCode;
    }

    @Override
    public String toString() {
        return "ConfabException[" + wireCode + ": " + getMessage() + "]";
    }
}
