package org.confab.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;

class ErrorCodeTest {

    @Test
    void everyCodeParsesFromItsWireName() {
        for (ErrorCode code : ErrorCode.values()) {
            assertSame(code, ErrorCode.fromWire(code.name()));
        }
    }

    @Test
    void unknownOrMalformedCodesMapToInternal() {
        assertSame(ErrorCode.INTERNAL, ErrorCode.fromWire("SOMETHING_NEW"));
        assertSame(ErrorCode.INTERNAL, ErrorCode.fromWire("bad_frame"));
        assertSame(ErrorCode.INTERNAL, ErrorCode.fromWire(""));
        assertSame(ErrorCode.INTERNAL, ErrorCode.fromWire(null));
    }

    @Test
    void onlyOversizedFramesAndVersionMismatchAreFatal() {
        EnumSet<ErrorCode> fatal = EnumSet.noneOf(ErrorCode.class);
        for (ErrorCode code : ErrorCode.values()) {
            if (new ProtocolException(code, "x").isFatal()) {
                fatal.add(code);
            }
        }
        assertEquals(EnumSet.of(ErrorCode.FRAME_TOO_LARGE, ErrorCode.UNSUPPORTED_VERSION), fatal);
    }

    @Test
    void exceptionCarriesCodeMessageAndCause() {
        IllegalStateException cause = new IllegalStateException("boom");
        ProtocolException e = new ProtocolException(ErrorCode.BAD_FRAME, "why", cause);
        assertSame(ErrorCode.BAD_FRAME, e.code());
        assertEquals("why", e.getMessage());
        assertSame(cause, e.getCause());
        assertFalse(e.isFatal());
        assertTrue(new ProtocolException(ErrorCode.FRAME_TOO_LARGE, "x").isFatal());
    }
}
