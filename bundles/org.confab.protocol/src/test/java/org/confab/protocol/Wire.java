package org.confab.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.function.Executable;

/** Helpers shared by the protocol tests: building raw frames and checking protocol errors. */
public final class Wire {
    private Wire() {
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The 4-byte big-endian length prefix for {@code length}, taken as unsigned. */
    public static byte[] lengthPrefix(long length) {
        return new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length};
    }

    /** One complete frame: length prefix and payload. */
    public static byte[] framed(byte[] payload) {
        return concat(lengthPrefix(payload.length), payload);
    }

    public static byte[] framed(String json) {
        return framed(utf8(json));
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** Asserts that {@code action} fails with a {@link ProtocolException} carrying {@code code}. */
    public static ProtocolException assertProtocolError(ErrorCode code, Executable action) {
        ProtocolException e = assertThrows(ProtocolException.class, action);
        assertEquals(code, e.code(), () -> "unexpected code for: " + e.getMessage());
        return e;
    }
}
