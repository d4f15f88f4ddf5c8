package org.confab.protocol;

import static org.confab.protocol.Wire.assertProtocolError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Binary frames (protocol section 2.1): the layout, its example, and every malformed header refused. */
class BinaryFrameTest {

    private final FrameCodec codec = new FrameCodec();

    @Test
    void documentedExampleDecodesAndEncodesByteForByte() throws Exception {
        byte[] payload = HexFormat.ofDelimiter(" ").parseHex(
                "00 00 14 7b 22 74 79 70 65 22 3a 22 78 22 2c 22 72 69 64 22 3a 32 7d 01 02 03");
        Frame frame = codec.decode(payload);
        assertEquals("x", frame.type());
        assertEquals(2, frame.rid());
        assertArrayEquals(new byte[] {1, 2, 3}, frame.data());
        assertArrayEquals(payload, codec.encode(frame));
    }

    @Test
    void roundTripKeepsFieldsAndEveryByteValue() throws Exception {
        byte[] data = new byte[256 * 1024];
        new Random(7).nextBytes(data);
        data[0] = '{'; // data that looks like JSON stays data
        Frame sent = Frame.of("attach.chunk", 9).withData(data);
        sent.body().put("id", "abc").put("offset", 1L << 33);
        Frame received = codec.decode(codec.encode(sent));
        assertEquals("attach.chunk", received.type());
        assertEquals(9, received.rid());
        assertEquals("abc", received.body().get("id").textValue());
        assertEquals(1L << 33, received.body().get("offset").longValue());
        assertArrayEquals(data, received.data());
    }

    @Test
    void emptyDataIsAllowedAndDiffersFromNoData() throws Exception {
        Frame received = codec.decode(codec.encode(Frame.of("attach.read.ok", 1).withData(new byte[0])));
        assertTrue(received.hasData());
        assertEquals(0, received.dataLength());
        Frame json = codec.decode(codec.encode(Frame.of("ping", 1)));
        assertFalse(json.hasData());
        assertNull(json.data());
        assertEquals('{', codec.encode(Frame.of("ping", 1))[0]);
    }

    @Test
    void binaryFramesTravelThroughReaderAndWriterLikeOthers() throws Exception {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        FrameWriter writer = new FrameWriter(wire, codec);
        writer.write(Frame.of("a", 1).withData(new byte[] {0, 0, 0}));
        writer.write(Frame.of("b", 2));
        FrameReader reader = new FrameReader(new ByteArrayInputStream(wire.toByteArray()), codec);
        assertArrayEquals(new byte[] {0, 0, 0}, reader.read().orElseThrow().data());
        assertEquals("b", reader.read().orElseThrow().type());
        assertTrue(reader.read().isEmpty());
    }

    @Test
    void malformedHeadersAreBadFramesThatKeepTheConnection() {
        byte[][] bad = {
            {0},                                  // no header length
            {0, 0},                               // half a header length
            {0, 0, 1, '{'},                       // header length below 2
            {0, 0, 9, '{', '}'},                  // header longer than the frame
            {0, (byte) 0x40, 1, '{', '}'},        // header length above 16 KiB
            {0, 0, 2, '[', ']'},                  // header not an object
            {0, 0, 2, '{', '}'},                  // header without a type
        };
        for (byte[] payload : bad) {
            ProtocolException e = assertProtocolError(ErrorCode.BAD_FRAME, () -> codec.decode(payload));
            assertFalse(e.isFatal(), HexFormat.of().formatHex(payload));
        }
    }

    @Test
    void binaryFrameCountsAgainstTheFrameLimit() {
        FrameCodec small = new FrameCodec(Protocol.MIN_MAX_FRAME_BYTES);
        byte[] header = "{\"type\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        byte[] payload = new byte[Protocol.MIN_MAX_FRAME_BYTES + 1];
        payload[2] = (byte) header.length;
        System.arraycopy(header, 0, payload, 3, header.length);
        assertProtocolError(ErrorCode.FRAME_TOO_LARGE, () -> small.decode(payload));
    }

    @Test
    void oversizedHeaderIsRefusedWhenEncoding() {
        Frame frame = Frame.of("x", 1).withData(new byte[1]);
        frame.body().put("big", "y".repeat(Protocol.MAX_BINARY_HEADER_BYTES));
        assertThrows(IllegalArgumentException.class, () -> codec.encode(frame));
    }
}
