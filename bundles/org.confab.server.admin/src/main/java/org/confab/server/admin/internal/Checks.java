package org.confab.server.admin.internal;

import org.confab.protocol.ErrorCode;
import org.confab.protocol.ProtocolException;

/** Argument checks for callers that bypass the wire records' own validation (the console). */
final class Checks {
    private Checks() {
    }

    static void range(String what, long value, long min, long max) throws ProtocolException {
        if (value < min || value > max) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, what + " must be between " + min + " and " + max);
        }
    }

    static void length(String what, String value, int max) throws ProtocolException {
        if (value.length() > max) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, what + " must be at most " + max + " characters long");
        }
    }
}
