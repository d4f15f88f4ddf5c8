package org.confab.protocol;

import static org.confab.protocol.Wire.assertProtocolError;
import static org.confab.protocol.Wire.concat;
import static org.confab.protocol.Wire.framed;
import static org.confab.protocol.Wire.lengthPrefix;
import static org.confab.protocol.Wire.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FrameReaderTest {

    private final FrameCodec codec = new FrameCodec();

    private FrameReader reader(byte[] bytes) {
        return new FrameReader(new ByteArrayInputStream(bytes), codec);
    }

    @Test
    void readsConsecutiveFramesThenCleanEnd() throws Exception {
        FrameReader reader = reader(concat(framed("{\"type\":\"ping\",\"rid\":1}"),
                framed("{\"type\":\"chat.send\",\"rid\":2,\"to\":\"bob\"}")));
        Frame first = reader.read().orElseThrow();
        assertEquals("ping", first.type());
        assertEquals(1, first.rid());
        Frame second = reader.read().orElseThrow();
        assertEquals("chat.send", second.type());
        assertEquals("bob", second.body().get("to").textValue());
        assertEquals(Optional.empty(), reader.read());
        assertEquals(Optional.empty(), reader.read());
    }

    @Test
    void aTighterLimitRefusesTheLengthBeforeThePayloadIsRead() throws Exception {
        // the 16 KiB before hello.ok: only the length prefix is there, and it is enough to refuse
        ProtocolException refused = assertThrows(ProtocolException.class,
                () -> reader(lengthPrefix(Protocol.MIN_MAX_FRAME_BYTES + 1)).readPayload(Protocol.MIN_MAX_FRAME_BYTES));
        assertEquals(ErrorCode.FRAME_TOO_LARGE, refused.code());
        byte[] payload = utf8("{\"type\":\"ping\"}");
        assertArrayEquals(payload, reader(framed(payload)).readPayload(payload.length).orElseThrow());
        assertThrows(ProtocolException.class, () -> reader(framed(payload)).readPayload(payload.length - 1));
        assertThrows(ProtocolException.class, () -> reader(lengthPrefix(codec.maxFrameBytes() + 1)).readPayload(Integer.MAX_VALUE),
                "a looser limit than the codec's does not widen it");
    }

    @Test
    void emptyStreamIsACleanEnd() throws Exception {
        assertEquals(Optional.empty(), reader(new byte[0]).read());
        assertEquals(Optional.empty(), reader(new byte[0]).readPayload());
    }

    @Test
    void readPayloadReturnsTheRawBytes() throws Exception {
        byte[] payload = utf8("{\"type\":\"ping\"}");
        assertArrayEquals(payload, reader(framed(payload)).readPayload().orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void endOfStreamInsideTheLengthIsAnEofException(int lengthBytes) {
        byte[] truncated = Arrays.copyOf(framed("{\"type\":\"ping\"}"), lengthBytes);
        assertThrows(EOFException.class, () -> reader(truncated).read());
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 5, 10, 18})
    void endOfStreamInsideThePayloadIsAnEofException(int bytes) {
        byte[] whole = framed("{\"type\":\"ping\"}");
        assertEquals(19, whole.length);
        assertThrows(EOFException.class, () -> reader(Arrays.copyOf(whole, bytes)).read());
    }

    @Test
    void endOfStreamInsideTheSecondFrameIsAnEofException() throws Exception {
        byte[] two = concat(framed("{\"type\":\"ping\"}"), framed("{\"type\":\"ping\"}"));
        FrameReader reader = reader(Arrays.copyOf(two, two.length - 1));
        assertEquals("ping", reader.read().orElseThrow().type());
        assertThrows(EOFException.class, reader::read);
    }

    @Test
    void declaredLengthOverTheLimitFailsOnTheLengthAlone() {
        // Declares 2^31-1 bytes but sends three; anything read past them fails the test.
        GuardedStream in = new GuardedStream(concat(lengthPrefix(Integer.MAX_VALUE), utf8("abc")));
        FrameReader reader = new FrameReader(in, new FrameCodec(Protocol.HARD_MAX_FRAME_BYTES));
        long allocated = allocatedBy(() -> {
            ProtocolException e = assertProtocolError(ErrorCode.FRAME_TOO_LARGE, reader::read);
            assertTrue(e.isFatal());
            assertTrue(e.getMessage().contains("2147483647"), e.getMessage());
        });
        assertEquals(4, in.consumed, "only the length may be read");
        assertTrue(allocated < 1 << 20, "allocated " + allocated + " bytes");
    }

    @Test
    void shortStreamUnderTheLimitDoesNotReserveTheDeclaredSize() {
        // The largest legal declaration, followed by three bytes and the end of the stream.
        byte[] bytes = concat(lengthPrefix(Protocol.HARD_MAX_FRAME_BYTES), utf8("abc"));
        FrameReader reader = new FrameReader(new ByteArrayInputStream(bytes), new FrameCodec(Protocol.HARD_MAX_FRAME_BYTES));
        long allocated = allocatedBy(() -> assertThrows(EOFException.class, reader::read));
        assertTrue(allocated < Protocol.HARD_MAX_FRAME_BYTES / 2, "allocated " + allocated + " bytes");
    }

    @Test
    void limitIsInclusive() throws Exception {
        FrameCodec small = new FrameCodec(Protocol.MIN_MAX_FRAME_BYTES);
        String prefix = "{\"type\":\"ping\",\"pad\":\"";
        String exact = prefix + "x".repeat(Protocol.MIN_MAX_FRAME_BYTES - prefix.length() - 2) + "\"}";
        FrameReader atLimit = new FrameReader(new ByteArrayInputStream(framed(exact)), small);
        assertEquals("ping", atLimit.read().orElseThrow().type());

        GuardedStream in = new GuardedStream(lengthPrefix(Protocol.MIN_MAX_FRAME_BYTES + 1));
        assertProtocolError(ErrorCode.FRAME_TOO_LARGE, () -> new FrameReader(in, small).read());
        assertEquals(4, in.consumed);
    }

    @ParameterizedTest
    @ValueSource(longs = {0x8000_0000L, 0xFFFF_FFFFL, 0x8000_0010L})
    void lengthWithTheHighBitSetIsTooLarge(long length) {
        GuardedStream in = new GuardedStream(concat(lengthPrefix(length), utf8("{}")));
        ProtocolException e = assertProtocolError(ErrorCode.FRAME_TOO_LARGE, () -> new FrameReader(in, codec).read());
        assertTrue(e.getMessage().contains(Long.toString(length)), "unsigned length in: " + e.getMessage());
        assertEquals(4, in.consumed);
    }

    @Test
    void zeroLengthIsABadFrameAndTheStreamStaysInSync() throws Exception {
        FrameReader reader = reader(concat(lengthPrefix(0), framed("{\"type\":\"ping\",\"rid\":5}")));
        ProtocolException e = assertProtocolError(ErrorCode.BAD_FRAME, reader::read);
        assertFalse(e.isFatal());
        assertEquals(5, reader.read().orElseThrow().rid());
    }

    @Test
    void unparseablePayloadIsABadFrameAndTheStreamStaysInSync() throws Exception {
        FrameReader reader = reader(concat(framed("not json at all"), framed(new byte[] {(byte) 0xFF, (byte) 0xFE}),
                framed("[1,2]"), framed("{\"type\":\"ping\",\"rid\":-1}"), framed("{\"type\":\"ping\",\"rid\":6}")));
        for (int i = 0; i < 4; i++) {
            assertFalse(assertProtocolError(ErrorCode.BAD_FRAME, reader::read).isFatal());
        }
        assertEquals(6, reader.read().orElseThrow().rid());
        assertEquals(Optional.empty(), reader.read());
    }

    @Test
    void ioErrorsOfTheStreamPropagate() {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };
        IOException e = assertThrows(IOException.class, () -> new FrameReader(failing, codec).read());
        assertEquals("connection reset", e.getMessage());
    }

    /**
     * Bytes allocated by the current thread while running {@code action}. The HotSpot counter is
     * reached through its public interface by reflection, so the test compiles against the Java SE API
     * alone; the test is skipped on a JVM without it.
     */
    private static long allocatedBy(Executable action) {
        Method counter;
        try {
            counter = Class.forName("com.sun.management.ThreadMXBean").getMethod("getThreadAllocatedBytes", long.class);
        } catch (ReflectiveOperationException e) {
            counter = null;
        }
        Object threads = ManagementFactory.getThreadMXBean();
        assumeTrue(counter != null && counter.getDeclaringClass().isInstance(threads), "allocation counter unavailable");
        long id = Thread.currentThread().threadId();
        long before = allocated(counter, threads, id);
        assumeTrue(before >= 0, "allocation counter disabled");
        try {
            action.execute();
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
        return allocated(counter, threads, id) - before;
    }

    private static long allocated(Method counter, Object threads, long threadId) {
        try {
            return (long) counter.invoke(threads, threadId);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** Serves fixed bytes and fails the test if anyone tries to read past them. */
    private static final class GuardedStream extends InputStream {
        private final byte[] data;
        int consumed;

        GuardedStream(byte[] data) {
            this.data = data;
        }

        @Override
        public int read() {
            if (consumed >= data.length) {
                throw new AssertionError("read past the " + data.length + " bytes sent");
            }
            return data[consumed++] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            b[off] = (byte) read();
            return 1;
        }
    }
}
