package org.confab.protocol;

/**
 * A request or frame that violates the protocol. Carries the {@link ErrorCode} the peer is told in an
 * {@code error} frame and a message meant for a human reading it.
 */
public class ProtocolException extends Exception {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public ProtocolException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ProtocolException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    /** Whether the connection cannot continue after this error (the byte stream is out of sync). */
    public boolean isFatal() {
        return code == ErrorCode.FRAME_TOO_LARGE || code == ErrorCode.UNSUPPORTED_VERSION;
    }
}
