package org.confab.client.core;

/**
 * The client could not reach the server, or lost the connection before an answer arrived, or was
 * closed. Unlike {@link ConfabException} the server never refused anything: trying again later may
 * succeed.
 */
public class ConfabConnectionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfabConnectionException(String message) {
        super(message);
    }

    public ConfabConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
