package org.confab.protocol;

/**
 * A request or frame that violates the protocol. Carries the {@link ErrorCode} the peer is told in an
 * {@code error} frame and a message meant for a human reading it.
 */
public class ProtocolException extends Exception {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final long retryAfterSeconds;

    public ProtocolException(ErrorCode code, String message) {
        super(message);
        this.code = code;
        this.retryAfterSeconds = 0;
    }

    /** A refusal the client may retry after the given number of seconds (for {@link ErrorCode#RATE_LIMITED}). */
    public ProtocolException(ErrorCode code, String message, long retryAfterSeconds) {
        super(message);
        this.code = code;
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public ProtocolException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.retryAfterSeconds = 0;
    }

    public ErrorCode code() {
        return code;
    }

    /** Seconds after which a retry may succeed, or empty when the error does not say. */
    public java.util.OptionalLong retryAfterSeconds() {
        return retryAfterSeconds > 0 ? java.util.OptionalLong.of(retryAfterSeconds) : java.util.OptionalLong.empty();
    }

    /** Whether the connection cannot continue after this error (the byte stream is out of sync). */
    public boolean isFatal() {
        return code == ErrorCode.FRAME_TOO_LARGE || code == ErrorCode.UNSUPPORTED_VERSION;
    }
}
