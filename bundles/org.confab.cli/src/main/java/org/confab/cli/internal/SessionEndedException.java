package org.confab.cli.internal;

/**
 * The server ended the session for good while a command was waiting, for example because an
 * administrator kicked the user; the message says which code and why. The CLI exits with
 * {@link ExitCodes#SERVER_ERROR}.
 */
final class SessionEndedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SessionEndedException(String code, String reason) {
        super(code + ": " + reason);
    }
}
