package org.confab.cli.internal;

/** The CLI's exit codes; scripts depend on them. */
final class ExitCodes {
    static final int OK = 0;
    /** The server refused: {@code error: CODE: message} on stderr. */
    static final int SERVER_ERROR = 1;
    static final int USAGE = 2;
    /** The server could not be reached, the connection broke, or it did not answer in time. */
    static final int CANNOT_CONNECT = 3;
    /** The server's TLS certificate is unknown or changed; nothing was sent. */
    static final int UNTRUSTED_SERVER = 4;

    private ExitCodes() {
    }
}
