package org.confab.server.attachments.internal;

import org.confab.protocol.ErrorCode;
import org.confab.protocol.ProtocolException;

/** A chunk at the wrong offset: the error frame tells the client the stored length in field {@code offset}. */
final class OffsetConflict extends ProtocolException {
    private static final long serialVersionUID = 1L;

    private final long expected;

    OffsetConflict(long expected, long given) {
        super(ErrorCode.CONFLICT, "the upload continues at offset " + expected + ", not " + given);
        this.expected = expected;
    }

    long expected() {
        return expected;
    }
}
