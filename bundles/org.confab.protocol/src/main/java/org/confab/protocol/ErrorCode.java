package org.confab.protocol;

/**
 * Every error a Confab server or client can put in an {@code error} frame. The wire form is the
 * constant's name; docs/protocol.md explains each one. New codes may be added in minor versions, so a
 * client must treat an unknown code like {@link #INTERNAL}.
 */
public enum ErrorCode {
    /** The frame could not be parsed: invalid UTF-8, not a JSON object, missing or malformed type. */
    BAD_FRAME,
    /** The declared frame length exceeds the negotiated maximum; the connection is closed. */
    FRAME_TOO_LARGE,
    /** The client's protocol version is not supported by the server. */
    UNSUPPORTED_VERSION,
    /** A frame arrived before the hello handshake completed. */
    HANDSHAKE_REQUIRED,
    /** No handler knows this message type. */
    UNKNOWN_TYPE,
    /** A field is missing, has the wrong type, or is out of its allowed range. */
    BAD_REQUEST,
    /** The request needs a logged-in session. */
    NOT_AUTHENTICATED,
    /** Wrong username or password. Deliberately does not say which. */
    AUTH_FAILED,
    /** The account is locked by an administrator. */
    ACCOUNT_LOCKED,
    /** An administrator has banned the account for a while; the message says until when. */
    ACCOUNT_BANNED,
    /** The session is already logged in. */
    ALREADY_AUTHENTICATED,
    /** The username does not meet the rules (length, characters). */
    INVALID_USERNAME,
    /** The username is taken (names are compared case-insensitively). */
    USERNAME_TAKEN,
    /** The password does not meet the password rules. */
    WEAK_PASSWORD,
    /** Self-registration is disabled on this server. */
    REGISTRATION_CLOSED,
    /** The named user does not exist. */
    NO_SUCH_USER,
    /** The caller is authenticated but not allowed to do this (for example not an administrator). */
    NOT_ALLOWED,
    /** Too many requests; retry later. */
    RATE_LIMITED,
    /** The server could not store the data; nothing was acknowledged, the client may retry. */
    STORAGE_UNAVAILABLE,
    /** The server is at its connection limit. */
    SERVER_BUSY,
    /** The file is larger than the server's per-file limit; the message says the limit. */
    FILE_TOO_LARGE,
    /** Storing this would exceed the user's storage quota; the message says how much is left. */
    QUOTA_EXCEEDED,
    /** The server keeps a floor of free disk space and storing this would go below it. */
    STORAGE_FULL,
    /** The bytes received do not have the SHA-256 the sender declared; nothing was kept. */
    CHECKSUM_MISMATCH,
    /** No such object, or none the caller may see (the two are not told apart, so ids cannot be probed). */
    NOT_FOUND,
    /** The request does not fit the object's current state, for example a chunk at the wrong offset. */
    CONFLICT,
    /** Unexpected server-side failure; the request may be retried. */
    INTERNAL;

    /** Parses a wire code, mapping anything unknown to {@link #INTERNAL} so old clients keep working. */
    public static ErrorCode fromWire(String wire) {
        for (ErrorCode code : values()) {
            if (code.name().equals(wire)) {
                return code;
            }
        }
        return INTERNAL;
    }
}
